# The site's settings and identity moved here from home/ (which is now the roof of the page
# tree, not its floor). Their tables keep their names and rows: this migration only tells
# Django where the models live now, and moves their content types (and so their
# permissions, wagtail-localize's translation sources and the reference index) with them.

import django.db.models.deletion
import modelcluster.fields
import uuid
from django.db import migrations, models

MOVED = ("siteidentity", "sitesettings", "sociallink")


def _rename(apps, old_label, new_label):
    """Give ``old_label``'s content types (and so everything that points at them) the new
    label. A row already under the new label was made by a post_migrate handler of a
    partial or repeated migrate (Wagtail's snippets make permissions for every snippet):
    it and its automatic permissions make way for the row everything points at."""
    ContentType = apps.get_model("contenttypes", "ContentType")
    Permission = apps.get_model("auth", "Permission")
    for model in MOVED:
        old = ContentType.objects.filter(app_label=old_label, model=model).first()
        if old is None:
            continue
        newcomer = ContentType.objects.filter(app_label=new_label, model=model).first()
        if newcomer is not None:
            Permission.objects.filter(content_type=newcomer).delete()
            newcomer.delete()
        old.app_label = new_label
        old.save(update_fields=["app_label"])


def move_content_types(apps, schema_editor):
    _rename(apps, "home", "core")


def move_content_types_back(apps, schema_editor):
    _rename(apps, "core", "home")


class Migration(migrations.Migration):

    initial = True

    dependencies = [
        ('auth', '0012_alter_user_first_name_max_length'),
        ('contenttypes', '0002_remove_content_type_name'),
        ('home', '0004_search_entry'),
        ('wagtailcore', '0098_apitoken'),
        ('wagtailimages', '0027_image_description'),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
            migrations.CreateModel(
                name='SiteIdentity',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('site_name', models.CharField(help_text='Shown in the header and titles.', max_length=255)),
                    ('tagline', models.CharField(blank=True, max_length=255)),
                    ('copyright_holder', models.CharField(blank=True, help_text='e.g. “NEJAT Society. All Rights Reserved. NejatNGO.org”', max_length=255)),
                    ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ],
                options={
                    'verbose_name': 'site identity',
                    'verbose_name_plural': 'site identities',
                    'db_table': 'home_siteidentity',
                    'abstract': False,
                    'unique_together': {('translation_key', 'locale')},
                },
            ),
            migrations.CreateModel(
                name='SiteSettings',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('copyright_start_year', models.PositiveSmallIntegerField(blank=True, help_text='The first year of the copyright line; the last is always this year.', null=True)),
                    ('listing_shows_full_text', models.BooleanField(default=False, help_text="Show each article's full text in listings instead of its summary.")),
                    ('articles_per_page', models.PositiveSmallIntegerField(default=10)),
                    ('comments_enabled', models.BooleanField(default=True, help_text='Switch off to hide comments, comment counts and the comment form in every edition and refuse new comments. Nothing is deleted: switching back on shows the approved comments again.', verbose_name='comments enabled')),
                    ('identity', models.ForeignKey(blank=True, help_text='Name, tagline, footer text and social links. Each edition shows its own translation of it.', null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='core.siteidentity')),
                    ('logo', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to='wagtailimages.image')),
                    ('site', models.OneToOneField(editable=False, on_delete=django.db.models.deletion.CASCADE, to='wagtailcore.site')),
                ],
                options={
                    'verbose_name': 'site settings',
                    'db_table': 'home_sitesettings',
                },
            ),
            migrations.CreateModel(
                name='SocialLink',
                fields=[
                    ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                    ('translation_key', models.UUIDField(default=uuid.uuid4, editable=False)),
                    ('sort_order', models.IntegerField(blank=True, editable=False, null=True)),
                    ('platform', models.CharField(choices=[('facebook', 'Facebook'), ('x', 'X (Twitter)'), ('instagram', 'Instagram'), ('youtube', 'YouTube'), ('telegram', 'Telegram'), ('whatsapp', 'WhatsApp'), ('linkedin', 'LinkedIn'), ('tiktok', 'TikTok'), ('mastodon', 'Mastodon'), ('rss', 'RSS'), ('other', 'Other')], max_length=20)),
                    ('url', models.URLField(help_text='An edition may point to its own account, e.g. a Persian channel.', verbose_name='address')),
                    ('label', models.CharField(blank=True, help_text='Optional text for screen readers and tooltips, e.g. “Nejat on YouTube”.', max_length=100)),
                    ('identity', modelcluster.fields.ParentalKey(on_delete=django.db.models.deletion.CASCADE, related_name='social_links', to='core.siteidentity')),
                    ('locale', models.ForeignKey(editable=False, on_delete=django.db.models.deletion.PROTECT, related_name='+', to='wagtailcore.locale', verbose_name='locale')),
                ],
                options={
                    'db_table': 'home_sociallink',
                    'ordering': ['sort_order'],
                    'abstract': False,
                    'unique_together': {('translation_key', 'locale')},
                },
            ),
            ],
        ),
        migrations.RunPython(move_content_types, move_content_types_back),
    ]
