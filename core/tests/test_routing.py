"""Routing (core/routing.py): every address reaches the page Wagtail's own routing would,
in two queries whatever its depth, and the sites, edition roots and restrictions it keeps
in the cache follow every change at once."""

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page, PageViewRestriction, Site

from home.factories import StandardPageFactory
from news.factories import ArticlePageFactory
from tests.editions_helpers import make_edition, translate

pytestmark = pytest.mark.django_db


def title_of(response):
    return response.context["page"].title if response.context else None


def routing_queries(client, url):
    client.get(url)  # the cache holds the site and the edition root from here on
    with CaptureQueriesContext(connection) as queries:
        client.get(url)
    return [q["sql"] for q in queries.captured_queries if "wagtailcore_page" in q["sql"]]


def test_pages_at_every_depth_are_served(client, home_page, site_settings):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    team = StandardPageFactory(parent=about, title="Our team", slug="team")
    region = StandardPageFactory(parent=team, title="Balkans desk", slug="balkans")

    assert title_of(client.get("/en/")) == home_page.title
    assert title_of(client.get("/en/about/")) == "About us"
    assert title_of(client.get("/en/about/team/")) == "Our team"
    assert title_of(client.get("/en/about/team/balkans/")) == "Balkans desk"
    assert region.url == "/en/about/team/balkans/"


def test_routing_costs_the_same_at_any_depth(client, home_page, site_settings):
    about = StandardPageFactory(parent=home_page, slug="about")
    team = StandardPageFactory(parent=about, slug="team")
    StandardPageFactory(parent=team, slug="balkans")

    shallow = routing_queries(client, "/en/about/")
    deep = routing_queries(client, "/en/about/team/balkans/")
    # The pages on the path in one query, the page's own row in another.
    assert len(deep) == len(shallow)


def test_the_same_slug_elsewhere_is_never_served_in_its_place(client, home_page, site_settings):
    about = StandardPageFactory(parent=home_page, title="About us", slug="about")
    other = StandardPageFactory(parent=home_page, title="Other", slug="other")
    StandardPageFactory(parent=about, title="Team under about", slug="team")
    StandardPageFactory(parent=other, title="Team under other", slug="team")

    assert title_of(client.get("/en/about/team/")) == "Team under about"
    assert title_of(client.get("/en/other/team/")) == "Team under other"
    # A slug at the wrong depth, or under a parent that does not exist, is no route.
    assert client.get("/en/team/").status_code == 404
    assert client.get("/en/missing/team/").status_code == 404
    assert client.get("/en/about/team/more/").status_code == 404


def test_each_edition_serves_its_own_tree(client, home_page, site_settings, article_index):
    article = ArticlePageFactory(parent=article_index, title="In English", slug="story")
    make_edition(home_page, "fa")
    translate(article_index, "fa")
    translate(article, "fa", {"In English": "به فارسی"})

    assert title_of(client.get("/en/articles/story/")) == "In English"
    assert title_of(client.get("/fa/articles/story/")) == "به فارسی"
    # No Albanian edition: its addresses never show the English pages as its own.
    assert client.get("/sq/articles/story/").status_code == 404
    assert client.get("/sq/").status_code == 404


def test_unpublished_pages_are_not_served(client, home_page, site_settings):
    page = StandardPageFactory(parent=home_page, slug="draft")
    assert client.get("/en/draft/").status_code == 200
    page.unpublish()
    assert client.get("/en/draft/").status_code == 404


def test_routable_sub_pages_still_route(client, site_settings, article_index):
    article = ArticlePageFactory(parent=article_index, slug="story")
    response = client.get(f"/en/articles/category/{article.category.slug}/")
    assert response.status_code == 200
    assert response.context["archive"].category == article.category
    assert client.get("/en/articles/category/no-such-category/").status_code == 404


def test_a_page_made_private_after_being_served_asks_for_the_password(
    client, home_page, site_settings
):
    page = StandardPageFactory(parent=home_page, title="Members", slug="members")
    child = StandardPageFactory(parent=page, title="Minutes", slug="minutes")
    assert client.get("/en/members/minutes/").status_code == 200

    restriction = PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-word"
    )
    for url in ("/en/members/", "/en/members/minutes/"):
        response = client.get(url)
        assert "form" in response.context, url  # the password form, not the page
        assert child.intro.encode() not in response.content

    restriction.delete()
    assert title_of(client.get("/en/members/minutes/")) == "Minutes"


def test_the_password_form_opens_a_private_page(client, home_page, site_settings):
    # Wagtail's form posts to /<lang>/_util/authenticate_with_password/…, an address the
    # page view's pattern would otherwise take for a page's path (a 404).
    page = StandardPageFactory(parent=home_page, title="Members", slug="members")
    PageViewRestriction.objects.create(
        page=page, restriction_type=PageViewRestriction.PASSWORD, password="s3cret-word"
    )
    action = client.get("/en/members/").context["action_url"]
    assert action.startswith("/en/_util/authenticate_with_password/")
    response = client.post(action, {"password": "wrong", "return_url": "/en/members/"})
    assert response.status_code == 200 and "form" in response.context
    response = client.post(action, {"password": "s3cret-word", "return_url": "/en/members/"})
    assert (response.status_code, response["Location"]) == (302, "/en/members/")
    assert title_of(client.get("/en/members/")) == "Members"


def test_a_changed_site_root_is_followed_at_once(client, home_page, site_settings):
    StandardPageFactory(parent=home_page, title="About us", slug="about")
    root = Page.get_first_root_node()
    other_home = root.add_child(instance=type(home_page)(title="Other home", slug="other-home"))
    StandardPageFactory(parent=other_home, title="About the other", slug="about")
    assert title_of(client.get("/en/about/")) == "About us"

    site = Site.objects.get(is_default_site=True)
    site.root_page = other_home
    site.save()
    assert title_of(client.get("/en/about/")) == "About the other"


def test_an_unknown_host_is_answered_by_the_default_site(client, home_page, site_settings):
    StandardPageFactory(parent=home_page, title="About us", slug="about")
    response = client.get("/en/about/", HTTP_HOST="localhost")
    assert title_of(response) == "About us"


def test_a_page_made_private_leaves_the_listings_at_once(client, site_settings, article_index):
    public = ArticlePageFactory(parent=article_index, title="Open report")
    private = ArticlePageFactory(parent=article_index, title="Members' report")
    content = client.get(article_index.url).content
    assert b"Members&#x27; report" in content and b"Open report" in content

    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    content = client.get(article_index.url).content
    assert b"Members&#x27; report" not in content
    assert public.title.encode() in content
