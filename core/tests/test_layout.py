"""What every page carries: menu, share links, footer, errors."""

import datetime
from urllib.parse import parse_qs, urlsplit

import pytest

from core.factories import SiteSettingsFactory, SocialLinkFactory
from home.factories import StandardPageFactory
from metadata.templatetags.share_tags import build_share_links
from news.factories import ArticlePageFactory


@pytest.mark.django_db
def test_article_page_has_all_seven_share_links(client, article_index):
    article = ArticlePageFactory(parent=article_index, title="Talks resume & continue")
    html = client.get(article.url).content.decode()
    for host in (
        "facebook.com/sharer",
        "x.com/intent",
        "pinterest.com/pin/create",
        "wa.me",
        "t.me/share",
        "web.skype.com/share",
        "mailto:?",
    ):
        assert host in html, host
    assert "<script" not in html.split("</footer>")[0].split("<main")[1]  # no share scripts


def test_share_links_encode_the_address_and_title():
    links = {
        link["network"]: link["url"]
        for link in build_share_links("https://example.org/en/a?b=1", "Q&A: “quotes”")
    }
    facebook = parse_qs(urlsplit(links["facebook"]).query)
    assert facebook == {"u": ["https://example.org/en/a?b=1"]}
    x = parse_qs(urlsplit(links["x"]).query)
    assert x["text"] == ["Q&A: “quotes”"]
    assert parse_qs(urlsplit(links["email"]).query)["subject"] == ["Q&A: “quotes”"]
    assert len(links) == 7


@pytest.mark.django_db
def test_footer_copyright_runs_to_this_year_and_lists_social_links(client, home_page):
    settings = SiteSettingsFactory(
        copyright_start_year=2003, identity__copyright_holder="NEJAT Society"
    )
    SocialLinkFactory(
        identity=settings.identity, platform="youtube", url="https://youtube.com/@nejat"
    )
    html = client.get(home_page.url).content.decode()
    this_year = datetime.date.today().year
    assert f"© 2003–{this_year}" in html
    assert "NEJAT Society" in html
    assert 'href="https://youtube.com/@nejat"' in html
    assert 'href="#top"' in html and "Back to top" in html


@pytest.mark.django_db
def test_menu_comes_from_the_page_tree(client, home_page):
    about = StandardPageFactory(parent=home_page, title="About Us", show_in_menus=True)
    StandardPageFactory(parent=home_page, title="Hidden page", show_in_menus=False)
    html = client.get(home_page.url).content.decode()
    header = html.split("</header>")[0]
    assert f'href="{about.url}"' in header
    assert "Hidden page" not in header


@pytest.mark.django_db
def test_unknown_address_gets_the_styled_404(client, home_page):
    response = client.get("/en/no-such-page/")
    assert response.status_code == 404
    html = response.content.decode()
    assert "<header" in html and "site-footer" in html
    assert 'lang="en"' in html


@pytest.mark.django_db
def test_server_error_page_renders_without_the_database(rf, django_assert_num_queries):
    from core.views import server_error

    with django_assert_num_queries(0):
        response = server_error(rf.get("/en/"))
    assert response.status_code == 500
    assert b"<html" in response.content
