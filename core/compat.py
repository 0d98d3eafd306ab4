"""Every place this site relies on Wagtail's, wagtail-localize's or modelsearch's private
API, and nowhere else.

Check each of these on every upgrade of Wagtail, wagtail-localize or modelsearch (Wagtail's
search engine): ``core/tests/test_compat.py`` pins the behaviour relied on, so an upgrade
that changes it fails a test instead of the site. Everything else in the project uses
public API only.
"""

import sys
from contextlib import contextmanager
from types import SimpleNamespace

from django.db.models.signals import post_save
from wagtail.models import Site

# Imported where they are used, not here: this module is imported while models load
# (core.routing), and modelsearch's PostgreSQL backend and wagtail-localize's views need
# every model loaded first.

# --- Routing (core.routing) ---------------------------------------------------------------


def find_site_uncached(request):
    """Wagtail's own rules for the site answering ``request``, without the per-request
    memo of ``Site.find_for_request`` (routing keeps the answer between requests)."""
    return Site._find_for_request(request)


def raw_host(request):
    """The Host header as sent, before Django validates it against ALLOWED_HOSTS: what
    Wagtail matches sites against."""
    return request._get_raw_host()


def remember_site(request, site):
    """Make ``Site.find_for_request(request)`` answer ``site`` without a query."""
    request._wagtail_site = site


def remembered_site(request):
    return getattr(request, "_wagtail_site", None)


def set_route(request, route):
    """Make ``wagtail.views.serve`` use ``route`` (a ``RouteResult``, or None for a 404)
    instead of routing the request again."""
    request._wagtail_route_for_request = route


def set_known_parent(page, parent):
    """Make ``page.get_parent()`` answer ``parent`` without a query (treebeard)."""
    page._cached_parent_obj = parent


# --- Search (search.backend, search.views, importer) ---------------------------------------


def postgres_search_internals():
    """modelsearch's PostgreSQL backend classes, which ``search.backend`` extends, and the
    index entry model of the installed app (wagtail.search's)."""
    from modelsearch.backends.database.postgres import postgres

    return SimpleNamespace(
        IndexEntry=postgres.IndexEntry,
        PostgresIndex=postgres.PostgresIndex,
        PostgresSearchAtomicRebuilder=postgres.PostgresSearchAtomicRebuilder,
        PostgresSearchBackend=postgres.PostgresSearchBackend,
        PostgresSearchRebuilder=postgres.PostgresSearchRebuilder,
    )


def search_weights():
    """The rank weights of modelsearch's PostgreSQL backend (D, C, B, A), which readers'
    search ranks its entries with, as Wagtail does. Filled by modelsearch only when the
    database is PostgreSQL (the only case that ranks with them)."""
    from modelsearch.backends.database.postgres.weights import WEIGHTS_VALUES

    return list(WEIGHTS_VALUES)


def finish_atomic_rebuild(rebuilder, before_commit):
    """What ``PostgresSearchAtomicRebuilder.finish`` does, with ``before_commit()`` run
    inside the rebuild's transaction (after the title norms are worked out again). On an
    error the transaction is rolled back, not left open for modelsearch's ``__del__`` to
    commit."""
    try:
        rebuilder.index._refresh_title_norms(full=True)
        before_commit()
    except BaseException:
        rebuilder.transaction.__exit__(*sys.exc_info())
        rebuilder.transaction_opened = False
        raise
    rebuilder.transaction.__exit__(None, None, None)
    rebuilder.transaction_opened = False


@contextmanager
def search_indexing_paused():
    """Saving an object does not index it while this lasts (a bulk import indexes what it
    wrote at the end, in batches)."""
    from modelsearch import index as search_index
    from modelsearch.signal_handlers import post_save_signal_handler

    models = [
        model
        for model in search_index.get_indexed_models()
        if getattr(model, "search_auto_update", True)
    ]
    for model in models:
        post_save.disconnect(post_save_signal_handler, sender=model)
    try:
        yield
    finally:
        for model in models:
            post_save.connect(post_save_signal_handler, sender=model)


# --- Translation (editions.wagtail_hooks) ---------------------------------------------------


def localize_edit_translation_views():
    """wagtail-localize's views behind its translation editor's API, which the editions
    app wraps to keep translators to their own editions."""
    from wagtail_localize.views import edit_translation

    return edit_translation


def localize_snippets_api_viewset():
    """wagtail-localize's snippet API (``SnippetViewSet``, a DRF viewset behind its
    translation editor's snippet chooser), which lists every object of any snippet model to
    any admin user; the editions app serves it behind the model's permissions."""
    from wagtail_localize.views import snippets_api

    return snippets_api.SnippetViewSet
