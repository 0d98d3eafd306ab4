"""Finding the page that answers a request in two queries, however deep it sits.

Wagtail's own routing (``Page.route_for_request``) looks up the site (a query), the active
locale (a query), the edition's home and its specific row (two or three), then walks down
the tree a level at a time, two queries per level (the child, then its specific row); the
``before_serve_page`` check of view restrictions then loads the page's ancestors and their
restrictions (two more). An article three levels down costs eleven queries before its own.

Here the site and each edition's home are kept in the cache (``caching.values``, under the
``routing`` tag, bumped whenever a site, a locale or a home page is saved or deleted), the
pages on the path are found in one query by slug and depth (both indexed) and the answering
page's specific row in another, with what every request for it shows (``SitePage.
objects_for_serving``). The ancestors found on the way are kept for the breadcrumbs, and
restrictions are looked up only when a page under a view restriction is served
(``restricted_paths``). What a page then does with the rest of the path (a routable page's
archives) is its own ``route()``, exactly as in Wagtail.

The page view (``core.views.serve``) only fills in the route Wagtail looks for first
(``core.compat.set_route``) and hands over to ``wagtail.views.serve``, so its hooks
(privacy, the page cache's bookkeeping) run unchanged.
"""

from django.contrib.contenttypes.models import ContentType
from django.db.models import Q
from django.db.models.signals import post_delete, post_save
from django.http import Http404
from django.utils import translation
from wagtail.models import Locale, Page, PageViewRestriction, Site, get_page_models
from wagtail.signals import post_page_move

from caching.purge import bump_now_and_after_commit
from caching.tags import (
    RESTRICTIONS_TAG,
    ROUTING_TAG,
)
from caching.values import on_request, versioned_value
from core import compat


def find_site(request):
    """The site answering the request (Wagtail's own rules), kept per host and port; put
    where ``Site.find_for_request`` looks first, so later look-ups cost nothing."""
    site = compat.remembered_site(request)
    if site is None:
        host, port = compat.raw_host(request), request.get_port()
        site = versioned_value(
            request,
            f"site:{host}:{port}",
            lambda: compat.find_site_uncached(request),
            [ROUTING_TAG],
        )
        compat.remember_site(request, site)
    return site


def _edition_root(request, site, edition):
    """(path, depth, pk, content type id) of the site's root page in the edition being
    read, None when the
    edition has none. (Wagtail would fall back to the root itself and serve another
    edition's pages under this edition's address: an edition never shows another's pages
    as its own.)"""

    def compute():
        root = site.root_page
        if root.locale.language_code == edition:
            return (root.path, root.depth, root.pk, root.content_type_id)
        return (
            Page.objects.filter(translation_key=root.translation_key, locale__language_code=edition)
            .values_list("path", "depth", "pk", "content_type_id")
            .first()
        )

    return versioned_value(request, f"edition-root:{site.pk}:{edition}", compute, [ROUTING_TAG])


def active_locale_id(request):
    """The id of the locale of the edition being read (``Locale.get_active()``), kept."""
    edition = translation.get_language() or ""
    return versioned_value(
        request, f"locale:{edition}", lambda: Locale.get_active().pk, [ROUTING_TAG]
    )


def find_route(request, path):
    """Wagtail's ``RouteResult`` for ``path`` in the edition being read; Http404 if none."""
    site = find_site(request)
    if site is None:
        raise Http404("No site answers this host")
    root = _edition_root(request, site, translation.get_language() or "")
    if root is None:
        raise Http404("This edition has no home page")
    root_path, root_depth, root_pk, root_type = root
    slugs = [component for component in path.split("/") if component]
    if slugs:
        chain = _pages_on_path(root_path, root_depth, root_pk, slugs)
        found_pk, found_type = chain[-1].pk, chain[-1].content_type_id
    else:  # the edition's home: known already
        chain, found_pk, found_type = [], root_pk, root_type

    model = ContentType.objects.get_for_id(found_type).model_class() or Page
    if hasattr(model, "objects_for_serving"):  # every SitePage
        queryset = model.objects_for_serving()
    else:
        queryset = model._default_manager.all()
    try:
        page = queryset.get(pk=found_pk)
    except model.DoesNotExist as error:  # deleted since the root was kept: not for long
        raise Http404("No such page") from error
    if len(chain) > 1:  # treebeard's get_parent() looks here first
        compat.set_known_parent(page, chain[-2])
    page._route_ancestors = chain[:-1]
    page._restricted_paths = restricted_paths(request)
    # The rest of the path is the page's to interpret (a routable page's sub-pages); the
    # page's own route() also refuses pages that are not live, as Wagtail's does.
    return page.route(request, slugs[max(len(chain) - 1, 0) :])


def _pages_on_path(root_path, root_depth, root_pk, slugs):
    """The pages from the edition root down the path as far as pages exist, each a child
    of the one before (a slug may recur in other editions' trees, or under other
    parents), in one query."""
    on_path = Q(pk=root_pk)
    # No page is deeper than treebeard's path can hold: a longer path (/a/a/a/… a thousand
    # times) is looked up no further, not in a query too deep for the database (a 500).
    deepest = Page._meta.get_field("path").max_length // Page.steplen
    for level, slug in enumerate(slugs[: max(deepest - root_depth, 0)], start=1):
        on_path |= Q(depth=root_depth + level, slug=slug)
    candidates = Page.objects.filter(on_path, path__startswith=root_path).order_by("depth", "path")
    chain = []
    for candidate in candidates:
        if candidate.depth != root_depth + len(chain):
            continue
        if chain and not candidate.path.startswith(chain[-1].path):
            continue
        chain.append(candidate)
    if not chain:
        raise Http404("The edition has no home page")
    return chain


def page_url(request, page):
    """``page.get_url(request)``, worked out once per request for each page: the canonical
    link, hreflang alternates, language switcher and breadcrumbs ask for the same few."""
    return on_request(request, ("page-url", page.pk, page.url_path), lambda: page.get_url(request))


def route_ancestors(page):
    """The page's ancestors from the edition root down, when it was found by ``find_route``
    (they come with it); None otherwise."""
    return getattr(page, "_route_ancestors", None)


def restricted_paths(request):
    """The tree paths of every page with a view restriction (few on any site), kept in the
    cache under the ``restrictions`` tag."""
    return versioned_value(
        request,
        "restricted-paths",
        lambda: tuple(PageViewRestriction.objects.values_list("page__path", flat=True)),
        [RESTRICTIONS_TAG],
    )


# Invalidation: a change to a site, a locale or an edition's home page may change where an
# edition's tree starts; a restriction added or removed changes which pages need checking.


def _routing_changed(sender, **kwargs):
    bump_now_and_after_commit({ROUTING_TAG})


def _root_page_changed(sender, instance, **kwargs):
    # A root-level page (an edition's home, perhaps a site's root), or one being loaded
    # from a fixture, whose depth is not known yet.
    if instance.depth is None or instance.depth <= 2:
        bump_now_and_after_commit({ROUTING_TAG})


def _restrictions_changed(sender, **kwargs):
    bump_now_and_after_commit({RESTRICTIONS_TAG})


def connect():
    """Every page type, without naming one (as ``wagtail.contrib.frontend_cache`` does)."""
    for signal in (post_save, post_delete):
        for model in (Site, Locale):
            signal.connect(
                _routing_changed,
                sender=model,
                dispatch_uid=f"routing_{model.__name__}_{id(signal)}",
            )
        for model in get_page_models():
            signal.connect(
                _root_page_changed,
                sender=model,
                dispatch_uid=f"routing_{model._meta.label}_{id(signal)}",
            )
        signal.connect(
            _restrictions_changed,
            sender=PageViewRestriction,
            dispatch_uid=f"routing_restrictions_{id(signal)}",
        )
    post_page_move.connect(_root_page_changed, dispatch_uid="routing_page_moved")


# --- Ids in addresses and forms -------------------------------------------------------------

# The largest id a table can hold (a 64-bit integer: BigAutoField, PostgreSQL's bigint).
# A larger number is no object's id, and SQLite cannot even be asked about it
# (OverflowError): it is refused before any query.
MAX_ID = 2**63 - 1


def parse_id(value):
    """``value`` (a string from a form or a query string) as an object id, or None when it
    is not one: not a number, not positive, or too large for any table."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return None
    return number if 0 < number <= MAX_ID else None


class IdConverter:
    """``<id:name>`` in an address: an object id, as ``<int:name>`` but never larger than
    MAX_ID. A larger number does not match, so the address answers 404."""

    regex = "[0-9]{1,19}"

    def to_python(self, value):
        number = parse_id(value)
        if number is None:
            raise ValueError(value)
        return number

    def to_url(self, value):
        return str(value)
