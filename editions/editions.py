"""Which editions a page exists in, for the language switcher, hreflang and canonical links."""

from dataclasses import dataclass
from urllib.parse import urlencode

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site

RTL_LANGUAGES = {"ar", "fa"}


@dataclass(frozen=True)
class EditionLink:
    code: str
    name: str
    url: str  # where the switcher sends the visitor (remembers the choice)
    page_url: str  # the page itself in that edition: the home page when not translated
    is_current: bool
    is_translation: bool  # False when the page has no live translation in that edition

    @property
    def direction(self):
        return "rtl" if self.code in RTL_LANGUAGES else "ltr"


def _memoised(request, key, compute):
    cache = request.__dict__.setdefault("_editions_cache", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def edition_homes(request):
    """Each edition's live home page, by language code (one query per request)."""

    def compute():
        site = Site.find_for_request(request) or Site.objects.get(is_default_site=True)
        homes = (
            site.root_page.get_translations(inclusive=True)
            .live()
            .filter(alias_of__isnull=True)
            .select_related("locale")
        )
        return {home.locale.language_code: home for home in homes}

    return _memoised(request, "homes", compute)


def live_translations(request, page):
    """The page's live, public, non-alias versions by language code, itself included."""
    if page is None or not getattr(page, "pk", None):
        return {}

    def compute():
        pages = (
            page.get_translations(inclusive=True)
            .live()
            .public()
            .filter(alias_of__isnull=True)
            .select_related("locale")
        )
        return {translated.locale.language_code: translated for translated in pages}

    return _memoised(request, ("translations", page.translation_key), compute)


def _subpage_suffix(request, page):
    """The part of the address below a routable page (an archive), kept across editions."""
    page_url = page.get_url(request)
    current_prefix = page_url or ""
    if current_prefix and request.path.startswith(current_prefix):
        return request.path[len(current_prefix) :]
    return ""


def edition_links(request, page=None):
    current = translation.get_language()
    homes = edition_homes(request)
    translations = live_translations(request, page)
    suffix = _subpage_suffix(request, page) if page is not None and page.pk else ""
    links = []
    for code, name in settings.LANGUAGES:
        translated = translations.get(code)
        if translated is not None:
            page_url = translated.get_url(request) + suffix
        elif code in homes:
            page_url = homes[code].get_url(request)
        else:
            page_url = f"/{code}/"
        switch_url = reverse("switch_edition", args=[code]) + "?" + urlencode({"next": page_url})
        links.append(
            EditionLink(
                code=code,
                name=name,
                url=switch_url,
                page_url=page_url,
                is_current=code == current,
                is_translation=translated is not None,
            )
        )
    return links


def alternate_links(request, page):
    """hreflang alternates: every live translation of the page, plus x-default (English)."""
    translations = live_translations(request, page)
    if not translations:
        return []
    suffix = _subpage_suffix(request, page)
    alternates = [
        (code, request.build_absolute_uri(translations[code].get_url(request) + suffix))
        for code, _name in settings.LANGUAGES
        if code in translations
    ]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        alternates.append(
            ("x-default", request.build_absolute_uri(default.get_url(request) + suffix))
        )
    return alternates


def is_real_page(page):
    """Only pages that are their edition's own content are indexable."""
    return isinstance(page, Page) and page.alias_of_id is None
