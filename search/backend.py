"""Wagtail's database search backend, keeping ``search.models.SearchEntry`` in step on
PostgreSQL.

Readers' search (``search.views``) ranks one edition's live pages. Wagtail's index knows
nothing of editions, so on PostgreSQL each page that readers can find is copied, with its
edition, into ``SearchEntry`` whenever Wagtail indexes it: the text, the weights and the
title norm stay Wagtail's own, and whatever updates Wagtail's index (saving, publishing,
unpublishing, ``update_index``, the importer's bulk indexing) updates the copy in the same
transaction. On other databases (SQLite for development) this is Wagtail's backend as is.

Configured as ``WAGTAILSEARCH_BACKENDS["default"]["BACKEND"] = "search.backend"``.
"""

from django.db import connection, connections
from modelsearch.backends.database import SearchBackend as database_backend
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core import compat
from media_pages.models import MediaItemPage
from news.models import ArticlePage
from publications.models import PublicationPage
from search.models import SearchEntry

_postgres = compat.postgres_search_internals()
IndexEntry = _postgres.IndexEntry  # the index entry model of the installed app


def searchable_models():
    """The page types readers' search lists (their subclasses too)."""
    return [ArticlePage, MediaItemPage, PublicationPage]


def copy_entries(page_ids=None, using="default"):
    """Bring the copies of ``page_ids`` (all pages when None) in line with Wagtail's index:
    live pages of the searchable types (not aliases) have one, no other page does."""
    searchable = " UNION ALL ".join(
        f'SELECT "{model._meta.pk.column}" FROM "{model._meta.db_table}"'
        for model in searchable_models()
    )
    entries = SearchEntry._meta.db_table
    only = "" if page_ids is None else "AND p.id = ANY(%s)"
    params = [] if page_ids is None else [list(page_ids)]
    with connections[using].cursor() as cursor:
        if page_ids is None:
            cursor.execute(f"DELETE FROM {entries}")
        else:
            cursor.execute(f"DELETE FROM {entries} WHERE page_id = ANY(%s)", params)
        cursor.execute(
            f"""
            INSERT INTO {entries} (page_id, locale_id, title, body, title_norm)
            SELECT p.id, p.locale_id, e.title, e.body, e.title_norm
            FROM {Page._meta.db_table} p
            JOIN {IndexEntry._meta.db_table} e
              ON e.content_type_id = p.content_type_id AND e.object_id = p.id::text
            WHERE p.live AND p.alias_of_id IS NULL AND p.id IN ({searchable}) {only}
            ON CONFLICT (page_id) DO UPDATE SET
              locale_id = EXCLUDED.locale_id, title = EXCLUDED.title,
              body = EXCLUDED.body, title_norm = EXCLUDED.title_norm
            """,
            params,
        )


def _page_ids(objs):
    return [obj.pk for obj in objs if isinstance(obj, Page)]


class EditionIndex(_postgres.PostgresIndex):
    def add_items(self, model, objs):
        super().add_items(model, objs)
        if issubclass(model, Page):
            copy_entries(_page_ids(objs), using=self.write_connection.alias)

    def delete_item(self, item):
        super().delete_item(item)
        if isinstance(item, Page):
            copy_entries([item.pk], using=self.write_connection.alias)

    def reset(self):
        super().reset()
        copy_entries(using=self.write_connection.alias)


class EditionRebuilder(_postgres.PostgresSearchRebuilder):
    def finish(self):
        super().finish()  # title norms are worked out again over the whole index
        copy_entries(using=self.index.write_connection.alias)


class EditionAtomicRebuilder(_postgres.PostgresSearchAtomicRebuilder):
    def finish(self):
        using = self.index.write_connection.alias
        compat.finish_atomic_rebuild(self, lambda: copy_entries(using=using))


class EditionSearchBackend(_postgres.PostgresSearchBackend):
    index_class = EditionIndex
    rebuilder_class = EditionRebuilder
    atomic_rebuilder_class = EditionAtomicRebuilder

    def __init__(self, params):
        super().__init__(params)
        if params.get("ATOMIC_REBUILD", True):
            self.rebuilder_class = self.atomic_rebuilder_class


def SearchBackend(params):  # noqa: N802 - the name Wagtail looks up in a backend module
    if connection.vendor == "postgresql":
        return EditionSearchBackend(params)
    return database_backend(params)


def uses_search_entries():
    """Whether readers' search reads ``SearchEntry`` (the default backend is this one, on
    PostgreSQL)."""
    return isinstance(get_search_backend(), EditionSearchBackend)


def fill_entries_after_migrate(using="default", **kwargs):
    """Copies for the pages Wagtail indexed before ``SearchEntry`` existed (an upgraded
    site), so search finds them without a full ``update_index``."""
    connection = connections[using]
    if connection.vendor != "postgresql" or not uses_search_entries():
        return
    if SearchEntry._meta.db_table not in connection.introspection.table_names():
        return  # the search app's migrations were just undone
    if not SearchEntry.objects.using(using).exists() and IndexEntry.objects.using(using).exists():
        copy_entries(using=using)
