"""Site navigation: the edition's home, the main menu, breadcrumbs and paging.

The language switcher is ``{% edition_links %}`` in ``editions.templatetags.editions_tags``.

Everything here is computed at most once per request (``caching.values.on_request``), and
what every page of an edition shows is kept between requests under the edition's layout
tag (``caching.values.layout_value``), so the header, the mobile menu and the footer can
all use it without repeating queries.
"""

from dataclasses import dataclass, field

from django import template
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page, Site

from caching.values import layout_value, on_request, request_host
from core.models import SiteIdentity, SiteSettings
from core.querysets import public_pages
from core.routing import active_locale_id, page_url, route_ancestors

register = template.Library()

_STEPLEN = Page.steplen


@dataclass
class MenuItem:
    page: Page
    title: str
    url: str
    is_current: bool = False
    is_ancestor: bool = False
    children: list = field(default_factory=list)

    @property
    def is_active(self):
        return self.is_current or self.is_ancestor


def _request(context):
    return context.get("request")


def _current_page(context):
    page = context.get("page") or context.get("self")
    return page if isinstance(page, Page) else None


def current_locale_id(context):
    """The locale of the page being shown, or the active language's locale."""
    page = _current_page(context)
    if page is not None and page.locale_id:
        return page.locale_id
    return active_locale_id(_request(context))


def get_edition_home(context):
    """The home page of the edition being shown (the site root in the current locale).

    Falls back to the site root itself when the edition has no live home page yet.
    """
    request = _request(context)
    if request is None:
        return None
    locale_id = current_locale_id(context)
    page = _current_page(context)

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return None
        root = site.root_page
        if root.locale_id == locale_id:
            return root
        if page is not None and page.depth == root.depth and page.locale_id == locale_id:
            return page
        return (
            Page.objects.live()
            .filter(translation_key=root.translation_key, locale_id=locale_id)
            .first()
        ) or root

    return layout_value(request, f"edition-home:{request_host(request)}:{locale_id}", compute)


@register.simple_tag(takes_context=True)
def edition_home(context):
    """``{% edition_home as home_page %}``: the current edition's home page (or None)."""
    return get_edition_home(context)


def _menu_pages(context):
    """Every live, public, in-menu page of the first two levels under the edition home,
    in tree order: one query per request."""
    request = _request(context)
    home = get_edition_home(context)
    if home is None:
        return None, []
    pages = layout_value(
        request,
        f"menu-pages:{home.pk}",
        lambda: list(
            public_pages(Page.objects.live())
            .in_menu()
            .filter(
                locale_id=home.locale_id,
                depth__in=[home.depth + 1, home.depth + 2],
                path__startswith=home.path,
                alias_of__isnull=True,
            )
            .order_by("path")
        ),
    )
    return home, pages


@register.simple_tag(takes_context=True)
def main_menu(context):
    """``{% main_menu as menu_items %}``: a list of ``MenuItem`` for the edition's home
    children shown in menus, each with ``children`` (their own in-menu children).

    Each item has ``page``, ``title``, ``url``, ``is_current`` (the page being shown),
    ``is_ancestor`` (the page being shown is below it) and ``is_active`` (either).
    """
    request = _request(context)
    home, pages = _menu_pages(context)
    if home is None:
        return []
    current = _current_page(context)
    current_path = current.path if current is not None else ""

    def make(page):
        return MenuItem(
            page=page,
            title=page.title,
            url=page.get_url(request) or "",
            is_current=current is not None and page.pk == current.pk,
            is_ancestor=bool(current_path)
            and current_path.startswith(page.path)
            and current_path != page.path,
        )

    items = []
    by_path = {}
    for page in pages:
        if page.depth == home.depth + 1:
            item = make(page)
            items.append(item)
            by_path[page.path] = item
        else:
            parent = by_path.get(page.path[:-_STEPLEN])
            if parent is not None:  # a child of a page that is not in the menu is skipped
                parent.children.append(make(page))
    return items


@register.simple_tag(takes_context=True)
def edition_section_url(context, model_label):
    """``{% edition_section_url "media_pages.MediaIndexPage" %}``: the URL of the edition
    home's child of that type ("" when there is none). Uses the menu's query when the
    section is in the menu, one more query otherwise."""
    request = _request(context)
    home, pages = _menu_pages(context)
    if home is None:
        return ""
    return on_request(
        request,
        ("section-url", home.pk, model_label.lower()),
        lambda: _section_url(request, home, pages, model_label),
    )


def _section_url(request, home, pages, model_label):
    app_label, model_name = model_label.lower().split(".")
    content_type = ContentType.objects.get_by_natural_key(app_label, model_name)
    section = next(
        (
            page
            for page in pages
            if page.depth == home.depth + 1 and page.content_type_id == content_type.pk
        ),
        None,
    )
    if section is None:
        section = layout_value(
            request,
            f"section:{home.pk}:{content_type.pk}",
            lambda: (
                public_pages(Page.objects.live())
                .child_of(home)
                .filter(content_type=content_type, alias_of__isnull=True)
                .first()
            ),
        )
    return (page_url(request, section) or "") if section is not None else ""


def breadcrumb_pages(context, page=None):
    """The live pages from the edition home down to ``page`` (the page being shown by
    default), both included, in order: one query per request and page, shared by the
    visible breadcrumbs and the structured data. Empty on the home page itself and
    without a page."""
    request = _request(context)
    page = page or _current_page(context)
    home = get_edition_home(context)
    if page is None or home is None or not page.pk or not page.depth or page.depth <= home.depth:
        return []

    def compute():
        ancestors = route_ancestors(page)  # found with the page when it was routed
        if ancestors is None:
            ancestors = Page.objects.ancestor_of(page).order_by("depth")
        return [
            ancestor
            for ancestor in ancestors
            if ancestor.live
            and ancestor.depth >= home.depth
            and ancestor.locale_id == page.locale_id
        ] + [page]

    return on_request(request, ("breadcrumb-pages", page.pk), compute)


@register.inclusion_tag("core/includes/breadcrumbs.html", takes_context=True)
def breadcrumbs(context, page=None, current_label=""):
    """``{% breadcrumbs %}``: the path from the edition home to the page being shown.

    ``current_label`` adds a last crumb below the page (e.g. a category archive), which
    turns the page itself into a link.
    """
    request = _request(context)
    pages = breadcrumb_pages(context, page)
    crumbs = []
    if pages:
        *ancestors, page = pages
        crumbs = [(ancestor.title, page_url(request, ancestor)) for ancestor in ancestors]
        if current_label:
            crumbs.append((page.title, page_url(request, page)))
            crumbs.append((current_label, None))
        else:
            crumbs.append((page.title, None))
        # The first crumb is the edition home: call it "Home" rather than its title.
        crumbs[0] = (None, crumbs[0][1])
    return {"crumbs": crumbs, "request": request}


@register.simple_tag
def page_range(page_obj, on_each_side=2, on_ends=1):
    """``{% page_range page_obj as numbers %}``: page numbers with ``None`` for gaps, e.g.
    ``[1, None, 6, 7, 8, 9, 10, None, 42]``."""
    paginator = page_obj.paginator
    return [
        None if number == paginator.ELLIPSIS else number
        for number in paginator.get_elided_page_range(
            page_obj.number, on_each_side=on_each_side, on_ends=on_ends
        )
    ]


def get_site_identity(context):
    """The site identity (name, tagline, footer, social links) in the edition being shown:
    its translation when there is one, else the one chosen in the site settings."""
    request = _request(context)
    if request is None:
        return None
    locale_id = current_locale_id(context)
    chosen = SiteSettings.current(request).identity

    def compute():
        if chosen is None:
            return None
        identity = (
            SiteIdentity.objects.filter(translation_key=chosen.translation_key, locale_id=locale_id)
            .prefetch_related("social_links")
            .first()
        )
        if identity is None:
            identity = SiteIdentity.objects.prefetch_related("social_links").get(pk=chosen.pk)
        return identity

    return layout_value(
        request, f"site-identity:{getattr(chosen, 'pk', None)}:{locale_id}", compute
    )


@register.simple_tag(takes_context=True)
def site_identity(context):
    """``{% site_identity as identity %}``: name, tagline, copyright holder and social
    links as the current edition writes them."""
    return get_site_identity(context)


@register.simple_tag(takes_context=True)
def site_name(context):
    """``{% site_name as site_name %}``: the edition's site identity name, else the Wagtail
    site's name, else ``WAGTAIL_SITE_NAME``."""
    identity = get_site_identity(context)
    name = identity.site_name if identity is not None else ""
    request = _request(context)
    if not name and request is not None:
        site = Site.find_for_request(request)
        name = site.site_name if site is not None else ""
    return name or getattr(settings, "WAGTAIL_SITE_NAME", "")
