# The site's settings and identity now live in core/ (core/migrations/0001_initial.py, which
# keeps their tables), and search entries in search/: the entries are copied from Wagtail's
# search index, so their old table is dropped and search/ fills its own (search.backend).

from django.db import migrations

OLD_DOCUMENT_INDEX = "home_searchentry_document_gin"


def drop_stale_content_types(apps, schema_editor):
    """Content types home no longer has a model for: the search entries', and any of the
    moved models' that a post_migrate handler made again while home/0005 was undone (the
    rows everything points at are core's now). Their automatic permissions go with them."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    stale = ContentType.objects.filter(app_label="home", model="searchentry")
    for model in ("siteidentity", "sitesettings", "sociallink"):
        if ContentType.objects.filter(app_label="core", model=model).exists():
            stale |= ContentType.objects.filter(app_label="home", model=model)
    Permission.objects.filter(content_type__in=stale).delete()
    stale.delete()


def recreate_old_document_index(apps, schema_editor):
    """Undone: the old table comes back with the index home/0004 gave it."""
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {OLD_DOCUMENT_INDEX} ON home_searchentry "
            "USING gin (locale_id, (title || body)) WITH (fastupdate = off)"
        )


class Migration(migrations.Migration):

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('core', '0001_initial'),
        ('home', '0004_search_entry'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
            migrations.AlterUniqueTogether(
                name='siteidentity',
                unique_together=None,
            ),
            migrations.RemoveField(
                model_name='siteidentity',
                name='locale',
            ),
            migrations.RemoveField(
                model_name='sitesettings',
                name='identity',
            ),
            migrations.RemoveField(
                model_name='sociallink',
                name='identity',
            ),
            migrations.RemoveField(
                model_name='sitesettings',
                name='logo',
            ),
            migrations.RemoveField(
                model_name='sitesettings',
                name='site',
            ),
            migrations.AlterUniqueTogether(
                name='sociallink',
                unique_together=None,
            ),
            migrations.RemoveField(
                model_name='sociallink',
                name='locale',
            ),
            migrations.DeleteModel(
                name='SiteIdentity',
            ),
            migrations.DeleteModel(
                name='SiteSettings',
            ),
            migrations.DeleteModel(
                name='SocialLink',
            ),
            ],
        ),
        migrations.RunPython(drop_stale_content_types, migrations.RunPython.noop),
        migrations.RunPython(migrations.RunPython.noop, recreate_old_document_index),
        migrations.DeleteModel(
            name='SearchEntry',
        ),
    ]
