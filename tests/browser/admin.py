"""Steps in Wagtail's admin shared by the editor and translator journeys."""

import re

from playwright.sync_api import expect

from tests.browser.demo_site import PASSWORD


def log_in(page, username):
    """Through the login form, as a person does (no session is forged)."""
    page.goto("/admin/login/")
    page.locator("#id_username").fill(username)
    page.locator("#id_password").fill(PASSWORD)
    page.locator("form button[type=submit]").click()
    expect(page).to_have_url(re.compile(r"/admin/$"))


def choose_in_modal(page, opener):
    """Open a chooser and pick its first item."""
    opener.click()
    choice = page.locator(".modal [data-chooser-modal-choice]").first
    expect(choice).to_be_visible()
    choice.click()
    expect(page.locator(".modal")).to_be_hidden()


def add_block(page, stream, label):
    """Append a block to a StreamField from its "+" button and the block picker."""
    stream.locator(".c-sf-add-button").last.click()
    page.get_by_role("option", name=label, exact=True).click()


def publish(page):
    """The footer's Publish action (in the "More actions" menu)."""
    page.locator("footer .w-dropdown__toggle, .footer .w-dropdown__toggle").first.click()
    page.locator("button[name=action-publish]").click()
