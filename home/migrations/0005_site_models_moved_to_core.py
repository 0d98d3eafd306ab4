# The site's settings and identity now live in core/ (core/migrations/0001_initial.py, which
# keeps their tables), and search entries in search/: the entries are copied from Wagtail's
# search index, so their old table is dropped and search/ fills its own (search.backend).

from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
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
        migrations.DeleteModel(
            name='SearchEntry',
        ),
    ]
