"""An editor writes an article in Wagtail's admin and publishes it on the site."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import admin
from tests.browser.demo_site import EDITOR

pytestmark = pytest.mark.browser

TITLE = "Volunteers open a reading room for families"
SLUG = "volunteers-open-a-reading-room-for-families"
HEADING = "Open every Saturday"
PARAGRAPH = "The room has books in Persian, Arabic, Albanian and English."
QUOTE = "A quiet place to wait for news is a kindness."
ALT_TEXT = "Shelves of books in the new reading room."


def test_editor_creates_previews_and_publishes_an_article(new_page, site):
    page = new_page({"width": 1400, "height": 1000})
    admin.log_in(page, EDITOR)

    # Articles → add a child page.
    page.goto(articles_index_admin_url(page) + "add_subpage/")
    # Articles take only articles, so Wagtail goes straight to the new article's form.
    expect(page).to_have_url(re.compile(r"/admin/pages/add/news/articlepage/\d+/$"))

    page.locator("#id_title").fill(TITLE)
    page.locator("#id_summary").fill("A reading room opens at the family centre.")
    admin.choose_in_modal(page, page.get_by_role("button", name="Choose category"))

    body = page.locator("[data-contentpath=body]")
    admin.add_block(page, body, "Paragraph")
    editor = body.locator(".public-DraftEditor-content").last
    editor.click()
    page.keyboard.type(PARAGRAPH)

    admin.add_block(page, body, "Heading")
    body.locator("[data-contentpath=text] input").last.fill(HEADING)

    admin.add_block(page, body, "Image")
    admin.choose_in_modal(page, body.get_by_role("button", name="Choose an image").last)
    body.locator("[data-contentpath=alt_text]").get_by_role("textbox").last.fill(ALT_TEXT)
    body.locator("[data-contentpath=caption] input").last.fill("The reading room.")

    admin.add_block(page, body, "Block quote")
    body.locator("[data-contentpath=quote] textarea").last.fill(QUOTE)

    # Preview: the live preview panel renders the article with the site's template.
    page.locator("[data-side-panel-toggle=preview]").click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(TITLE, timeout=30_000)
    expect(preview.locator(".article__body")).to_contain_text(PARAGRAPH)
    expect(preview.locator(".article__body h2, .article__body h3").first).to_have_text(HEADING)

    admin.publish(page)
    # Wagtail leaves the add form for the section's listing once the page is published;
    # only then may a visitor expect it (the editor's own status regions say nothing).
    expect(page).not_to_have_url(re.compile(r"/pages/add/"), timeout=30_000)
    expect(page.locator(".messages .success").first).to_contain_text(TITLE)

    # On the site: the article, with its blocks and its image.
    visitor = new_page()
    visitor.goto(f"/en/articles/{SLUG}/")
    expect(visitor.locator("h1")).to_have_text(TITLE)
    body_on_site = visitor.locator(".article__body")
    expect(body_on_site).to_contain_text(PARAGRAPH)
    expect(body_on_site.get_by_role("heading", name=HEADING)).to_be_visible()
    expect(body_on_site.locator("blockquote")).to_contain_text(QUOTE)
    image = body_on_site.get_by_role("img", name=ALT_TEXT)
    image.scroll_into_view_if_needed()
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => img.naturalWidth") > 0, "the image did not load"

    # And on the home page, as the newest article.
    visitor.goto("/en/")
    expect(visitor.locator(f'main a[href="/en/articles/{SLUG}/"]').first).to_be_visible()


def articles_index_admin_url(page):
    """The admin page of the English Articles section, from the userbar on the site."""
    page.goto("/en/articles/")
    edit = page.locator('a[href*="/admin/pages/"][href$="/edit/"]').first
    return edit.get_attribute("href").removesuffix("edit/")
