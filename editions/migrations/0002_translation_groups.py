from django.db import migrations

GROUPS = {
    "Arabic translators": ["wagtailadmin.access_admin", "news.change_category",
                           "news.change_author"],
    "Persian translators": ["wagtailadmin.access_admin", "news.change_category",
                            "news.change_author"],
    "Albanian translators": ["wagtailadmin.access_admin", "news.change_category",
                             "news.change_author"],
    "Translation coordinators": ["wagtailadmin.access_admin",
                                 "wagtail_localize.submit_translation"],
}
COLLECTION_PERMISSIONS = [("wagtailimages", "image", "choose_image"),
                          ("wagtaildocs", "document", "choose_document")]


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
            content_type=content_type, codename=codename, name=codename.replace("_", " ")
        )
    return permission


def create_groups(apps, schema_editor):
    Group = apps.get_model("auth.Group")
    Collection = apps.get_model("wagtailcore.Collection")
    GroupCollectionPermission = apps.get_model("wagtailcore.GroupCollectionPermission")
    root_collection = Collection.objects.filter(depth=1).first()

    for name, permissions in GROUPS.items():
        group, _ = Group.objects.get_or_create(name=name)
        group.permissions.add(*[get_permission(apps, dotted) for dotted in permissions])
        if root_collection is not None:
            for app_label, model, codename in COLLECTION_PERMISSIONS:
                GroupCollectionPermission.objects.get_or_create(
                    group=group,
                    collection=root_collection,
                    permission=get_permission(apps, f"{app_label}.{codename}"),
                )


def remove_groups(apps, schema_editor):
    apps.get_model("auth.Group").objects.filter(name__in=GROUPS).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("editions", "0001_create_locales"),
        ("news", "0001_initial"),
        ("wagtailadmin", "0001_create_admin_access_permissions"),
        ("wagtail_localize", "0006_create_submit_translation_permission"),
        ("wagtailimages", "0027_image_description"),
        ("wagtaildocs", "0014_alter_document_file_size"),
    ]

    operations = [migrations.RunPython(create_groups, remove_groups)]
