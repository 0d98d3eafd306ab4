"""Translate the English demo site into the other editions through wagtail-localize.

Translations are made exactly as a translator's work would be: each English page or
snippet is submitted for translation (``translate_object``), its strings are filled in from
``home.demo.translations.<language>``, and the translation is published with
``Translation.save_target``. The translation editor then shows them as translations of
the English pages, and "sync" keeps working.

Idempotent: an object that already has a translation in an edition is left alone.
"""

import html
import importlib
import re
from collections import Counter

from django.db import transaction
from wagtail.models import Locale, Page
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtail_localize.strings import StringValue

from core.models import SiteSettings
from home.demo import content
from home.models import ContactPage, HomePage, StandardPage
from media_pages.models import CartoonPage, GalleryPage, NewsPicturePage, VideoPage
from news.models import ArticlePage, Author, Category
from publications.models import BookPage, PeriodicalIssuePage

# The editions the demo is translated into, in the order they are built.
EDITION_LANGUAGES = ["ar", "fa", "sq"]

# Where each translated collection's English objects live: (model, field to look up by).
PAGE_COLLECTIONS = [
    ("SECTIONS", Page, "slug"),
    ("PAGES", (StandardPage, ContactPage), "slug"),
    ("ARTICLES", ArticlePage, "slug"),
    ("CARTOONS", CartoonPage, "slug"),
    ("NEWS_PICTURES", NewsPicturePage, "slug"),
    ("GALLERIES", GalleryPage, "slug"),
    ("VIDEOS", VideoPage, "slug"),
    ("BOOKS", BookPage, "slug"),
    ("ISSUES", PeriodicalIssuePage, "slug"),
]
SNIPPET_COLLECTIONS = [("CATEGORIES", Category, "slug"), ("AUTHORS", Author, "name")]


def normalise(text):
    """Compare strings as a reader sees them, whatever their HTML escaping or spacing."""
    text = re.sub(r"<br\s*/?>", "\n", text)
    return " ".join(html.unescape(text).split())


def text_pairs(english, translated):
    """(English, translated) string pairs found by walking two same-shaped values."""
    if isinstance(english, str) and isinstance(translated, str):
        if english.strip() and translated.strip():
            yield english, translated
    elif isinstance(english, (list, tuple)) and isinstance(translated, (list, tuple)):
        for english_item, translated_item in zip(english, translated, strict=False):
            yield from text_pairs(english_item, translated_item)


class EditionTranslator:
    def __init__(self, language_code):
        self.locale = Locale.objects.get(language_code=language_code)
        self.module = importlib.import_module(f"home.demo.translations.{language_code}")
        self.source_locale = Locale.get_default()
        self.created = Counter()
        self.dictionary = self.build_dictionary()

    def build_dictionary(self):
        dictionary = {}
        for collection, fields in content.TRANSLATABLE_FIELDS.items():
            english_items = getattr(content, collection)
            translated_items = getattr(self.module, collection, {})
            if collection in ("SITE", "HOME"):
                english_items, translated_items = {"": english_items}, {"": translated_items}
            for key, translated in translated_items.items():
                english = english_items.get(key, {})
                for field in fields:
                    for source, target in text_pairs(english.get(field), translated.get(field)):
                        dictionary[normalise(source)] = target
        for source, target in getattr(self.module, "STRINGS", {}).items():
            dictionary[normalise(source)] = target
        return dictionary

    def run(self):
        for snippet in self.snippets():
            self.translate(snippet, "snippets")
        for page in self.pages():
            self.translate(page, "pages")
        identity = SiteSettings.objects.exclude(identity=None).first()
        if identity is not None:
            self.translate(identity.identity, "snippets")
        return self

    def snippets(self):
        for collection, model, field in SNIPPET_COLLECTIONS:
            for key in getattr(self.module, collection, {}):
                spec = getattr(content, collection)[key]
                yield model.objects.get(locale=self.source_locale, **{field: spec[field]})

    def pages(self):
        """The English pages to translate, parents before children."""
        pages = [HomePage.objects.get(locale=self.source_locale, depth=2)]
        for collection, models, field in PAGE_COLLECTIONS:
            models = models if isinstance(models, tuple) else (models,)
            for key in getattr(self.module, collection, {}):
                spec = getattr(content, collection)[key]
                matches = [
                    page
                    for model in models
                    for page in model.objects.filter(
                        locale=self.source_locale, **{field: spec.get(field, key)}
                    )
                ]
                if len(matches) != 1:
                    raise LookupError(f"{collection}[{key!r}]: {len(matches)} English pages")
                pages.append(matches[0])
        return sorted(pages, key=lambda page: page.depth)

    @transaction.atomic
    def translate(self, instance, kind):
        instance = instance.specific if isinstance(instance, Page) else instance
        if instance.has_translation(self.locale):
            return
        translate_object(instance, [self.locale])
        source = TranslationSource.objects.get_for_instance(instance)
        self.fill_strings(source)
        Translation.objects.get(source=source, target_locale=self.locale).save_target(publish=True)
        self.created[kind] += 1

    def fill_strings(self, source):
        for segment in source.stringsegment_set.select_related("string", "context"):
            translated = self.dictionary.get(normalise(segment.string.data))
            if translated is None:
                continue
            StringTranslation.objects.get_or_create(
                translation_of=segment.string,
                locale=self.locale,
                context=segment.context,
                defaults={"data": StringValue.from_plaintext(translated).data},
            )


def translate_demo(languages=EDITION_LANGUAGES):
    """Translate the demo into each edition; returns {language: Counter of created}."""
    return {language: EditionTranslator(language).run().created for language in languages}
