"""A Persian translator translates an English article in wagtail-localize's editor, submits
it for review, a moderator approves it, and it appears in the Persian edition."""

import re

import pytest
from playwright.sync_api import expect

from tests.browser import admin
from tests.browser.demo_site import MODERATOR, PERSIAN_TRANSLATOR
from tests.browser.prepare import (
    PLANTED_ARTICLE_SLUG,
    PLANTED_ARTICLE_TEXT,
    PLANTED_ARTICLE_TITLE,
    TRANSLATOR_ARTICLE_SLUG,
    TRANSLATOR_ARTICLE_TEXT,
    TRANSLATOR_ARTICLE_TITLE,
)

pytestmark = pytest.mark.browser

PERSIAN_TITLE = "خانواده‌ها در دیدار بهاری تیرانا گرد هم آمدند"
PERSIAN_SUMMARY = "خویشاوندان در تیرانا دوباره یکدیگر را دیدند."
PERSIAN_TEXT = "خویشاوندان پس از سال‌ها جدایی دوباره یکدیگر را دیدند."
# The editor lists the article's strings in this order (title, summary, then the body).
TRANSLATIONS = [PERSIAN_TITLE, PERSIAN_SUMMARY, PERSIAN_TEXT]
PERSIAN_DIGITS = "۰۱۲۳۴۵۶۷۸۹"
# Solar Hijri month names: the article is dated in the Gregorian calendar in English.
JALALI_MONTHS = "فروردین اردیبهشت خرداد تیر مرداد شهریور مهر آبان آذر دی بهمن اسفند".split()


def submit_for_review(translator, page_id):
    """Submit for review, from the page's actions in the explorer."""
    translator.goto(f"/admin/pages/{page_id}/")
    translator.locator("header .w-dropdown__toggle").first.click()
    translator.locator('header a[href*="/submit-for-review/"]').click()
    translator.locator("main form button[type=submit]").click()
    expect(translator.locator(".messages")).to_contain_text("submitted for review")


def approve_as_moderator(new_page, page_id):
    moderator = new_page({"width": 1400, "height": 1000})
    admin.log_in(moderator, MODERATOR)
    # The moderator's dashboard lists it under the pages awaiting their review.
    approve = moderator.locator(
        f'button[data-workflow-action-url*="/action/{page_id}/approve/"]:not([data-launch-modal])'
    )
    # The row's "More" menu holds the task's actions.
    moderator.locator("tr", has=approve).locator(".w-dropdown__toggle").click()
    approve.click()
    expect(approve).to_have_count(0)  # approved: no longer awaiting review


def test_persian_translation_is_reviewed_and_published(new_page):
    article_url = f"/fa/articles/{TRANSLATOR_ARTICLE_SLUG}/"
    visitor = new_page()
    assert visitor.goto(article_url).status == 404, "the Persian article exists too early"

    # The translator finds the article submitted for translation in the Persian edition.
    translator = new_page({"width": 1400, "height": 1000})
    admin.log_in(translator, PERSIAN_TRANSLATOR)
    translator.goto("/admin/pages/search/?q=Families+gather&locale=fa")
    translator.locator("main a[href$='/edit/']", has_text=TRANSLATOR_ARTICLE_TITLE).click()
    edit_url = translator.url
    page_id = re.search(r"/admin/pages/(\d+)/edit/", edit_url).group(1)

    # Each string: Translate → type → Save.
    for text in TRANSLATIONS:
        translator.get_by_role("button", name="Translate", exact=True).first.click()
        field = translator.locator("textarea").first
        field.fill(text)
        translator.get_by_role("button", name="Save", exact=True).first.click()
        expect(translator.locator("textarea")).to_have_count(0)
        expect(translator.get_by_text(text, exact=True)).to_be_visible()
    expect(translator.get_by_role("button", name="Translate", exact=True)).to_have_count(0)
    assert translator.get_by_text(TRANSLATOR_ARTICLE_TEXT).count() >= 1  # the source stays

    submit_for_review(translator, page_id)

    # Not published until a moderator approves.
    assert visitor.goto(article_url).status == 404

    approve_as_moderator(new_page, page_id)

    # On the Persian site: right to left, in Persian, dated in the Solar Hijri calendar.
    response = visitor.goto(article_url)
    assert response.status == 200
    expect(visitor.locator("html")).to_have_attribute("lang", "fa")
    expect(visitor.locator("html")).to_have_attribute("dir", "rtl")
    expect(visitor.locator("h1")).to_have_text(PERSIAN_TITLE)
    expect(visitor.locator(".article__body")).to_contain_text(PERSIAN_TEXT)
    date = visitor.locator(".article__meta time").inner_text()
    assert any(month in date for month in JALALI_MONTHS), date
    assert any(digit in date for digit in PERSIAN_DIGITS), date
    assert not re.search(r"[0-9]", date), date


# A comment that html.parser (wagtail-localize's check) sees as one harmless node, and that
# a browser ends at "<!-->": an image with a script, and a redirect to another page.
PLANTED = (
    '<!--><img src="/static/x.png" id="planted"><meta http-equiv="refresh" '
    'content="0;url=/en/">-->دیوارها دوباره روشن شده‌اند.'
)


def test_a_translator_cannot_plant_markup_through_the_translation_editor(new_page):
    article_url = f"/fa/articles/{PLANTED_ARTICLE_SLUG}/"
    translator = new_page({"width": 1400, "height": 1000})
    admin.log_in(translator, PERSIAN_TRANSLATOR)
    translator.goto("/admin/pages/search/?q=Volunteers+repaint&locale=fa")
    translator.locator("main a[href$='/edit/']", has_text=PLANTED_ARTICLE_TITLE).click()
    page_id = re.search(r"/admin/pages/(\d+)/edit/", translator.url).group(1)

    for text in ("داوطلبان کتابخانه را رنگ کردند", "کتابخانه هفتهٔ آینده باز می‌شود.", PLANTED):
        translator.get_by_role("button", name="Translate", exact=True).first.click()
        translator.locator("textarea").first.fill(text)
        translator.get_by_role("button", name="Save", exact=True).first.click()
        expect(translator.locator("textarea")).to_have_count(0)
    # The editor says why, beside the string; the body is not counted as translated.
    expect(translator.get_by_text("is not allowed in a translation")).to_be_visible()

    submit_for_review(translator, page_id)
    approve_as_moderator(new_page, page_id)

    # In a real browser, the published Persian page carries neither the image nor the
    # redirect: it shows the source sentence where the refused string would have been.
    visitor = new_page()
    assert visitor.goto(article_url).status == 200
    visitor.wait_for_timeout(1500)  # a meta refresh of 0 s would have navigated by now
    assert visitor.url.endswith(article_url)
    expect(visitor.locator("h1")).to_have_text("داوطلبان کتابخانه را رنگ کردند")
    expect(visitor.locator("#planted")).to_have_count(0)
    expect(visitor.locator(".article__body")).to_contain_text(PLANTED_ARTICLE_TEXT)
