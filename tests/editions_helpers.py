"""Building editions in tests the way translators do: through wagtail-localize."""

from django.test import TestCase
from wagtail.models import Locale
from wagtail_localize.models import StringTranslation, Translation, TranslationSource
from wagtail_localize.operations import translate_object
from wagtail_localize.strings import StringValue


def locale(code):
    return Locale.objects.get(language_code=code)


def translate(instance, code, strings=None, publish=True):
    """Submit `instance` for translation into `code`, translate the given strings
    ({English text: translation}), and save (publish) the translation."""
    target = locale(code)
    translate_object(instance, [target])
    source = TranslationSource.objects.get_for_instance(instance)
    for segment in source.stringsegment_set.select_related("string", "context"):
        text = (strings or {}).get(segment.string.data)
        if text is not None:
            StringTranslation.objects.update_or_create(
                translation_of=segment.string,
                locale=target,
                context=segment.context,
                defaults={"data": StringValue.from_plaintext(text).data},
            )
    translation = Translation.objects.get(source=source, target_locale=target)
    # wagtail-localize publishes on commit; tests run inside a transaction that never commits.
    with TestCase.captureOnCommitCallbacks(execute=True):
        translation.save_target(publish=publish)
    return instance.get_translation(target)


def make_edition(home_page, code, title=None):
    """The edition's home page: a live translation of the English home."""
    return translate(home_page, code, {home_page.title: title or f"Home ({code})"})
