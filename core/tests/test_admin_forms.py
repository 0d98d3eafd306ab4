"""Malformed StreamField or rich text data posted to a page edit form is a form error with
a message, never a server error (core/admin_forms.py)."""

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from wagtail.test.utils.form_data import (
    nested_form_data,
    querydict_from_html,
    rich_text,
    streamfield,
)

from news.factories import ArticlePageFactory

MESSAGE = "arrived incomplete or damaged"


@pytest.fixture
def editor_client(client, django_user_model):
    """A member of Wagtail's Editors group: no superuser."""
    editor = django_user_model.objects.create_user("editor", password="not-used-here")
    editor.groups.add(Group.objects.get(name="Editors"))
    client.force_login(editor)
    client.raise_request_exception = False  # a 500 is a status here, not an exception
    return client


@pytest.fixture
def article(article_index, site_settings):
    return ArticlePageFactory(parent=article_index, title="Families ask for news")


def edit_form(client, page, body=True):
    """The edit form as the admin renders it, with a one-paragraph body (StreamFields are
    drawn by JavaScript, so they are not in the HTML)."""
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    data = querydict_from_html(response.content.decode(), form_id="page-edit-form")
    if body:
        data.update(
            nested_form_data({"body": streamfield([("paragraph", rich_text("<p>Edited.</p>"))])})
        )
    return url, data


def assert_refused_with_a_message(response, page, field):
    assert response.status_code == 200  # the form again, not a 500
    form = response.context["form"]
    assert MESSAGE in str(form.errors[field])
    assert MESSAGE in response.content.decode()
    assert page.revisions.count() == 0  # nothing saved


@pytest.mark.django_db
def test_the_edit_form_as_the_admin_posts_it_is_saved(editor_client, article):
    url, data = edit_form(editor_client, article)
    response = editor_client.post(url, data)
    assert response.status_code == 302
    article.refresh_from_db()
    assert article.get_latest_revision_as_object().body.raw_data[0]["type"] == "paragraph"


@pytest.mark.django_db
@pytest.mark.parametrize("count", [None, "", "two", "3"])
def test_a_streamfield_posted_without_a_usable_count_is_a_form_error(editor_client, article, count):
    """No ``body-count`` (a 500: MultiValueDictKeyError), one that is not a number
    (ValueError), or one larger than the blocks posted (their fields are missing)."""
    url, data = edit_form(editor_client, article)
    if count is None:
        del data["body-count"]
    else:
        data["body-count"] = count
    response = editor_client.post(url, data)
    assert_refused_with_a_message(response, article, "body")


@pytest.mark.django_db
@pytest.mark.parametrize("value", ["<p>Raw <b>HTML</b></p>", "{not json", "[]", '{"blocks": 5}'])
def test_rich_text_posted_as_html_instead_of_contentstate_is_a_form_error(
    editor_client, article, value
):
    """Draftail posts contentstate JSON; raw HTML (a 500: JSONDecodeError) or JSON of
    another shape is refused on the StreamField that holds the paragraph."""
    url, data = edit_form(editor_client, article)
    data["body-0-value"] = value
    response = editor_client.post(url, data)
    assert_refused_with_a_message(response, article, "body")


@pytest.mark.django_db
def test_a_rich_text_field_posted_as_html_is_a_form_error(editor_client, home_page):
    """The same for a RichTextField of its own (the home page's intro)."""
    url, data = edit_form(editor_client, home_page, body=False)
    data["intro"] = "<p>Raw <b>HTML</b></p>"
    response = editor_client.post(url, data)
    assert_refused_with_a_message(response, home_page, "intro")
