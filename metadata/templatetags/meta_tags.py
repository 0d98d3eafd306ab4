"""The <head> metadata of every page: title, description, robots, Open Graph, Twitter card
and JSON-LD, built in ``metadata.descriptions``.

    {% load meta_tags %}
    {% page_meta as meta %}
    <title>{{ meta.document_title }}</title>
    {{ meta.description }}  {{ meta.robots }}  {{ meta.url }}
    {% for attribute, name, content in meta.social_tags %}…{% endfor %}
    {{ meta.json_ld }}      escaped JSON for <script type="application/ld+json">

Everything comes from helpers memoised on the request (site identity, edition home,
translations, breadcrumbs, site settings), which the header and the <head> links share.
"""

from django import template
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from core.models import SiteSettings
from core.routing import page_url
from core.templatetags.navigation_tags import (
    breadcrumb_pages,
    get_edition_home,
    get_site_identity,
    site_name,
)
from editions import links as edition_links
from editions.formatting import localize_digits
from editions.templatetags.editions_tags import _page_number, alternate_links, canonical_url
from metadata import descriptions

register = template.Library()

OG_TYPES = {
    "news.articlepage": "article",
    "publications.bookpage": "book",
    "media_pages.videopage": "video.other",
}


def _page(context):
    page = context.get("page")
    return page if isinstance(page, Page) else None


def _logo(request):
    return SiteSettings.current(request).logo


@register.simple_tag(takes_context=True)
def page_meta(context):
    """``{% page_meta as meta %}``: a ``metadata.descriptions.PageMeta`` for the page or
    view shown."""
    request = context.get("request")
    page = _page(context)
    name = site_name(context)
    identity = get_site_identity(context)
    tagline = identity.tagline if identity is not None else ""
    language = edition_links.content_language(page).code
    meta = descriptions.PageMeta(
        title="", title_suffix=name, site_name=name, locale=descriptions.og_locale(language)
    )
    if request is None:  # rendered outside a request (an e-mail, a test): the title only
        meta.title = (page.seo_title or page.title) if page is not None else ""
        return meta
    if page is None:
        _describe_view(context, request, meta, tagline)
    else:
        _describe_page(context, request, page, meta, identity, language)
    return meta


def _describe_view(context, request, meta, tagline):
    """Search results, the 404 page, any view that is not a page: never indexed."""
    meta.noindex = True
    if "search_query" in context:
        query = context.get("search_query")
        meta.title = _("Search: %(query)s") % {"query": query} if query else _("Search")
        meta.description = _("Search articles, media and publications")
        meta.robots = "noindex, follow"
    else:
        meta.description = descriptions.truncate(tagline)
        meta.robots = "noindex"
    meta.image = descriptions.share_image(
        request, _logo(request), descriptions.LOGO_SHARE_FILTER, meta.site_name
    )


def _describe_page(context, request, page, meta, identity, language):
    archive = context.get("archive")
    home = get_edition_home(context)
    is_home = home is not None and page.pk == home.pk
    tagline = identity.tagline if identity is not None else ""

    # Title and description.
    if archive is not None:
        meta.title = str(archive.title)
        meta.description = descriptions.archive_description(archive)
    elif is_home:
        meta.title = page.seo_title or meta.site_name
        meta.title_suffix = tagline
        meta.description = descriptions.page_description(page)
    else:
        meta.title = page.seo_title or page.title
        meta.description = descriptions.page_description(page)
    number = _page_number(context)
    if number > 1:
        page_label = _("Page %(number)s") % {"number": localize_digits(number)}
        meta.title = f"{meta.title} – {page_label}"
    meta.description = meta.description or descriptions.truncate(tagline)

    # Where it is, in which languages, and whether search engines may index it.
    meta.url = canonical_url(context)
    alias_language = edition_links.alias_language(page)
    if alias_language is not None:
        meta.locale = descriptions.og_locale(alias_language.code)
    meta.alternate_locales = [
        descriptions.og_locale(code)
        for code, _url in alternate_links(context)
        if code not in ("x-default", language)
    ]
    in_wrong_edition = language != translation.get_language()
    if not edition_links.is_real_page(page) or in_wrong_edition:
        meta.noindex = True
        meta.robots = "noindex"

    # The picture it is shared with.
    own_image = descriptions.main_image(page)
    if own_image is not None:
        alt = descriptions.image_alt(page, own_image, language)
        meta.image = descriptions.share_image(
            request, own_image, descriptions.SHARE_IMAGE_FILTER, alt
        )
        meta.has_own_image = meta.image is not None
    logo = _logo(request)
    if meta.image is None:
        meta.image = descriptions.share_image(
            request, logo, descriptions.LOGO_SHARE_FILTER, meta.site_name
        )

    meta.og_type = OG_TYPES.get(page._meta.label_lower, "website")
    is_article = meta.og_type == "article"
    tags, published, modified = [], None, None
    if is_article:
        tags = [tag.name for tag in page.tags.all()]
        published = page.date or page.first_published_at
        # Never before the publication date, which editors may set later than the first save.
        modified = max(filter(None, (published, page.last_published_at)), default=None)
        meta.article = {
            "published_time": descriptions.isoformat(published),
            "modified_time": descriptions.isoformat(modified),
            "section": page.category.name if page.category_id else "",
            "tags": tags,
        }

    if meta.noindex:
        return  # structured data only describes an edition's own, indexable pages

    # Structured data.
    home_url = descriptions.absolute(request, page_url(request, home)) if home is not None else ""
    logo_image = descriptions.share_image(request, logo, descriptions.LOGO_FILTER, meta.site_name)
    publisher = descriptions.organization(meta.site_name, home_url, logo_image)
    nodes = []
    if is_home:
        same_as = [
            link.url
            for link in (identity.social_links.all() if identity is not None else ())
            if link.platform != "rss"
        ]
        nodes.append(descriptions.organization(meta.site_name, home_url, logo_image, same_as))
        nodes.append(
            descriptions.website(
                meta.site_name,
                home_url,
                _search_url(request, language),
                language,
                description=tagline,
                publisher_id=publisher["@id"],
            )
        )
    if is_article:
        nodes.append(
            descriptions.news_article(
                url=meta.url,
                headline=page.title,
                description=meta.description,
                published=published,
                modified=modified,
                language=language,
                publisher=publisher,
                author_name=page.author.name if page.author_id else "",
                image=meta.image if meta.has_own_image else None,
                section=meta.article["section"],
                keywords=tags,
            )
        )
    nodes.append(descriptions.breadcrumb_list(_breadcrumb_items(context, request, page, archive)))
    meta.structured_data = descriptions.graph(*nodes)


def _search_url(request, language):
    """The absolute address of the edition's search page, e.g. https://…/fa/search/."""
    try:
        with translation.override(language):
            return request.build_absolute_uri(reverse("search"))
    except NoReverseMatch:
        return ""


def _breadcrumb_items(context, request, page, archive):
    """(name, absolute URL) from the edition home down to the page, and the archive shown
    below it, if any: the same trail as the visible breadcrumbs."""
    pages = breadcrumb_pages(context, page)
    items = [
        (
            _("Home") if position == 0 else ancestor.title,
            descriptions.absolute(request, page_url(request, ancestor)),
        )
        for position, ancestor in enumerate(pages)
    ]
    if items and archive is not None:
        items.append((str(archive.title), edition_links.canonical_url(request, page)))
    return items
