"""What a visitor does, in every edition, on a desktop and on a phone."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser.pages import (
    ARTICLE,
    CONTACT,
    EDITIONS,
    GALLERY,
    PUBLICATION,
    RTL_EDITIONS,
    SEARCH_WORDS,
    VIDEO,
)

pytestmark = pytest.mark.browser

# (edition the visitor starts in, edition they switch to): every edition is a target once.
SWITCHES = [("en", "ar"), ("en", "fa"), ("en", "sq"), ("fa", "en")]


def direction(edition):
    return "rtl" if edition in RTL_EDITIONS else "ltr"


def expect_edition(page, edition):
    expect(page.locator("html")).to_have_attribute("lang", edition)
    expect(page.locator("html")).to_have_attribute("dir", direction(edition))


def search(page, words, is_mobile):
    """Search from the header, or from the menu on a phone, as a visitor would."""
    if is_mobile:
        page.locator(".mobile-menu__toggle").click()
        field = page.locator("#menu-search-q")
    else:
        field = page.locator("#header-search-q")
    field.fill(words)
    field.press("Enter")


@pytest.mark.parametrize("start,target", SWITCHES, ids=[f"{s}-to-{t}" for s, t in SWITCHES])
def test_reading_journey_across_editions(any_viewport, start, target):
    page = any_viewport
    is_mobile = page.viewport_size["width"] < 600

    page.goto(f"/{start}/")
    expect_edition(page, start)

    # Home → the article.
    page.locator(f'main a[href="/{start}/{ARTICLE}"]').first.click()
    expect(page).to_have_url(re.compile(f"/{start}/{ARTICLE}$"))
    source_title = page.locator("h1").inner_text()

    # Switch edition → the same article in that edition.
    page.locator(f'nav.editions a[hreflang="{target}"]').click()
    expect(page).to_have_url(re.compile(f"/{target}/{ARTICLE}$"))
    expect_edition(page, target)
    title = page.locator("h1")
    expect(title).to_be_visible()
    assert title.inner_text() != source_title, "the title is not in the new edition's language"
    assert page.evaluate("getComputedStyle(document.body).direction") == direction(target)

    # Its category archive → older posts.
    page.locator(".article__header .category-label a").click()
    expect(page).to_have_url(re.compile(f"/{target}/articles/category/[a-z0-9-]+/$"))
    expect_edition(page, target)
    first_page_titles = page.locator(".article-card__title").all_inner_texts()
    assert first_page_titles
    page.locator(".pagination__step--older").click()
    expect(page).to_have_url(re.compile(r"\?page=2$"))
    older_titles = page.locator(".article-card__title").all_inner_texts()
    assert older_titles and not set(older_titles) & set(first_page_titles)

    # Search → a result → the article, still in this edition.
    search(page, SEARCH_WORDS[target], is_mobile)
    expect(page).to_have_url(re.compile(f"/{target}/search/\\?q="))
    expect_edition(page, target)
    result = page.locator(f'.search-results a[href="/{target}/{ARTICLE}"]').first
    expect(result).to_be_visible()
    result.click()
    expect(page).to_have_url(re.compile(f"/{target}/{ARTICLE}$"))
    expect(page.locator("h1")).to_have_text(title.inner_text())


@pytest.mark.parametrize("edition", EDITIONS)
def test_mobile_menu_by_keyboard(mobile, edition):
    page = mobile
    page.goto(f"/{edition}/")
    summary = page.locator(".mobile-menu__toggle")
    expect(summary).to_be_visible()
    expect(page.locator(".main-nav")).to_be_hidden()

    # The skip link comes first, then the menu is reached with Tab alone.
    page.keyboard.press("Tab")
    expect(page.locator(".skip-link")).to_be_focused()
    for _ in range(40):
        if page.evaluate("document.activeElement.matches('.mobile-menu__toggle')"):
            break
        page.keyboard.press("Tab")
    expect(summary).to_be_focused()

    page.keyboard.press("Enter")
    menu_links = page.locator(".mobile-menu__list a")
    expect(menu_links.first).to_be_visible()
    # Escape closes it and gives focus back to the toggle.
    page.keyboard.press("Escape")
    expect(menu_links.first).to_be_hidden()
    expect(summary).to_be_focused()

    # Open again, tab to "Articles" and follow it.
    page.keyboard.press("Enter")
    articles = page.locator(f'.mobile-menu__list a[href="/{edition}/articles/"]')
    for _ in range(10):
        page.keyboard.press("Tab")
        if page.evaluate(f"document.activeElement.getAttribute('href') === '/{edition}/articles/'"):
            break
    expect(articles).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(f"/{edition}/articles/$"))


@pytest.mark.parametrize("edition", EDITIONS)
def test_gallery_viewer(any_viewport, edition):
    page = any_viewport
    page.goto(f"/{edition}/{GALLERY}")
    thumbs = page.locator("[data-gallery-index]")
    count = thumbs.count()
    assert count >= 2

    thumbs.first.click()
    dialog = page.locator("dialog.lightbox")
    expect(dialog).to_be_visible()
    image = dialog.locator("img")
    first_source = image.get_attribute("src")
    expect(image).to_have_js_property("complete", True)
    assert image.evaluate("img => img.naturalWidth") > 0, "the photo did not load"
    counter = dialog.locator(".lightbox__counter")
    counter_text = counter.inner_text()

    # "Next" is the arrow pointing in the reading direction.
    page.keyboard.press("ArrowLeft" if edition in RTL_EDITIONS else "ArrowRight")
    expect(counter).not_to_have_text(counter_text)
    assert image.get_attribute("src") != first_source
    expect(dialog.locator(".lightbox__prev")).to_be_enabled()

    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(thumbs.nth(1)).to_be_focused()


@pytest.mark.parametrize("edition", EDITIONS)
def test_video_page_plays_its_clip(desktop, edition):
    page = desktop
    page.goto(f"/{edition}/{VIDEO}")
    expect_edition(page, edition)
    video = page.locator("video.video__player")
    expect(video).to_be_visible()
    duration = video.evaluate(
        """video => new Promise(resolve => {
            video.addEventListener("loadedmetadata", () => resolve(video.duration), {once: true});
            video.addEventListener("error", () => resolve(-1), {once: true});
            video.preload = "metadata";
            video.load();
        })"""
    )
    assert duration > 0, "the browser could not load the clip"


@pytest.mark.parametrize("edition", EDITIONS)
def test_publication_pdf_download(desktop, edition, tmp_path):
    page = desktop
    page.goto(f"/{edition}/{PUBLICATION}")
    with page.expect_download() as download_info:
        page.locator("a.button--download").click()
    download = download_info.value
    assert download.suggested_filename.endswith(".pdf")
    saved = tmp_path / download.suggested_filename
    download.save_as(saved)
    assert saved.read_bytes().startswith(b"%PDF-")


@pytest.mark.parametrize("edition", EDITIONS)
def test_contact_form_sends_a_message(any_viewport, edition):
    page = any_viewport
    page.goto(f"/{edition}/{CONTACT}")
    page.locator("#id_name").fill("Nasrin Browser")
    page.locator("#id_email").fill("nasrin@example.org")
    page.locator("#id_subject").fill(f"A question from the {edition} edition")
    page.locator("#id_message").fill("Could you tell me when the help desk is open?")
    # The form refuses anything sent within three seconds of being shown (robots).
    page.wait_for_timeout(3200)
    page.locator("main form button[type=submit]").click()
    expect(page.locator("main .notice--success[role=status]")).to_be_visible()
    expect_edition(page, edition)


@pytest.mark.parametrize("edition", EDITIONS)
def test_comment_is_submitted_for_moderation(desktop, edition):
    page = desktop
    page.goto(f"/{edition}/{ARTICLE}")
    form = page.locator("#comment-form form")
    form.locator("#comment-name").fill("Reza")
    form.locator("#comment-text").fill(f"Thank you for this report ({edition}).")
    page.wait_for_timeout(3200)
    form.locator("button[type=submit]").click()
    expect(page.locator(".comments__notice[role=status]")).to_be_visible()
    expect(page).to_have_url(re.compile(f"/{edition}/{ARTICLE}"))
    # Held for moderation: not shown yet.
    expect(page.locator("#comments")).not_to_contain_text(f"Thank you for this report ({edition}).")
