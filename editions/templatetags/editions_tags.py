"""The visitor side of the editions: switcher, language and direction, <head> links, and
dates and numbers as each edition writes them.

    {% load editions_tags %}
    {% content_language as lang %}      <html lang="{{ lang.code }}" dir="{{ lang.direction }}">
    {% edition_links as editions %}     the language switcher (EditionLink objects)
    {% alternate_links as alternates %} [(hreflang, absolute URL), …, ("x-default", …)]
    {% canonical_url as canonical %}    absolute canonical address ("" without a page)
    {{ value|local_date }}              “December 29, 2011”, “۸ دی ۱۳۹۰”
    {{ value|local_year }}              “2011”, “۱۳۹۰” (the year of a date)
    {{ value|local_digits }}            “۱۲” in Persian, “12” elsewhere
"""

from django import template
from django.core.paginator import Page as PaginatorPage
from django.utils.html import format_html

from caching.values import on_request
from editions import formatting, links

register = template.Library()


def _page(context):
    return context.get("page")


def _subpage_languages(context):
    """On a routable sub-page (an archive of the article index), the editions in which the
    same sub-page exists, so the switcher and hreflang never point at a 404: a category
    archive exists where its category is translated; a tag, year or month archive depends
    on which articles each edition has, so only the current edition is vouched for (the
    switcher then goes to the other editions' article index). None elsewhere."""
    request = context.get("request")
    archive = context.get("archive")
    category = getattr(archive, "category", None) or context.get("category")
    if request is not None and getattr(category, "translation_key", None):
        return links.object_languages(request, category)
    if archive is not None:
        return {links.content_language(_page(context)).code}
    return None


@register.simple_tag(takes_context=True)
def content_language(context, page=None):
    """``{% content_language as lang %}``: ``lang.code``, ``lang.direction`` ("ltr" or "rtl")
    and ``lang.is_rtl`` of the content shown: the page's locale (``page`` from the context,
    or the one given), else the active language."""
    return links.content_language(page if page is not None else _page(context))


@register.simple_tag(takes_context=True)
def alias_lang(context):
    """``<h1{% alias_lang %}>``: ` lang="en" dir="ltr"` on the page's own content when the
    page is an alias showing another edition's text (the menus and labels around it stay in
    the edition's language); nothing otherwise."""
    page = _page(context)
    if page is None or not getattr(page, "alias_of_id", None):
        return ""
    request = context.get("request")
    if request is not None:
        language = on_request(request, ("alias", page.pk), lambda: links.alias_language(page))
    else:
        language = links.alias_language(page)
    if language is None:
        return ""
    return format_html(' lang="{}" dir="{}"', language.code, language.direction)


@register.simple_tag(takes_context=True)
def edition_links(context):
    """``{% edition_links as editions %}``: the language switcher, one ``EditionLink`` per
    edition (``code``, native ``name``, ``url``, ``direction``, ``is_current``,
    ``is_translation``): the same page in every edition, or that edition's home."""
    request = context.get("request")
    if request is None:
        return []
    return links.edition_links(request, _page(context), _subpage_languages(context))


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """(hreflang, absolute URL) pairs for every live translation of the page, and x-default.
    Empty for alias pages."""
    request = context.get("request")
    page = _page(context)
    if request is None or page is None:
        return []
    return links.alternate_links(request, page, _subpage_languages(context))


def _page_number(context):
    """The number of the listing page shown, from the paginator page in the context."""
    for value in context.flatten().values():
        # type(), not isinstance(): isinstance() would evaluate lazy context values such as
        # csrf_token, setting a CSRF cookie (and Vary: Cookie) on every anonymous page.
        if issubclass(type(value), PaginatorPage):
            return value.number
    return 1


@register.simple_tag(takes_context=True)
def canonical_url(context):
    """``{% canonical_url as canonical %}``: the page's absolute address (routable sub-page
    included, ``?page=N`` kept for N > 1, other query parameters dropped); an alias's points
    at the original page. "" when there is no page."""
    request = context.get("request")
    page = _page(context)
    if request is None or page is None:
        return ""
    return links.canonical_url(request, page, _page_number(context))


@register.filter
def local_date(value):
    """A date as the edition writes it (Solar Hijri with Persian digits in Persian)."""
    return formatting.format_date(value)


@register.filter
def local_year(value):
    """The year of a date as the edition counts it (the Solar Hijri year in Persian)."""
    return formatting.format_year(value)


@register.filter(is_safe=True)
def local_digits(value):
    """Numbers shown to readers in the edition's digits (Persian digits in Persian)."""
    if value is None:
        return ""
    return formatting.localize_digits(value)


@register.filter
def bdi(value):
    """``{{ name|bdi }}``: the value isolated in ``<bdi>`` (escaped), for names and titles
    put inside a translated sentence, e.g.
    ``{% blocktranslate with name=author.name|bdi %}By {{ name }}{% endblocktranslate %}``:
    a Latin name in a Persian sentence (or the reverse) then cannot reorder the words and
    punctuation around it, and the message ids stay the same."""
    if value in (None, ""):
        return ""
    return format_html("<bdi>{}</bdi>", value)
