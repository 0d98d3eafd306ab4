"""Importing password-protected posts, from WordPress's Theme Unit Test data
(fixtures/wxr/theme-unit-test-1.2.xml: real posts, comments and header; two comments added,
marked in the file)."""

import re

import pytest
from wagtail.models import PageViewRestriction

from importer.tests.test_import_wordpress import FIXTURES, article, editions, run_import

__all__ = ["editions"]  # a fixture, used by name

THEME_UNIT_TEST = FIXTURES / "theme-unit-test-1.2.xml"


@pytest.fixture
def imported(editions):
    return run_import(THEME_UNIT_TEST)


def html_of(response):
    assert response.status_code == 200
    return response.content.decode()


# --- protected stays protected ----------------------------------------------------------


@pytest.mark.django_db
def test_a_password_protected_post_asks_for_its_password(imported, client):
    page = article("template-password-protected")
    restriction = PageViewRestriction.objects.get(page=page)
    assert restriction.restriction_type == PageViewRestriction.PASSWORD
    assert restriction.password == "enter"

    # An anonymous reader gets the password form, not the post.
    html = html_of(client.get(page.url))
    assert 'name="password"' in html
    assert "should not be visible until the password is entered" not in html

    # A wrong password is refused; WordPress's password opens it.
    action = re.search(r'<form[^>]*action="([^"]+)"', html).group(1)
    response = client.post(action, {"password": "wrong", "return_url": page.url})
    assert "should not be visible until" not in response.content.decode()
    response = client.post(action, {"password": "enter", "return_url": page.url})
    assert response.status_code == 302
    html = html_of(client.get(page.url))
    assert "This content, comments, pingbacks, and trackbacks should not be visible" in html


@pytest.mark.django_db
def test_search_and_listings_do_not_reveal_a_protected_post(imported, client):
    # "pingpacks" (sic) is only in an open post: search works on the imported posts …
    html = html_of(client.get("/en/search/", {"q": "pingpacks"}))
    assert article("template-pingbacks-an-trackbacks").url in html
    # … and finds nothing for words only in the protected post.
    for words in ("visible entered", "trackbacks should not be visible"):
        html = html_of(client.get("/en/search/", {"q": words}))
        assert "template-password-protected" not in html, words
        assert "Password Protected" not in html, words
    html = html_of(client.get("/en/articles/"))
    assert "Template: Comments" in html
    assert "template-password-protected" not in html
