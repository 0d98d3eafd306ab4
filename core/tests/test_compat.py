"""The private API of Wagtail, Django, modelsearch and wagtail-localize that the site relies
on (core/compat.py), pinned: an upgrade that changes what is relied on fails here rather
than on the site. Each test names, in its docstring, what in the project depends on it."""

import ast
import inspect
import textwrap

import pytest
from django.apps import apps
from django.core.exceptions import DisallowedHost
from django.db import connection
from django.http import Http404, HttpResponse
from django.urls import resolve, reverse
from wagtail import views as wagtail_views
from wagtail.images import get_image_model
from wagtail.models import Page, Site
from wagtail.search.backends import get_search_backend
from wagtail.url_routing import RouteResult

from core import compat
from core.factories import ImageFactory
from home.factories import StandardPageFactory
from home.models import StandardPage
from news.factories import ArticlePageFactory
from news.models import ArticlePage

pytestmark = pytest.mark.django_db

postgres_only = pytest.mark.skipif(
    connection.vendor != "postgresql", reason="modelsearch's PostgreSQL backend only"
)


# --- Routing: the site ---------------------------------------------------------------------


def request_for(rf, host, port="80", **extra):
    return rf.get("/", HTTP_HOST=host, SERVER_PORT=port, **extra)


def test_find_site_uncached_follows_wagtails_rules_for_host_and_port(rf, home_page):
    """core.routing.find_site keeps ``find_site_uncached``'s answer per (raw host, port):
    it must be the site ``Site.find_for_request`` would find, hostname first, then
    hostname and port, else the default site, and must not read the per-request memo."""
    default = Site.objects.get(is_default_site=True)
    other = Site.objects.create(hostname="other.example", port=8080, root_page=home_page)
    multi_80 = Site.objects.create(hostname="multi.example", port=80, root_page=home_page)
    multi_8080 = Site.objects.create(hostname="multi.example", port=8080, root_page=home_page)

    cases = [
        (("localhost", "80"), default),
        (("other.example:8080", "8080"), other),
        (("other.example", "80"), other),  # the only site with that hostname
        (("multi.example", "80"), multi_80),
        (("multi.example:8080", "8080"), multi_8080),
        (("multi.example:9000", "9000"), default),  # no such hostname and port
        (("unknown.example", "80"), default),  # not in ALLOWED_HOSTS either
    ]
    for (host, port), expected in cases:
        assert compat.find_site_uncached(request_for(rf, host, port)) == expected, host
        assert Site.find_for_request(request_for(rf, host, port)) == expected, host

    # Uncached: a site remembered on the request is not what it answers.
    request = request_for(rf, "other.example:8080", "8080")
    compat.remember_site(request, default)
    assert compat.find_site_uncached(request) == other


def test_raw_host_is_the_host_wagtail_matches_sites_against(rf, settings, home_page):
    """core.routing.find_site keys the site it keeps on ``raw_host`` (and the port): that
    must be the Host header as sent, unchecked against ALLOWED_HOSTS, and the host that
    Wagtail's site matching reads (X-Forwarded-Host included when trusted)."""
    request = request_for(rf, "not-allowed.example:8000", "8000")
    with pytest.raises(DisallowedHost):
        request.get_host()
    assert compat.raw_host(request) == "not-allowed.example:8000"

    other = Site.objects.create(hostname="other.example", port=80, root_page=home_page)
    settings.USE_X_FORWARDED_HOST = True
    forwarded = request_for(rf, "localhost", HTTP_X_FORWARDED_HOST="other.example")
    assert compat.raw_host(forwarded) == "other.example"
    assert compat.find_site_uncached(forwarded) == other
    assert (
        Site.find_for_request(request_for(rf, "localhost", HTTP_X_FORWARDED_HOST="other.example"))
        == other
    )


def test_a_remembered_site_is_what_wagtail_answers_without_a_query(
    rf, home_page, django_assert_num_queries
):
    """core.routing.find_site puts the site where ``Site.find_for_request`` looks first
    (``remember_site``), so Wagtail's routing, URLs and hooks ask no more; and reuses the
    site Wagtail already found for the request (``remembered_site``)."""
    request = request_for(rf, "localhost")
    assert compat.remembered_site(request) is None

    kept = Site(hostname="kept.example", port=80, root_page=home_page)  # never saved
    compat.remember_site(request, kept)
    with django_assert_num_queries(0):
        assert Site.find_for_request(request) is kept
        assert Site.find_for_request(request) is kept
    assert compat.remembered_site(request) is kept

    nowhere = request_for(rf, "localhost")
    compat.remember_site(nowhere, None)  # no site answers: remembered as such
    with django_assert_num_queries(0):
        assert Site.find_for_request(nowhere) is None

    found_by_wagtail = request_for(rf, "localhost")
    site = Site.find_for_request(found_by_wagtail)
    assert site is not None
    assert compat.remembered_site(found_by_wagtail) is site


# --- Routing: the route and the parent -----------------------------------------------------


def test_a_set_route_is_what_wagtail_serves_without_routing_again(
    rf, home_page, django_assert_num_queries
):
    """core.views.serve routes the request itself (core.routing.find_route) and hands the
    result to ``wagtail.views.serve`` through ``set_route``: Wagtail must use that route,
    its page, args and kwargs, instead of routing the path again; None must be a 404."""
    about = StandardPageFactory(parent=home_page, title="About", slug="about")
    other = StandardPageFactory(parent=home_page, title="Other", slug="other")
    # Wagtail alone routes "about/" to the About page ...
    assert Page.find_for_request(request_for(rf, "localhost"), "about/").pk == about.pk

    # ... but serves the route it is given, asking nothing more to find it.
    served = []

    def serve(request, *args, **kwargs):
        served.append((args, kwargs))
        return HttpResponse(f"served {other.title}")

    other.serve = serve
    route = RouteResult(other, args=["2024"], kwargs={"month": "05"})
    request = request_for(rf, "localhost")
    compat.set_route(request, route)
    with django_assert_num_queries(0):
        assert Page.route_for_request(request, "about/") is route
        assert Page.find_for_request(request, "about/") is other
    response = wagtail_views.serve(request, "about/")
    assert response.content == b"served Other"
    assert served == [(("2024",), {"month": "05"})]

    # None: no page answers, even where Wagtail's own routing would find one.
    missing = request_for(rf, "localhost")
    compat.set_route(missing, None)
    with django_assert_num_queries(0):
        assert Page.route_for_request(missing, "about/") is None
        with pytest.raises(Http404):
            wagtail_views.serve(missing, "about/")


def test_a_known_parent_is_what_get_parent_answers_without_a_query(
    home_page, django_assert_num_queries
):
    """core.routing.find_route hands the page it routed to its parent, found on the way
    (``set_known_parent``), so templates' ``page.get_parent()`` costs nothing."""
    about = StandardPageFactory(parent=home_page, slug="about")
    team = StandardPageFactory(parent=about, slug="team")

    unknown = StandardPage.objects.get(pk=team.pk)
    with django_assert_num_queries(1):  # what it costs otherwise
        assert unknown.get_parent().pk == about.pk

    page = StandardPage.objects.get(pk=team.pk)
    parent = StandardPage.objects.get(pk=about.pk)
    compat.set_known_parent(page, parent)
    with django_assert_num_queries(0):
        assert page.get_parent() is parent
        assert page.get_parent() is parent


# --- Search: modelsearch's PostgreSQL backend ------------------------------------------------


def parameters(function):
    return list(inspect.signature(function).parameters)


def test_postgres_search_internals_have_what_search_backend_extends():
    """search/backend.py subclasses these classes, overrides ``add_items``,
    ``delete_item``, ``reset`` and the rebuilders' ``finish``, reads ``write_connection``
    and ``index``, and copies ``IndexEntry`` rows by column (content_type_id, object_id
    as text, title, body, title_norm)."""
    internals = compat.postgres_search_internals()

    entry = internals.IndexEntry
    assert entry is apps.get_model("wagtailsearch", "IndexEntry")
    columns = {field.name: field.column for field in entry._meta.concrete_fields}
    assert columns["content_type"] == "content_type_id"
    for name in ("object_id", "title", "body", "title_norm"):
        assert columns[name] == name
    assert entry._meta.get_field("object_id").get_internal_type() in ("CharField", "TextField")
    assert entry._meta.get_field("title_norm").get_internal_type() == "FloatField"
    assert entry._meta.unique_together == (("content_type", "object_id"),)

    index = internals.PostgresIndex
    assert parameters(index.__init__) == ["self", "backend"]
    assert parameters(index.add_items) == ["self", "model", "objs"]
    assert parameters(index.delete_item) == ["self", "item"]
    assert parameters(index.reset) == ["self"]
    assert parameters(index._refresh_title_norms) == ["self", "full"]

    rebuilder = internals.PostgresSearchRebuilder
    atomic = internals.PostgresSearchAtomicRebuilder
    assert issubclass(atomic, rebuilder)
    for cls in (rebuilder, atomic):
        assert parameters(cls.__init__) == ["self", "index"]
        assert parameters(cls.start) == ["self"]
        assert parameters(cls.finish) == ["self"]

    backend = internals.PostgresSearchBackend
    assert backend.index_class is index
    assert backend.rebuilder_class is rebuilder
    assert backend.atomic_rebuilder_class is atomic
    assert backend({}).rebuilder_class is atomic  # ATOMIC_REBUILD is the default
    assert backend({"ATOMIC_REBUILD": False}).rebuilder_class is rebuilder


def function_ast(source):
    return ast.dump(ast.parse(textwrap.dedent(source)))


def test_the_atomic_rebuilders_finish_is_what_finish_atomic_rebuild_repeats():
    """``finish_atomic_rebuild`` (search.backend.EditionAtomicRebuilder.finish) repeats
    modelsearch's ``PostgresSearchAtomicRebuilder.finish`` with one step added: if that
    changes, compat.finish_atomic_rebuild must change with it. (Formatting and comments
    aside: the code is compared, not the text.)"""
    atomic = compat.postgres_search_internals().PostgresSearchAtomicRebuilder
    assert function_ast(inspect.getsource(atomic.finish)) == function_ast(
        """
        def finish(self):
            self.index._refresh_title_norms(full=True)
            self.transaction.__exit__(None, None, None)
            self.transaction_opened = False
        """
    )
    assert function_ast(inspect.getsource(atomic.start)) == function_ast(
        """
        def start(self):
            self.transaction.__enter__()
            self.transaction_opened = True
            return super().start()
        """
    )


@postgres_only
def test_the_atomic_rebuilder_holds_its_transaction_open_between_start_and_finish(home_page):
    """``finish_atomic_rebuild`` closes the atomic rebuilder's ``transaction`` by hand and
    clears ``transaction_opened``: after ``start()`` that transaction must be the one open,
    and the flag set (modelsearch's ``__del__`` finishes again while it is)."""
    internals = compat.postgres_search_internals()
    index = internals.PostgresIndex(get_search_backend())
    assert index.write_connection.alias == "default"

    rebuilder = internals.PostgresSearchAtomicRebuilder(index)
    assert rebuilder.index is index
    assert rebuilder.transaction_opened is False
    assert rebuilder.transaction not in connection.atomic_blocks
    assert rebuilder.start() is index
    assert rebuilder.transaction_opened is True
    assert connection.atomic_blocks[-1] is rebuilder.transaction

    inside = []
    compat.finish_atomic_rebuild(
        rebuilder, lambda: inside.append(connection.atomic_blocks[-1] is rebuilder.transaction)
    )
    assert inside == [True]
    assert rebuilder.transaction_opened is False
    assert rebuilder.transaction not in connection.atomic_blocks


@postgres_only
@pytest.mark.django_db(transaction=True, serialized_rollback=True)
def test_finish_atomic_rebuild_runs_the_callback_in_the_rebuild_then_commits(home_page):
    """search.backend.EditionAtomicRebuilder.finish copies the search entries inside the
    rebuild's transaction (``finish_atomic_rebuild``), after the title norms are worked
    out again, and the whole rebuild is committed at once."""
    internals = compat.postgres_search_internals()
    StandardPageFactory(parent=home_page, title="Harvest")
    StandardPageFactory(parent=home_page, title="A much longer title about the harvest")
    entries = internals.IndexEntry.objects.all()
    assert entries.count() >= 2
    entries.update(title_norm=7.5)
    site = Site.objects.get(is_default_site=True)

    outside = connection.copy()  # another connection: sees only what is committed

    def committed_norms():
        with outside.cursor() as cursor:
            cursor.execute(f"SELECT DISTINCT title_norm FROM {internals.IndexEntry._meta.db_table}")
            return {row[0] for row in cursor.fetchall()}

    def committed_site_name():
        with outside.cursor() as cursor:
            cursor.execute("SELECT site_name FROM wagtailcore_site WHERE id = %s", [site.pk])
            return cursor.fetchone()[0]

    rebuilder = internals.PostgresSearchAtomicRebuilder(
        internals.PostgresIndex(get_search_backend())
    )
    rebuilder.start()
    seen = {}

    def before_commit():
        seen["in transaction"] = connection.in_atomic_block
        seen["norms"] = set(entries.values_list("title_norm", flat=True))
        Site.objects.filter(pk=site.pk).update(site_name="Rebuilt")
        seen["committed norms"] = committed_norms()
        seen["committed name"] = committed_site_name()

    try:
        compat.finish_atomic_rebuild(rebuilder, before_commit)
        assert seen["in transaction"] is True
        assert 7.5 not in seen["norms"]  # worked out again before the callback
        assert seen["committed norms"] == {7.5}  # nothing committed yet
        assert seen["committed name"] != "Rebuilt"

        assert not connection.in_atomic_block
        assert rebuilder.transaction_opened is False
        assert committed_norms() == seen["norms"]
        assert committed_site_name() == "Rebuilt"
    finally:
        outside.close()


@postgres_only
def test_search_weights_are_modelsearchs_in_d_c_b_a_order():
    """search.views.matching_entries ranks readers' search with ``search_weights()`` given
    to Django's SearchRank (four floats, D, C, B, A), as modelsearch ranks its own
    results: the same weights, in that order."""
    from modelsearch.backends.database.postgres.weights import get_sql_weights

    weights = compat.search_weights()
    assert len(weights) == 4
    assert all(isinstance(weight, float) for weight in weights)
    assert weights == sorted(weights)  # D, the lowest, first; A, the highest, last
    assert weights[-1] == 1.0
    assert get_sql_weights() == "{" + ",".join(map(str, weights)) + "}"
    compiler = get_search_backend().search("harvest", ArticlePage).query_compiler
    assert compiler.sql_weights == get_sql_weights()

    # PostgreSQL reads the array as D, C, B, A: a lexeme weighted L ranks as its weight.
    ranks = {}
    with connection.cursor() as cursor:
        for letter in "ABCD":
            cursor.execute(
                "SELECT ts_rank(%s::real[], setweight(to_tsvector('simple', 'harvest'), %s),"
                " to_tsquery('simple', 'harvest'))",
                [weights, letter],
            )
            ranks[letter] = cursor.fetchone()[0]
    for position, letter in enumerate("DCBA"):
        assert ranks[letter] == pytest.approx(ranks["A"] * weights[position], rel=1e-3)


# --- Search: pausing indexing ---------------------------------------------------------------


def index_entries(obj):
    """The object's rows in the search index (the relation modelsearch deletes through)."""
    return obj.index_entries.all()


def found(model, query):
    return [result.pk for result in get_search_backend().search(query, model)]


def test_saving_does_not_index_while_indexing_is_paused(home_page, article_index):
    """importer.wordpress pauses indexing (``search_indexing_paused``) while it writes,
    then indexes what it wrote in batches: saving, publishing and creating pages, images
    and articles must not index them meanwhile, and indexing must resume afterwards."""
    with compat.search_indexing_paused():
        page = StandardPageFactory(parent=home_page, title="Quokka census")
        page.title = "Quokka census results"
        page.save_revision().publish()
        article = ArticlePageFactory(parent=article_index, title="Numbat sighting")
        image = ImageFactory(title="Bilby portrait")
        assert not index_entries(page).exists()
        assert not index_entries(article).exists()
        assert not index_entries(image).exists()
    assert found(StandardPage, "quokka") == []
    assert found(ArticlePage, "numbat") == []
    assert found(get_image_model(), "bilby") == []

    # Indexing resumes, for what was written meanwhile as for anything new.
    page.save()
    article.save_revision().publish()
    image.save()
    later = StandardPageFactory(parent=home_page, title="Wombat census")
    assert index_entries(page).exists()
    assert found(StandardPage, "quokka") == [page.pk]
    assert found(ArticlePage, "numbat") == [article.pk]
    assert found(get_image_model(), "bilby") == [image.pk]
    assert found(StandardPage, "wombat") == [later.pk]


def test_indexing_resumes_when_the_paused_block_fails(home_page):
    """importer.wordpress may fail half-way (a dry run always ends in an exception):
    indexing must resume all the same."""
    with pytest.raises(RuntimeError), compat.search_indexing_paused():
        raise RuntimeError
    page = StandardPageFactory(parent=home_page, title="Platypus census")
    assert found(StandardPage, "platypus") == [page.pk]


# --- Translation: wagtail-localize's translation editor API ---------------------------------


def wrapped_chain(function):
    """The function and those it wraps (functools.wraps), outermost first."""
    chain = [function]
    while hasattr(chain[-1], "__wrapped__"):
        chain.append(chain[-1].__wrapped__)
    return chain


def test_localize_views_are_the_ones_the_editions_app_guards():
    """editions/wagtail_hooks.py wraps wagtail-localize's translation-editor views
    (``localize_edit_translation_views``) and registers them first at the same addresses:
    each must still be the view wagtail-localize serves there, take ``translation_id``,
    and every address under wagtail-localize's own name must reach the guarded copy.
    A new endpoint acting on a translation must be guarded too."""
    from wagtail_localize.wagtail_hooks import register_admin_urls

    from editions.wagtail_hooks import GUARDED_LOCALIZE_ROUTES

    views = compat.localize_edit_translation_views()
    (localize_urls,) = register_admin_urls()
    assert str(localize_urls.pattern) == "localize/"
    localize_routes = {pattern.name: pattern for pattern in localize_urls.url_patterns}

    for route, view, name in GUARDED_LOCALIZE_ROUTES:
        assert view is getattr(views, name)
        pattern = localize_routes[name]
        assert pattern.callback is view
        assert f"localize/{pattern.pattern}" == route
        arguments = {argument: 1 for argument in pattern.pattern.converters}
        assert "translation_id" in arguments
        inspect.signature(view).bind(None, **arguments)  # called with them as keywords

        match = resolve(reverse(f"wagtail_localize:{name}", kwargs=arguments))
        assert match.url_name == f"editions_guarded_{name}"
        assert view in wrapped_chain(match.func)  # under the admin's and the guard's

    # Those that only read (download, preview) are left to wagtail-localize's checks.
    acting_on_a_translation = {
        pattern.name
        for pattern in localize_routes.values()
        if "translation_id" in pattern.pattern.converters
    }
    guarded = {name for _route, _view, name in GUARDED_LOCALIZE_ROUTES}
    assert acting_on_a_translation - guarded == {"download_pofile", "preview_translation"}


# --- Translation: wagtail-localize's snippet API --------------------------------------------


def test_the_snippet_api_is_wagtail_localizes_viewset_and_the_guarded_routes_answer_first():
    """editions.wagtail_hooks serves ``localize_snippets_api_viewset()`` behind the model's
    permissions on wagtail-localize's own addresses, registered before its routes: both
    addresses must resolve to the guarded copies, and wagtail-localize's routes must still
    be the ones its chooser reads (so the copies replace them, not add to them)."""
    from wagtail_localize.views import snippets_api

    assert compat.localize_snippets_api_viewset() is snippets_api.SnippetViewSet
    listing = reverse("wagtail_localize:snippets_api_listing", args=["news", "comment"])
    detail = reverse("wagtail_localize:snippets_api_detail", args=["news", "comment", "7"])
    assert listing == "/admin/localize/api/snippets/news/comment/"
    assert detail == "/admin/localize/api/snippets/news/comment/7/"
    assert resolve(listing).url_name == "editions_guarded_snippets_api_listing"
    assert resolve(detail).url_name == "editions_guarded_snippets_api_detail"
