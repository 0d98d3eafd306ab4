"""The translators' side of the editions: groups, per-edition permissions and workflows set
up from the page tree, snippet locks, "Submit for review" and a moderator's approval."""

import importlib
import io
from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.urls import reverse
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowState,
)
from wagtail_localize.models import StringSegment, StringTranslation, Translation
from wagtail_localize.strings import StringValue

from editions.groups import (
    COORDINATORS_GROUP,
    EDITION_TRANSLATOR_GROUPS,
    REVIEWERS_GROUP,
    workflow_name,
)
from editions.permissions import setup_edition, translator_language_codes
from home.models import HomePage
from news.factories import (
    ArticleIndexPageFactory,
    ArticlePageFactory,
    CategoryFactory,
    CommentFactory,
)
from news.models import Category, Comment
from tests.editions_helpers import locale, make_edition, translate

TITLE = "Floods in the north"
FA_TITLE = "سیل در شمال"
AR_TITLE = "فيضانات في الشمال"


# --- Fixtures -------------------------------------------------------------------------------


def make_user(django_user_model, username, *groups):
    user = django_user_model.objects.create_user(username=username, password="not-used-here")
    user.groups.add(*[Group.objects.get(name=name) for name in groups])
    return user


@pytest.fixture
def persian_translator(django_user_model):
    return make_user(django_user_model, "persian", EDITION_TRANSLATOR_GROUPS["fa"])


@pytest.fixture
def arabic_translator(django_user_model):
    return make_user(django_user_model, "arabic", EDITION_TRANSLATOR_GROUPS["ar"])


@pytest.fixture
def moderator(django_user_model):
    return make_user(django_user_model, "moderator", REVIEWERS_GROUP)


@pytest.fixture
def site(home_page):
    """English home, Articles, one article with a category; Persian and Arabic editions
    with live homes and Articles, and the article translated as a draft (what
    WAGTAILLOCALIZE_SYNC_LIVE_STATUS_ON_TRANSLATE=False gives)."""
    index = ArticleIndexPageFactory(parent=home_page)
    category = CategoryFactory(name="Human rights", slug="human-rights")
    article = ArticlePageFactory(parent=index, title=TITLE, slug="floods", category=category)
    result = {"en_home": home_page, "en_index": index, "en_article": article, "category": category}
    for code, title in (("fa", FA_TITLE), ("ar", AR_TITLE)):
        result[f"{code}_home"] = make_edition(home_page, code)
        result[f"{code}_index"] = translate(index, code)
        result[f"{code}_article"] = translate(article, code, {TITLE: title}, publish=False)
        result[f"{code}_category"] = category.get_translation(locale(code))
    return result


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit_url(page, next_url=None):
    url = reverse("editions_admin:submit_for_review", args=[page.pk])
    return url + ("?" + urlencode({"next": next_url}) if next_url else "")


def refused(response):
    """Wagtail's admin answers PermissionDenied with a redirect to the dashboard (or a 403
    for XHR); either way not the page that was asked for."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def group_page_codenames(group, page):
    return set(
        GroupPagePermission.objects.filter(group=group, page=page).values_list(
            "permission__codename", flat=True
        )
    )


# --- Groups and per-edition setup -----------------------------------------------------------


@pytest.mark.django_db
def test_groups_exist_after_migrations_with_the_right_permissions():
    for name in EDITION_TRANSLATOR_GROUPS.values():
        group = Group.objects.get(name=name)
        perms = {
            f"{p.content_type.app_label}.{p.codename}"
            for p in group.permissions.select_related("content_type")
        }
        assert perms == {
            "wagtailadmin.access_admin",
            "news.change_category",
            "news.change_author",
        }
        # No page permission anywhere until an edition home exists, and never publish.
        assert not GroupPagePermission.objects.filter(group=group).exists()
        assert group.collection_permissions.filter(permission__codename="choose_image").exists()
    coordinators = Group.objects.get(name=COORDINATORS_GROUP)
    assert coordinators.permissions.filter(codename="submit_translation").exists()
    assert not any(
        Group.objects.get(name=name).permissions.filter(codename="submit_translation").exists()
        for name in EDITION_TRANSLATOR_GROUPS.values()
    )
    assert Group.objects.filter(name=REVIEWERS_GROUP).exists()


@pytest.mark.django_db
def test_creating_the_persian_home_grants_persian_translators_and_a_review_workflow(home_page):
    fa_home = make_edition(home_page, "fa")
    persian = Group.objects.get(name=EDITION_TRANSLATOR_GROUPS["fa"])
    assert group_page_codenames(persian, fa_home) == {"add_page", "change_page"}
    assert not GroupPagePermission.objects.filter(
        group=persian, permission__codename="publish_page"
    ).exists()
    # Nothing on the English tree or another edition.
    assert not GroupPagePermission.objects.filter(group=persian).exclude(page=fa_home).exists()

    workflow = Workflow.objects.get(name=workflow_name("fa"))
    assert workflow.active
    tasks = [task.specific for task in workflow.tasks]
    assert len(tasks) == 1 and isinstance(tasks[0], GroupApprovalTask)
    assert list(tasks[0].groups.values_list("name", flat=True)) == [REVIEWERS_GROUP]
    assert WorkflowPage.objects.get(page=fa_home).workflow == workflow
    assert fa_home.get_workflow() == workflow
    # The English tree keeps Wagtail's default workflow.
    assert home_page.get_workflow() != workflow


@pytest.mark.django_db
def test_edition_setup_is_idempotent(home_page):
    fa_home = make_edition(home_page, "fa")
    counts = (
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        GroupApprovalTask.objects.count(),
        WorkflowPage.objects.count(),
    )
    setup_edition(fa_home)
    fa_home.save_revision().publish()
    translate(home_page, "fa", {home_page.title: "خانه"})
    assert counts == (
        GroupPagePermission.objects.count(),
        Workflow.objects.count(),
        GroupApprovalTask.objects.count(),
        WorkflowPage.objects.count(),
    )
    assert setup_edition(fa_home).created == []


@pytest.mark.django_db
def test_each_edition_gets_its_own_group_and_workflow(home_page):
    fa_home = make_edition(home_page, "fa")
    ar_home = make_edition(home_page, "ar")
    persian = Group.objects.get(name=EDITION_TRANSLATOR_GROUPS["fa"])
    arabic = Group.objects.get(name=EDITION_TRANSLATOR_GROUPS["ar"])
    assert group_page_codenames(arabic, ar_home) == {"add_page", "change_page"}
    assert group_page_codenames(persian, ar_home) == set()
    assert group_page_codenames(arabic, fa_home) == set()
    assert ar_home.get_workflow().name == workflow_name("ar")
    assert fa_home.get_workflow().name == workflow_name("fa")


@pytest.mark.django_db
def test_an_alias_home_is_set_up_only_once_it_becomes_a_real_translation(home_page):
    # "Sync from" (LocaleSynchronization) first makes the edition home an alias.
    alias = home_page.create_alias(
        update_locale=locale("sq"),
        update_slug="home-sq",
        parent=Page.get_first_root_node(),
        reset_translation_key=False,
    )
    albanian = Group.objects.get(name=EDITION_TRANSLATOR_GROUPS["sq"])
    assert not GroupPagePermission.objects.filter(group=albanian).exists()
    assert not Workflow.objects.filter(name=workflow_name("sq")).exists()

    sq_home = make_edition(home_page, "sq")
    assert sq_home.pk == alias.pk and sq_home.alias_of_id is None
    assert group_page_codenames(albanian, sq_home) == {"add_page", "change_page"}
    assert sq_home.get_workflow().name == workflow_name("sq")


@pytest.mark.django_db
def test_setup_editions_command_sets_up_existing_editions(home_page):
    fa_home = make_edition(home_page, "fa")
    # A database from before the automatic set-up.
    GroupPagePermission.objects.filter(page=fa_home).delete()
    WorkflowPage.objects.filter(page=fa_home).delete()
    Workflow.objects.filter(name=workflow_name("fa")).delete()

    call_command("setup_editions", stdout=(out := io.StringIO()))
    persian = Group.objects.get(name=EDITION_TRANSLATOR_GROUPS["fa"])
    assert group_page_codenames(persian, fa_home) == {"add_page", "change_page"}
    assert HomePage.objects.get(pk=fa_home.pk).get_workflow().name == workflow_name("fa")
    assert "fa:" in out.getvalue()

    call_command("setup_editions", stdout=(out := io.StringIO()))
    assert "already set up" in out.getvalue()


@pytest.mark.django_db
def test_setup_leaves_a_hand_assigned_workflow_alone(home_page):
    fa_home = make_edition(home_page, "fa")
    other = Workflow.objects.create(name="Board approval")
    WorkflowPage.objects.filter(page=fa_home).update(workflow=other)
    result = setup_edition(fa_home)
    assert WorkflowPage.objects.get(page=fa_home).workflow == other
    assert result.notes


# --- Translators stay in their own edition ----------------------------------------------------


@pytest.mark.django_db
def test_translator_language_codes(persian_translator, admin_user, django_user_model):
    assert translator_language_codes(persian_translator) == {"fa"}
    assert translator_language_codes(admin_user) is None
    assert translator_language_codes(django_user_model.objects.create_user("x")) is None


@pytest.mark.django_db
def test_persian_translator_gets_the_translation_editor_on_persian_pages_only(
    client, site, persian_translator
):
    client.force_login(persian_translator)
    response = client.get(edit_url(site["fa_article"]))
    assert response.status_code == 200
    assert b"js-translation-editor" in response.content  # wagtail-localize's editor

    for page in (site["ar_article"], site["en_article"], site["ar_home"]):
        assert refused(client.get(edit_url(page))), page


@pytest.mark.django_db
def test_translator_cannot_publish_directly(client, site, persian_translator):
    client.force_login(persian_translator)
    article = site["fa_article"]
    # Wagtail's own edit form action, and the translation editor's publish action.
    client.post(edit_url(article), {"action-publish": "action-publish"})
    response = client.post(edit_url(article), {"action": "publish"})
    assert refused(response)
    article.refresh_from_db()
    assert not article.live
    assert not article.permissions_for_user(persian_translator).can_publish()
    assert client.get(article.url).status_code == 404


@pytest.mark.django_db
def test_translator_edits_only_their_editions_snippets(client, site, persian_translator):
    client.force_login(persian_translator)
    fa_category, ar_category = site["fa_category"], site["ar_category"]
    edit = "wagtailsnippets_news_category:edit"
    assert client.get(reverse(edit, args=[fa_category.pk])).status_code == 200

    for category in (ar_category, site["category"]):
        assert refused(client.get(reverse(edit, args=[category.pk])))
        response = client.post(
            reverse(edit, args=[category.pk]),
            {"name": "Hacked", "slug": category.slug, "description": ""},
        )
        assert refused(response)
        category.refresh_from_db()
        assert category.name != "Hacked"


@pytest.mark.django_db
def test_translator_deletes_only_their_editions_snippets(client, site, persian_translator):
    Group.objects.get(name=EDITION_TRANSLATOR_GROUPS["fa"]).permissions.add(
        Permission.objects.get(codename="delete_category")
    )
    client.force_login(persian_translator)
    delete = "wagtailsnippets_news_category:delete"
    assert client.get(reverse(delete, args=[site["fa_category"].pk])).status_code == 200
    assert refused(client.post(reverse(delete, args=[site["ar_category"].pk])))
    assert Category.objects.filter(pk=site["ar_category"].pk).exists()


@pytest.mark.django_db
def test_translation_editor_endpoints_refuse_other_editions_snippets(
    client, site, persian_translator
):
    client.force_login(persian_translator)
    category = site["category"]
    segment = StringSegment.objects.filter(
        source__object_id=category.translation_key, string__data="Human rights"
    ).first()
    translations = {
        code: Translation.objects.get(
            source__object_id=category.translation_key, target_locale=locale(code)
        )
        for code in ("fa", "ar")
    }

    def put(code, value):
        url = reverse(
            "wagtail_localize:edit_string_translation",
            args=[translations[code].pk, segment.pk],
        )
        return client.put(
            url, urlencode({"value": value}), content_type="application/x-www-form-urlencoded"
        )

    assert put("fa", "حقوق بشر").status_code in (200, 201)
    assert refused(put("ar", "Hacked"))
    assert not StringTranslation.objects.filter(data="Hacked").exists()

    stop = reverse("wagtail_localize:stop_translation", args=[translations["ar"].pk])
    assert refused(client.post(stop))
    translations["ar"].refresh_from_db()
    assert translations["ar"].enabled


# --- Submit for review, then a moderator approves ---------------------------------------------


def approve(client, moderator, page, action="approve"):
    page = Page.objects.get(pk=page.pk).specific
    task_state = page.current_workflow_task_state
    client.force_login(moderator)
    url = reverse("wagtailadmin_pages:workflow_action", args=[page.pk, action, task_state.pk])
    return client.post(url, {"comment": ""})


@pytest.mark.django_db
def test_submit_for_review_and_approval_publishes_the_translation(
    client, site, persian_translator, moderator
):
    article = site["fa_article"]
    client.force_login(persian_translator)
    listing = reverse("wagtailadmin_explore", args=[site["fa_index"].pk])

    response = client.get(submit_url(article, listing))
    assert response.status_code == 200
    assert workflow_name("fa") in response.content.decode()
    assert not WorkflowState.objects.exists()  # GET only asks

    response = client.post(submit_url(article), {"next": listing})
    assert response.status_code == 302 and response["Location"] == listing
    article = Page.objects.get(pk=article.pk).specific
    state = article.current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.workflow.name == workflow_name("fa")
    assert state.requested_by == persian_translator
    assert not article.live
    assert article.get_latest_revision_as_object().title == FA_TITLE

    # A second submission while in review is refused politely.
    response = client.post(submit_url(article))
    assert response.status_code == 302
    assert WorkflowState.objects.count() == 1

    # A moderator approves from Wagtail's workflow action (dashboard "Approve" button).
    response = approve(client, moderator, article)
    assert response.status_code == 302
    article = Page.objects.get(pk=article.pk).specific
    assert article.live and article.title == FA_TITLE
    assert article.current_workflow_state is None
    client.logout()
    response = client.get(article.url)
    assert response.status_code == 200
    assert FA_TITLE in response.content.decode()


@pytest.mark.django_db
def test_task_on_action_api_approves_and_publishes(client, site, persian_translator, moderator):
    article = site["fa_article"]
    client.force_login(persian_translator)
    client.post(submit_url(article))
    article = Page.objects.get(pk=article.pk).specific
    article.current_workflow_task.on_action(
        article.current_workflow_task_state, user=moderator, action_name="approve"
    )
    article.refresh_from_db()
    assert article.live and article.title == FA_TITLE


@pytest.mark.django_db
def test_resubmitting_a_live_translation_keeps_the_live_text_until_approved(
    client, site, persian_translator, moderator
):
    article = site["fa_article"]
    client.force_login(persian_translator)
    client.post(submit_url(article))
    approve(client, moderator, article)

    # The translator corrects the title in the translation editor and resubmits.
    segment = StringSegment.objects.get(
        source__object_id=article.translation_key, string__data=TITLE
    )
    StringTranslation.objects.filter(
        translation_of=segment.string, context=segment.context, locale=locale("fa")
    ).update(data=StringValue.from_plaintext("سیل‌های شمال").data)
    client.force_login(persian_translator)
    response = client.post(submit_url(article))
    assert response.status_code == 302
    article = Page.objects.get(pk=article.pk).specific
    assert article.workflow_in_progress
    # Still the approved text on the site while the correction waits for review.
    assert article.title == FA_TITLE
    assert FA_TITLE in client.get(article.url).content.decode()
    assert article.get_latest_revision_as_object().title == "سیل‌های شمال"

    approve(client, moderator, article)
    article.refresh_from_db()
    assert article.title == "سیل‌های شمال" and article.live


@pytest.mark.django_db
def test_changes_requested_then_resubmitted_resumes_the_same_workflow(
    client, site, persian_translator, moderator
):
    article = site["fa_article"]
    client.force_login(persian_translator)
    client.post(submit_url(article))
    state = Page.objects.get(pk=article.pk).specific.current_workflow_state
    approve(client, moderator, article, action="reject")
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_NEEDS_CHANGES

    client.force_login(persian_translator)
    listing = reverse("wagtailadmin_explore", args=[site["fa_index"].pk])
    assert submit_url(article).encode() in client.get(listing).content
    client.post(submit_url(article))
    state.refresh_from_db()
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert WorkflowState.objects.count() == 1


@pytest.mark.django_db
def test_submit_for_review_is_refused_outside_the_translators_edition(
    client, site, persian_translator
):
    client.force_login(persian_translator)
    for page in (site["ar_article"], site["en_article"]):
        assert refused(client.post(submit_url(page)))
    assert not WorkflowState.objects.exists()


@pytest.mark.django_db
def test_submit_for_review_needs_post_and_csrf(site, persian_translator):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(persian_translator)
    assert client.post(submit_url(site["fa_article"])).status_code == 403
    assert not WorkflowState.objects.exists()


@pytest.mark.django_db
def test_english_pages_are_not_submitted_here(client, site, admin_user):
    client.force_login(admin_user)
    response = client.post(submit_url(site["en_article"]))
    assert response.status_code == 302
    assert not WorkflowState.objects.exists()


@pytest.mark.django_db
def test_submit_button_shows_only_where_it_applies(client, site, persian_translator):
    client.force_login(persian_translator)
    fa_listing = client.get(reverse("wagtailadmin_explore", args=[site["fa_index"].pk]))
    assert fa_listing.status_code == 200
    assert reverse("editions_admin:submit_for_review", args=[site["fa_article"].pk]) in (
        fa_listing.content.decode()
    )
    # In the page's own header menu too (explorer of the page).
    header = client.get(reverse("wagtailadmin_explore", args=[site["fa_article"].pk]))
    assert reverse("editions_admin:submit_for_review", args=[site["fa_article"].pk]) in (
        header.content.decode()
    )
    client.post(submit_url(site["fa_article"]))
    fa_listing = client.get(reverse("wagtailadmin_explore", args=[site["fa_index"].pk]))
    assert reverse("editions_admin:submit_for_review", args=[site["fa_article"].pk]) not in (
        fa_listing.content.decode()
    )


# --- Machine translation is off unless configured --------------------------------------------


def test_machine_translation_is_off_by_default(monkeypatch):
    import config.settings.base as base

    for name in ("MACHINE_TRANSLATOR", "DEEPL_API_KEY"):
        monkeypatch.delenv(name, raising=False)
    assert not hasattr(importlib.reload(base), "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")

    monkeypatch.setenv("MACHINE_TRANSLATOR", "deepl")
    assert not hasattr(importlib.reload(base), "WAGTAILLOCALIZE_MACHINE_TRANSLATOR")

    monkeypatch.setenv("DEEPL_API_KEY", "secret:fx")
    monkeypatch.setenv("DEEPL_FORMALITY", "prefer_less")
    config = importlib.reload(base).WAGTAILLOCALIZE_MACHINE_TRANSLATOR
    assert config["CLASS"] == "wagtail_localize.machine_translators.deepl.DeepLTranslator"
    assert config["OPTIONS"]["AUTH_KEY"] == "secret:fx"
    assert config["OPTIONS"]["FORMALITY"] == "prefer_less"

    from django.utils.module_loading import import_string

    translator = import_string(config["CLASS"])(config["OPTIONS"])
    assert translator.get_api_endpoint() == "https://api-free.deepl.com/v2/translate"

    for name in ("MACHINE_TRANSLATOR", "DEEPL_API_KEY", "DEEPL_FORMALITY"):
        monkeypatch.delenv(name, raising=False)
    importlib.reload(base)


# --- wagtail-localize's snippet API -----------------------------------------------------------


@pytest.mark.django_db
def test_the_snippet_api_answers_only_those_who_may_see_the_snippets(
    client, site, django_user_model
):
    """The translation editor's snippet chooser reads wagtail-localize's snippet API, which
    listed every comment (pending and spam included) to anyone who may use the admin."""
    spam = CommentFactory(page=site["en_article"], text="Buy pills", status=Comment.Status.SPAM)
    comments = "/admin/localize/api/snippets/news/comment/"
    categories = "/admin/localize/api/snippets/news/category/"
    staff = django_user_model.objects.create_user("staff", password="not-used-here")
    staff.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(staff)

    for url in (comments, f"{comments}{spam.pk}/", categories):
        response = client.get(url)
        assert response.status_code == 403, url
        assert b"Buy pills" not in response.content and b"Human rights" not in response.content
    # Not a snippet: no answer at all (a 404, which Django redirects to a language prefix).
    assert client.get("/admin/localize/api/snippets/auth/user/").status_code in (302, 404)

    # A snippet permission opens that model's API, and only that model's.
    staff.user_permissions.add(Permission.objects.get(codename="change_category"))
    staff = django_user_model.objects.get(pk=staff.pk)  # forget the cached permissions
    client.force_login(staff)
    response = client.get(categories)
    assert response.status_code == 200
    assert "Human rights" in [item["title"] for item in response.json()]
    assert client.get(comments).status_code == 403

    moderator = make_user(django_user_model, "comment-moderator", "Comment moderators")
    client.force_login(moderator)
    assert client.get(f"{comments}{spam.pk}/").json()["title"] == str(spam)
    assert spam.pk in [item["id"] for item in client.get(comments).json()]
