"""Which editions a page exists in, for the language switcher, hreflang and canonical links.

Everything is computed at most once per request (memoised on the request), so the header,
the <head> links and the footer share the same query, the page's live translations; the
edition homes are kept between requests (caching.values).
"""

from dataclasses import dataclass
from urllib.parse import urlencode, urlsplit

from django.conf import settings
from django.urls import reverse
from django.utils import translation
from wagtail.models import Page, Site

from caching.tags import RESTRICTIONS_TAG, page_tag, public_path
from caching.values import layout_value, on_request, request_host, versioned_value
from core.querysets import public_pages
from core.routing import page_url

RTL_LANGUAGES = {"ar", "fa"}


def direction(code):
    """ "rtl" for the editions written right to left (Arabic, Persian), else "ltr"."""
    return "rtl" if code in RTL_LANGUAGES else "ltr"


@dataclass(frozen=True)
class ContentLanguage:
    """The language of what is shown: ``<html lang="{{ code }}" dir="{{ direction }}">``."""

    code: str

    @property
    def direction(self):
        return direction(self.code)

    @property
    def is_rtl(self):
        return self.code in RTL_LANGUAGES

    def __str__(self):
        return self.code


def content_language(page=None):
    """The page's own locale when there is a page, else the active language (404 page,
    other views). Never the visitor's browser language."""
    if isinstance(page, Page) and page.locale_id:
        code = page.locale.language_code
    else:
        code = translation.get_language() or settings.LANGUAGE_CODE
    return ContentLanguage(code)


def alias_language(page):
    """For an alias (a synchronised copy of another edition's page), the language its
    content is really written in, when it differs from the edition it sits in; else None."""
    if not isinstance(page, Page) or not page.alias_of_id:
        return None
    original = content_language(page.alias_of)
    return original if original.code != content_language(page).code else None


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
        return direction(self.code)


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

    # Kept between requests until an edition's header changes (a home is published).
    return layout_value(request, f"edition-homes:{request_host(request)}", compute)


def live_translations(request, page):
    """The page's live, public, non-alias versions by language code, itself included."""
    if page is None or not getattr(page, "pk", None):
        return {}

    def compute():
        # Plain pages (their address and locale are all that is needed), not the
        # specific type's rows with their bodies.
        pages = (
            public_pages(Page.objects.filter(translation_key=page.translation_key).live())
            .filter(alias_of__isnull=True)
            .select_related("locale")
        )
        return {translated.locale.language_code: translated for translated in pages}

    # Kept between requests under the page's own tag, which publishing, unpublishing or
    # moving any of its translations bumps (caching.purge), and the restrictions' tag.
    tags = [page_tag(public_path(page.url_path, page.locale.language_code)), RESTRICTIONS_TAG]
    return versioned_value(
        request, f"translations:{request_host(request)}:{page.pk}", compute, tags
    )


def object_languages(request, obj):
    """The editions in which ``obj`` (a translatable object shown by a routable sub-page, such
    as the category of a category archive) exists, or None when there is no such object."""
    if obj is None or not getattr(obj, "translation_key", None):
        return None

    def compute():
        return set(
            type(obj)
            ._default_manager.filter(translation_key=obj.translation_key)
            .values_list("locale__language_code", flat=True)
        )

    return on_request(request, ("subpage", type(obj).__name__, obj.translation_key), compute)


def _path(url):
    """The path of a page URL, whether Wagtail gave it relative or absolute (several sites)."""
    return urlsplit(url or "").path


def _subpage_suffix(request, page):
    """The part of the address below a routable page (an archive), kept across editions:
    ``/en/articles/category/iraq/`` gives ``category/iraq/``."""
    prefix = _path(page_url(request, page))
    if prefix and request.path.startswith(prefix):
        return request.path[len(prefix) :]
    return ""


def _absolute(request, url):
    """An absolute URL for a page URL (Wagtail returns a relative one with a single site)."""
    return url if urlsplit(url).scheme else request.build_absolute_uri(url)


def edition_links(request, page=None, subpage_languages=None):
    """The language switcher: one ``EditionLink`` per edition in ``settings.LANGUAGES`` order.

    Each goes to the same page's live, public, non-alias translation (keeping a routable
    sub-page such as a category archive in the editions of ``subpage_languages``, every
    edition when None), or to that edition's home when there is none, through
    ``/edition/<code>/?next=…`` so the choice is remembered. Without a page (the 404 page)
    every link goes to the edition's home.
    """
    if not isinstance(page, Page) or not page.pk:
        page = None
    current = content_language(page).code
    homes = edition_homes(request)
    translations = live_translations(request, page)
    suffix = _subpage_suffix(request, page) if page is not None else ""
    links = []
    for code, name in settings.LANGUAGES:
        translated = translations.get(code)
        if translated is not None:
            address = _path(page_url(request, translated))
            if subpage_languages is None or code in subpage_languages:
                address += suffix
        elif code in homes:
            address = _path(page_url(request, homes[code]))
        else:
            address = f"/{code}/"
        switch_url = reverse("switch_edition", args=[code]) + "?" + urlencode({"next": address})
        links.append(
            EditionLink(
                code=code,
                name=name,
                url=switch_url,
                page_url=address,
                is_current=code == current,
                is_translation=translated is not None,
            )
        )
    return links


def alternate_links(request, page, subpage_languages=None):
    """hreflang alternates: every live translation of the page, plus x-default (English).

    On a routable sub-page (an archive), only the editions in ``subpage_languages`` (those
    where the sub-page exists; every edition when None). None for an alias: it is a copy of
    another edition's page, never a translation, and is kept out of search engines
    (noindex, canonical to the original)."""
    if not is_real_page(page):
        return []
    translations = live_translations(request, page)
    if not translations:
        return []
    suffix = _subpage_suffix(request, page)
    if suffix and subpage_languages is not None:
        translations = {
            code: translated
            for code, translated in translations.items()
            if code in subpage_languages
        }
    if not translations:
        return []
    alternates = [
        (code, _absolute(request, page_url(request, translations[code]) + suffix))
        for code, _name in settings.LANGUAGES
        if code in translations
    ]
    default = translations.get(settings.LANGUAGE_CODE)
    if default is not None:
        alternates.append(("x-default", _absolute(request, page_url(request, default) + suffix)))
    return alternates


def canonical_url(request, page, page_number=None):
    """The page's absolute address: routable sub-page included, query string dropped except
    ``?page=N`` for N > 1. An alias points at the page it copies."""
    if not isinstance(page, Page) or not page.pk:
        return ""
    suffix = _subpage_suffix(request, page)
    target = page.alias_of if page.alias_of_id else page
    url = page_url(request, target)
    if not url:
        return ""
    url = _absolute(request, url + suffix)
    try:
        number = int(page_number or 1)
    except (TypeError, ValueError):
        number = 1
    if number > 1:
        url += "?" + urlencode({"page": number})
    return url


def is_real_page(page):
    """Only pages that are their edition's own content are indexable."""
    return isinstance(page, Page) and page.alias_of_id is None
