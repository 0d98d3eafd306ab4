"""Who moderates comments: a "Comment moderators" group, and Wagtail's "Moderators".

Both may open the admin and view and change comments (approve, reject, mark as spam), in
every edition. Neither may add or delete them.
"""

from django.db import migrations

GROUP = "Comment moderators"
WAGTAIL_MODERATORS = "Moderators"  # created by Wagtail's own initial data migration
PERMISSIONS = ["wagtailadmin.access_admin", "news.change_comment", "news.view_comment"]


def get_permission(apps, dotted):
    Permission = apps.get_model("auth.Permission")
    ContentType = apps.get_model("contenttypes.ContentType")
    app_label, codename = dotted.split(".")
    permission = Permission.objects.filter(
        content_type__app_label=app_label, codename=codename
    ).first()
    if permission is None:
        # Model permissions are normally created after all migrations have run.
        model = codename.split("_", 1)[1]
        content_type, _ = ContentType.objects.get_or_create(app_label=app_label, model=model)
        permission = Permission.objects.create(
            content_type=content_type,
            codename=codename,
            name=f"Can {codename.replace('_', ' ')}",
        )
    return permission


def grant(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    permissions = [get_permission(apps, dotted) for dotted in PERMISSIONS]
    group, _ = Group.objects.get_or_create(name=GROUP)
    group.permissions.add(*permissions)
    moderators = Group.objects.filter(name=WAGTAIL_MODERATORS).first()
    if moderators is not None:
        moderators.permissions.add(*permissions)


def revoke(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Permission = apps.get_model("auth.Permission")
    Group.objects.filter(name=GROUP).delete()
    comment_permissions = Permission.objects.filter(
        content_type__app_label="news", codename__in=["change_comment", "view_comment"]
    )
    for moderators in Group.objects.filter(name=WAGTAIL_MODERATORS):
        moderators.permissions.remove(*comment_permissions)


class Migration(migrations.Migration):
    dependencies = [
        ("news", "0002_comments"),
        ("auth", "0012_alter_user_first_name_max_length"),
        ("contenttypes", "0002_remove_content_type_name"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtailcore", "0002_initial_data"),
    ]

    operations = [migrations.RunPython(grant, revoke)]
