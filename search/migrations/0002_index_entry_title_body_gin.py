"""A GIN index for Wagtail's PostgreSQL search backend (news/migrations/0005 until the
search app had a home of its own: IF NOT EXISTS keeps databases that ran that one as
they are).

The backend matches ``(title || body) @@ query`` on the search index; its own GIN indexes
are on ``title`` and ``body`` separately and cannot serve that expression, so every search
read the whole index: fifty times the archive, fifty times slower. This expression index
lets PostgreSQL find the matching entries directly. Nothing to do on SQLite (FTS5).
"""

from django.db import migrations

INDEX = "search_title_body_gin"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON wagtailsearch_indexentry "
            "USING gin ((title || body))"
        )


class Migration(migrations.Migration):
    dependencies = [
        ("search", "0001_initial"),
        ("wagtailsearch", "0010_add_text_fields"),
    ]

    # Kept when this is undone: the previous release recorded news/0005 as applied and
    # relies on the index without creating it again.
    operations = [migrations.RunPython(create_index, migrations.RunPython.noop)]
