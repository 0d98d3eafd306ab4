"""axe-core finds no WCAG 2.1 A/AA violation on the main pages of every edition (left to
right and right to left, desktop and phone); keyboard users get a skip link first and a
visible focus ring."""

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import expect

from tests.browser.pages import AUDITED, EDITIONS, GALLERY, edition_path

pytestmark = pytest.mark.browser

WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
axe = Axe()


def violations(page):
    """axe's violations on the page as it is now, one readable line per element."""
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": WCAG_TAGS}})
    lines = []
    for violation in result.response["violations"]:
        for node in violation["nodes"]:
            summary = " ".join(node.get("failureSummary", "").split())
            lines.append(f"{page.url} {violation['id']} {node['target']}: {summary}")
    return lines


@pytest.mark.parametrize("edition", EDITIONS)
def test_main_pages_have_no_wcag_violations(any_viewport, edition):
    page = any_viewport
    found = []
    for path in AUDITED.values():
        page.goto(edition_path(edition, path))
        found += violations(page)
    assert not found, f"{len(found)} axe violations:\n" + "\n".join(found)


@pytest.mark.parametrize("edition", EDITIONS)
def test_open_mobile_menu_and_gallery_viewer_have_no_wcag_violations(mobile, edition):
    page = mobile
    page.goto(f"/{edition}/")
    page.locator(".mobile-menu__toggle").click()
    expect(page.locator(".mobile-menu__list a").first).to_be_visible()
    found = violations(page)

    page.goto(f"/{edition}/{GALLERY}")
    page.locator("[data-gallery-index]").first.click()
    expect(page.locator("dialog.lightbox")).to_be_visible()
    found += violations(page)
    assert not found, f"{len(found)} axe violations:\n" + "\n".join(found)


@pytest.mark.parametrize("edition", EDITIONS)
def test_skip_link_first_and_focus_visible(desktop, edition):
    page = desktop
    page.goto(f"/{edition}/")
    skip = page.locator(".skip-link")

    page.keyboard.press("Tab")
    expect(skip).to_be_focused()
    box = skip.bounding_box()
    assert box and box["y"] >= 0 and box["height"] > 0, "the focused skip link is off screen"
    assert_focus_ring(page)

    page.keyboard.press("Enter")
    expect(page.locator("main#main")).to_be_focused()

    # The next Tab goes on from the main content, and the focused link shows a ring.
    page.keyboard.press("Tab")
    focused_in_main = page.evaluate(
        "document.activeElement.closest('main') !== null && document.activeElement.tagName"
    )
    assert focused_in_main in {"A", "BUTTON", "INPUT"}, focused_in_main
    assert_focus_ring(page)


def assert_focus_ring(page):
    ring = page.evaluate(
        """() => {
            const element = document.activeElement;
            const style = getComputedStyle(element);
            return {
                visible: element.matches(":focus-visible"),
                style: style.outlineStyle,
                width: parseFloat(style.outlineWidth),
                color: style.outlineColor,
                background: getComputedStyle(element).backgroundColor,
            };
        }"""
    )
    assert ring["visible"], ring
    assert ring["style"] not in {"none", "hidden"} and ring["width"] >= 2, ring
