"""Upgrading a database from before the move of the site models (home/ to core/, and the
search entries to search/) keeps every row, translation, content type, permission and
wagtail-localize source.

The database is taken back to the leaf migrations of the previous release (home at
0004_search_entry, core and search unmigrated), filled through the historical models the
way that release would have filled it, then migrated forward and checked through the
current models; then back and forward once more. Django's MigrationExecutor does the
migrating; forwards, the post_migrate handlers run after it as they do after ``manage.py
migrate``. Backwards they do not (the old state is several apps' targets, which ``manage.py
migrate`` cannot reach in one go), so the content types and permissions the old database
would have had are made by hand. The database is left at the latest migrations whatever
happens.

The last test is a known failure: a rollback with ``manage.py migrate core zero`` followed
by an upgrade leaves the site identity's permissions and references behind.
"""

import uuid

import pytest
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management.sql import emit_post_migrate_signal
from django.db import connection
from django.db.migrations.executor import MigrationExecutor
from django.db.migrations.loader import MigrationLoader
from django.utils import timezone
from wagtail.models import Locale, Page, Site
from wagtail_localize.models import TranslationSource

from core.models import SiteIdentity, SiteSettings, SocialLink

# The leaf migrations as the previous release left them, for the apps the move touched.
BEFORE_MOVE = [("home", "0004_search_entry"), ("core", None), ("search", None)]
MOVED = ("siteidentity", "sitesettings", "sociallink")


class Executor(MigrationExecutor):
    """Django's, quicker backwards.

    To unapply migrations Django renders the project state where the first of them comes
    in its full plan, then updates that rendered state for every migration after it: most
    of the project, as core/ comes early in that plan (seconds per migrate). The migrations
    being unapplied go last here instead, which is as valid an order (nothing staying
    applied depends on them), so the state is only rendered near the end.
    """

    unapplying = frozenset()

    def migration_plan(self, targets, clean_start=False):
        plan = super().migration_plan(targets, clean_start=clean_start)
        if not clean_start:
            self.unapplying = frozenset(m for m, backwards in plan if backwards)
            return plan
        return [step for step in plan if step[0] not in self.unapplying] + [
            step for step in plan if step[0] in self.unapplying
        ]


def migrate(targets=None, post_migrate=None):
    """Migrate to ``targets`` (the latest migrations when None), then run the post_migrate
    handlers as ``manage.py migrate`` does (content types, permissions, search entries),
    by default only forwards (``manage.py migrate`` can only go back one app at a time).
    Forwards, none of them may undo the migrations' work."""
    executor = Executor(connection)
    if targets is None:
        targets = executor.loader.graph.leaf_nodes()
    plan = executor.migration_plan(targets)
    state = executor.migrate(targets, plan=plan)
    ContentType.objects.clear_cache()
    backwards = any(backwards for _, backwards in plan)
    if plan and (not backwards if post_migrate is None else post_migrate):
        apps = historical_apps() if backwards else state.apps
        emit_post_migrate_signal(0, False, connection.alias, apps=apps, plan=plan)
        ContentType.objects.clear_cache()


def historical_apps():
    """The models as the applied migrations leave them. (Not the state ``migrate()``
    returns: backwards, with several targets, that one can hold the effects of migrations
    it has just unapplied.)"""
    loader = MigrationLoader(connection)
    applied = [key for key in loader.applied_migrations if key in loader.graph.nodes]
    return loader.project_state(applied).apps


def applied(app_label):
    loader = MigrationLoader(connection)
    return sorted(name for app, name in loader.applied_migrations if app == app_label)


def table_names():
    with connection.cursor() as cursor:
        return set(connection.introspection.table_names(cursor))


def site_root():
    """Wagtail's tables are the same before and after: its current models serve both."""
    # A transactional test before this one may have emptied the database (content types
    # included) while Django's per-process cache of content types still names their ids.
    ContentType.objects.clear_cache()
    for code in ("en", "fa"):
        Locale.objects.get_or_create(language_code=code)
    root = Page.get_first_root_node() or Page.add_root(instance=Page(title="Root", slug="root"))
    return Site.objects.create(hostname="upgrade.test", port=80, root_page=root)


def fill_old_database(old, site):
    """What the previous release's database holds: an identity in English with a Persian
    translation, each with a social link, the site settings choosing it, and the content
    types, a permission and a translation source pointing at the home/ models."""
    ContentType = old.get_model("contenttypes", "ContentType")
    Permission = old.get_model("auth", "Permission")
    Group = old.get_model("auth", "Group")
    User = old.get_model("auth", "User")
    OldLocale = old.get_model("wagtailcore", "Locale")
    OldIdentity = old.get_model("home", "SiteIdentity")
    OldLink = old.get_model("home", "SocialLink")
    OldSettings = old.get_model("home", "SiteSettings")
    TranslatableObject = old.get_model("wagtail_localize", "TranslatableObject")
    OldSource = old.get_model("wagtail_localize", "TranslationSource")

    content_types = {
        model: ContentType.objects.get_or_create(app_label="home", model=model)[0].pk
        for model in MOVED
    }
    en = OldLocale.objects.get(language_code="en")
    fa = OldLocale.objects.get(language_code="fa")
    identity_key, link_key = uuid.uuid4(), uuid.uuid4()
    english = OldIdentity.objects.create(
        translation_key=identity_key,
        locale=en,
        site_name="Nejat Society",
        tagline="Helping families of cult members",
        copyright_holder="NEJAT Society. NejatNGO.org",
    )
    persian = OldIdentity.objects.create(
        translation_key=identity_key,
        locale=fa,
        site_name="انجمن نجات",
        tagline="یاری خانواده‌ها",
        copyright_holder="انجمن نجات",
    )
    OldLink.objects.create(
        identity=english,
        translation_key=link_key,
        locale=en,
        sort_order=0,
        platform="youtube",
        url="https://www.youtube.com/@nejat",
        label="Nejat on YouTube",
    )
    OldLink.objects.create(
        identity=persian,
        translation_key=link_key,
        locale=fa,
        sort_order=0,
        platform="youtube",
        url="https://www.youtube.com/@nejat_fa",
        label="نجات در یوتیوب",
    )
    settings = OldSettings.objects.create(
        site_id=site.pk,
        identity=english,
        copyright_start_year=2004,
        listing_shows_full_text=True,
        articles_per_page=7,
        comments_enabled=False,
    )

    permission, _ = Permission.objects.get_or_create(
        content_type_id=content_types["siteidentity"],
        codename="change_siteidentity",
        defaults={"name": "Can change site identity"},
    )
    group = Group.objects.create(name="Translators (upgrade test)")
    group.permissions.add(permission)
    user = User.objects.create(username="upgrade-test-editor", password="!")
    user.groups.add(group)

    translatable, _ = TranslatableObject.objects.get_or_create(
        translation_key=identity_key, defaults={"content_type_id": content_types["siteidentity"]}
    )
    source = OldSource.objects.create(
        object=translatable,
        specific_content_type_id=content_types["siteidentity"],
        locale=en,
        object_repr="Nejat Society",
        content_json="{}",
        schema_version="",
        last_updated_at=timezone.now(),
    )
    return {
        "english": english.pk,
        "persian": persian.pk,
        "identity_key": identity_key,
        "link_key": link_key,
        "settings": settings.pk,
        "content_types": content_types,
        "permission": permission.pk,
        "group": group.pk,
        "user": user.pk,
        "source": source.pk,
    }


def snapshot():
    """Everything the upgrade must keep, read through the current models."""
    identities = {
        i.pk: (
            i.translation_key,
            i.locale.language_code,
            i.site_name,
            i.tagline,
            i.copyright_holder,
        )
        for i in SiteIdentity.objects.select_related("locale")
    }
    links = {
        link.pk: (
            link.identity_id,
            link.translation_key,
            link.locale.language_code,
            link.sort_order,
            link.platform,
            link.url,
            link.label,
        )
        for link in SocialLink.objects.select_related("locale")
    }
    settings = {
        s.pk: (
            s.site_id,
            s.identity_id,
            s.copyright_start_year,
            s.listing_shows_full_text,
            s.articles_per_page,
            s.comments_enabled,
        )
        for s in SiteSettings.objects.all()
    }
    content_types = {
        model: ContentType.objects.filter(model=model, app_label__in=("home", "core"))
        .values_list("pk", "app_label")
        .get()
        for model in MOVED
    }
    return identities, links, settings, content_types


def assert_upgraded(ids):
    from django.contrib.auth.models import Group, Permission, User

    english = SiteIdentity.objects.get(pk=ids["english"])
    persian = SiteIdentity.objects.get(pk=ids["persian"])
    assert (english.locale.language_code, english.site_name) == ("en", "Nejat Society")
    assert (persian.locale.language_code, persian.site_name) == ("fa", "انجمن نجات")
    assert english.translation_key == persian.translation_key == ids["identity_key"]
    assert english.get_translation(Locale.objects.get(language_code="fa")) == persian
    assert persian.get_translation(Locale.objects.get(language_code="en")) == english
    assert [link.url for link in english.social_links.all()] == ["https://www.youtube.com/@nejat"]
    assert [link.label for link in persian.social_links.all()] == ["نجات در یوتیوب"]
    links = SocialLink.objects.filter(identity__in=[english, persian])
    assert {(link.translation_key, link.locale.language_code) for link in links} == {
        (ids["link_key"], "en"),
        (ids["link_key"], "fa"),
    }

    settings = SiteSettings.objects.get(pk=ids["settings"])
    assert settings.identity == english
    assert (settings.articles_per_page, settings.comments_enabled) == (7, False)
    assert settings.copyright_start_year == 2004 and settings.listing_shows_full_text

    # The same content type rows, now saying core; none left (or made) for home.
    for model in MOVED:
        content_type = ContentType.objects.get(pk=ids["content_types"][model])
        assert (content_type.app_label, content_type.model) == ("core", model)
    assert not ContentType.objects.filter(app_label="home", model__in=MOVED).exists()
    assert (
        ContentType.objects.get_for_model(SiteIdentity).pk == ids["content_types"]["siteidentity"]
    )
    assert (
        ContentType.objects.get_for_model(SiteSettings).pk == ids["content_types"]["sitesettings"]
    )
    assert ContentType.objects.get_for_model(SocialLink).pk == ids["content_types"]["sociallink"]

    permission = Permission.objects.get(pk=ids["permission"])
    assert (permission.content_type.app_label, permission.codename) == (
        "core",
        "change_siteidentity",
    )
    assert Group.objects.get(pk=ids["group"]).permissions.filter(pk=permission.pk).exists()
    assert User.objects.get(pk=ids["user"]).has_perm("core.change_siteidentity")

    source = TranslationSource.objects.get(pk=ids["source"])
    assert source.specific_content_type.model_class() is SiteIdentity
    assert source.object.content_type.model_class() is SiteIdentity
    assert source.get_source_instance() == english
    assert source.object.get_instance(persian.locale) == persian


@pytest.mark.django_db(transaction=True)
def test_upgrade_from_before_the_move_keeps_site_models_and_their_references():
    site = site_root()
    try:
        migrate(BEFORE_MOVE)
        old = historical_apps()
        assert applied("core") == applied("search") == []
        assert applied("home")[-1] == "0004_search_entry"
        assert {"home_siteidentity", "home_searchentry"} <= table_names()
        assert "search_searchentry" not in table_names()
        ids = fill_old_database(old, site)

        migrate()
        assert "home_searchentry" not in table_names()
        assert {"home_siteidentity", "home_sociallink", "search_searchentry"} <= table_names()
        assert_upgraded(ids)
        upgraded = snapshot()

        # Back to the previous release's state: the content types say home again...
        migrate(BEFORE_MOVE)
        old = historical_apps()
        assert set(
            old.get_model("contenttypes", "ContentType")
            .objects.filter(pk__in=ids["content_types"].values())
            .values_list("app_label", flat=True)
        ) == {"home"}
        identities = old.get_model("home", "SiteIdentity").objects
        assert identities.filter(translation_key=ids["identity_key"]).count() == 2
        assert (
            old.get_model("home", "SocialLink")
            .objects.filter(translation_key=ids["link_key"])
            .count()
            == 2
        )
        settings = old.get_model("home", "SiteSettings").objects.get(pk=ids["settings"])
        assert settings.identity_id == ids["english"]

        # ...and forward again, nothing lost.
        migrate()
        assert_upgraded(ids)
        assert snapshot() == upgraded
    finally:
        migrate()


@pytest.mark.django_db(transaction=True)
def test_rollback_with_manage_py_then_upgrade_keeps_the_site_identity_content_type():
    """``manage.py migrate core zero`` (which unapplies home/0005 and core/0001 and moves the
    content types back to home) then ``manage.py migrate``.

    After the first, Wagtail's snippets post_migrate handler (``create_extra_permissions``,
    run by every ``migrate``) asks for the content type of every registered snippet model,
    so it makes a new ``core.siteidentity``. core/0001's ``move_content_types`` then leaves
    ``home.siteidentity`` where it is because a core one exists: its permissions (and the
    groups holding them, wagtail-localize's translation sources, the reference index, the
    log entries) would stay on a content type no model has, and the identity would get new
    ones, if core/0001 did not make the newcomer give way. The same happens on the first
    upgrade when any ``migrate`` ran with this code before core/0001 did
    (``manage.py migrate wagtailcore``, say)."""
    migrate()
    site_identity = ContentType.objects.get_for_model(SiteIdentity)
    change = Permission.objects.get(content_type=site_identity, codename="change_siteidentity")
    try:
        migrate([("core", None)], post_migrate=True)
        migrate()
        assert ContentType.objects.get_for_model(SiteIdentity).pk == site_identity.pk
        assert Permission.objects.get(pk=change.pk).content_type.app_label == "core"
    finally:
        migrate()
