"""A translator cannot plant live markup: as the translator's browser would send it, through
"Submit for review", the moderator's preview, approval and the public page."""

from urllib.parse import urlencode

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.models import Page
from wagtail_localize.models import StringSegment, StringTranslation, Translation

from editions.groups import EDITION_TRANSLATOR_GROUPS, REVIEWERS_GROUP
from editions.translated_strings import refusal_reason
from news.factories import ArticleIndexPageFactory, ArticlePageFactory
from tests.editions_helpers import locale, make_edition, translate

SENTENCE = "Rain fell for three days."
LINKED = 'Read <a id="a1">the report</a> and <b>act</b>.'

ATTACKS = [
    "<!--><img src=x onerror=alert(1)>-->باران سه روز بارید.",
    "<![CDATA[><img src=x onerror=alert(1)>]]>باران سه روز بارید.",
    '<meta http-equiv="refresh" content="0;url=https://evil.example/">باران سه روز بارید.',
    '<a href="https://evil.example/">باران</a> سه روز بارید.',
    "<?xml-stylesheet href=x?>باران سه روز بارید.",
    "<img src=x onerror=alert(1)>باران سه روز بارید.",
]


@pytest.mark.parametrize(
    "translation",
    [
        "<!--><img src=x onerror=alert(1)>-->",
        "<![CDATA[><img src=x>]]>",
        "<?php echo 1 ?>",
        "<!DOCTYPE html>",
        "text ]]> more",
        '<b onclick="alert(1)">act</b>',
        "<B>act</B>",
        "<i>act</i>",  # the source has no <i>
        '<a id="a2">report</a>',  # a link the source does not have
        '<a id="a1" href="https://evil.example/">report</a>',
        '<a\nid="a1">report</a>',
        "<b/onclick=alert(1)>act</b>",
        "a < b",
    ],
)
def test_markup_the_source_does_not_have_is_refused(translation):
    assert refusal_reason(LINKED, translation) is not None


@pytest.mark.parametrize(
    "translation",
    [
        'اقرأ <a id="a1">التقرير</a> و<b>تحرّك</b>.',
        "Lexoni raportin dhe <b>veproni</b>.",
        "a &lt; b &amp; c &gt; d",
        "",
    ],
)
def test_the_sources_own_tags_and_plain_text_are_accepted(translation):
    assert refusal_reason(LINKED, translation) is None


def test_a_line_break_in_the_source_may_be_kept():
    assert refusal_reason("one<br/>two", "یک<br/>دو") is None


# --- End to end -------------------------------------------------------------------------------


def make_user(django_user_model, username, group):
    user = django_user_model.objects.create_user(username=username, password="not-used-here")
    user.groups.add(Group.objects.get(name=group))
    return user


@pytest.fixture
def persian_article(home_page):
    index = ArticleIndexPageFactory(parent=home_page)
    article = ArticlePageFactory(
        parent=index, title="Floods", slug="floods", body=[("paragraph", f"<p>{SENTENCE}</p>")]
    )
    make_edition(home_page, "fa")
    translate(index, "fa")
    return article, translate(article, "fa", {"Floods": "سیل"}, publish=False)


def put_string(client, article, text):
    translation = Translation.objects.get(
        source__object_id=article.translation_key, target_locale=locale("fa")
    )
    segment = StringSegment.objects.get(
        source=translation.source, string__data=SENTENCE, context__path__contains="body"
    )
    url = reverse("wagtail_localize:edit_string_translation", args=[translation.pk, segment.pk])
    return client.put(
        url, urlencode({"value": text}), content_type="application/x-www-form-urlencoded"
    )


def assert_harmless(html):
    for marker in ("onerror", "<img src=x", "evil.example", "<meta http-equiv", "CDATA", "<!-->"):
        assert marker not in html, marker


@pytest.mark.django_db
@pytest.mark.parametrize("attack", ATTACKS)
def test_a_translators_markup_never_reaches_the_moderator_or_the_public(
    client, django_user_model, persian_article, attack
):
    english, persian = persian_article
    translator = make_user(django_user_model, "persian", EDITION_TRANSLATOR_GROUPS["fa"])
    moderator = make_user(django_user_model, "moderator", REVIEWERS_GROUP)

    # The string editor's own endpoint: stored, but flagged with a message the editor shows.
    client.force_login(translator)
    response = put_string(client, english, attack)
    assert response.status_code in (200, 201)
    assert response.json()["error"], "the translation editor shows why it was refused"
    stored = StringTranslation.objects.get(locale=locale("fa"), data=attack)
    assert stored.has_error

    # "Submit for review": the revision holds the source sentence, not the attack.
    response = client.post(reverse("editions_admin:submit_for_review", args=[persian.pk]))
    assert response.status_code == 302
    persian = Page.objects.get(pk=persian.pk).specific
    revision_body = str(persian.get_latest_revision_as_object().body.raw_data)
    assert_harmless(revision_body)
    assert SENTENCE in revision_body

    # The moderator's preview of the task: no markup, and no inline script would run.
    client.force_login(moderator)
    task = persian.current_workflow_task
    response = client.get(
        reverse("wagtailadmin_pages:workflow_preview", args=[persian.pk, task.pk])
    )
    assert response.status_code == 200
    assert_harmless(response.content.decode())
    policy = response["Content-Security-Policy"]
    assert "'unsafe-inline'" not in policy
    assert "script-src 'self'" in policy

    # Approval, then the public page.
    state = persian.current_workflow_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[persian.pk, "approve", state.pk]),
        {"comment": ""},
    )
    persian = Page.objects.get(pk=persian.pk).specific
    assert persian.live
    client.logout()
    response = client.get(persian.url)
    assert response.status_code == 200
    assert_harmless(response.content.decode())


@pytest.mark.django_db
def test_a_sound_translation_still_goes_through(client, django_user_model, persian_article):
    english, persian = persian_article
    translator = make_user(django_user_model, "persian", EDITION_TRANSLATOR_GROUPS["fa"])
    client.force_login(translator)
    response = put_string(client, english, "باران سه روز بارید.")
    assert response.json()["error"] is None
    client.post(reverse("editions_admin:submit_for_review", args=[persian.pk]))
    persian = Page.objects.get(pk=persian.pk).specific
    assert "باران سه روز بارید." in str(persian.get_latest_revision_as_object().body.raw_data)


@pytest.mark.django_db
def test_the_translation_preview_runs_no_inline_script(client, admin_user, persian_article):
    english, persian = persian_article
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=locale("fa")
    )
    client.force_login(admin_user)
    response = client.get(reverse("wagtail_localize:preview_translation", args=[translation.pk]))
    assert response.status_code == 200
    assert "'unsafe-inline'" not in response["Content-Security-Policy"]
    assert "frame-ancestors 'self'" in response["Content-Security-Policy"]


@pytest.mark.django_db
def test_the_refusal_is_in_the_translators_own_admin_language(
    client, django_user_model, persian_article
):
    from wagtail.users.models import UserProfile

    english, _persian = persian_article
    translator = make_user(django_user_model, "persian", EDITION_TRANSLATOR_GROUPS["fa"])
    profile = UserProfile.get_for_user(translator)
    profile.preferred_language = "fa"
    profile.save()
    client.force_login(translator)
    response = put_string(client, english, "<!--><img src=x onerror=alert(1)>-->")
    assert "در ترجمه مجاز نیست" in response.json()["error"]
