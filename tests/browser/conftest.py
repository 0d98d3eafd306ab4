"""Real-browser tests: Playwright driving Debian's Chromium against a gunicorn server on
the demo content (see demo_site.py).

Without /usr/bin/chromium they are skipped with a message, except in CI (CI is set),
where a missing browser is a failure: CI must never pass by skipping them.
"""

import itertools
import os
import shutil
from pathlib import Path
from types import SimpleNamespace

import pytest

from tests.browser.demo_site import DemoSite

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]
EDITIONS = ["en", "ar", "fa", "sq"]
RTL_EDITIONS = {"ar", "fa"}
DESKTOP = {"width": 1280, "height": 900}
MOBILE = {"width": 390, "height": 844}

FAILURE_SCREENSHOTS = Path(os.environ.get("BROWSER_FAILURES_DIR", "/tmp/nejat-browser-failures"))
_open_contexts = []


@pytest.hookimpl(wrapper=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call" and report.failed and _open_contexts:
        # A picture of every page the failed test had open, to see what the browser saw.
        FAILURE_SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        name = "".join(c if c.isalnum() or c in "-_" else "_" for c in item.name)
        for index, page in enumerate(p for c in _open_contexts for p in c.pages):
            path = FAILURE_SCREENSHOTS / f"{name}-{index}.png"
            try:
                page.screenshot(path=path, full_page=True)
                report.sections.append(("browser", f"screenshot of {page.url}: {path}"))
            except Exception as error:  # a crashed page must not hide the real failure
                report.sections.append(("browser", f"no screenshot of {page.url}: {error}"))
    return report


def chromium_available():
    return Path(CHROMIUM).exists() or shutil.which(CHROMIUM) is not None


@pytest.fixture(scope="session")
def chromium_path():
    if not chromium_available():
        message = (
            f"Browser tests need Chromium at {CHROMIUM} (apt-get install chromium, or set "
            "CHROMIUM); they were skipped."
        )
        if os.environ.get("CI"):
            pytest.fail(message.replace("they were skipped", "CI must run them"))
        pytest.skip(message)
    return CHROMIUM


@pytest.fixture(scope="session")
def playwright_instance(chromium_path):
    # Sync Playwright runs an event loop in this thread; Django's ORM refuses to run
    # beside one unless told it is safe (the root conftest's fixtures touch settings).
    os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        yield playwright


@pytest.fixture(scope="session")
def browser(playwright_instance, chromium_path):
    browser = playwright_instance.chromium.launch(executable_path=chromium_path, args=CHROMIUM_ARGS)
    yield browser
    browser.close()


@pytest.fixture(scope="session")
def site(chromium_path):
    """The demo site, loaded once for the whole run. While writing tests,
    BROWSER_TEST_URL=http://127.0.0.1:PORT reuses a server already prepared by
    `python -m tests.browser.prepare` (see the README), saving the load each run."""
    if os.environ.get("BROWSER_TEST_URL"):
        yield SimpleNamespace(url=os.environ["BROWSER_TEST_URL"].rstrip("/"))
        return
    demo = DemoSite().start()
    yield demo
    demo.stop()


_visitor_numbers = itertools.count(1)


def new_context(browser, site, viewport, **options):
    # A distinct address per context (TEST-NET-3, see settings.TRUSTED_PROXY_COUNT).
    number = next(_visitor_numbers)
    visitor = f"203.0.{113 + number // 250}.{number % 250 + 1}"
    context = browser.new_context(
        extra_http_headers={"X-Forwarded-For": visitor},
        base_url=site.url,
        viewport=viewport,
        is_mobile=viewport is MOBILE,
        has_touch=viewport is MOBILE,
        locale="en-GB",
        **options,
    )
    context.set_default_timeout(20_000)
    _open_contexts.append(context)
    context.on("close", lambda closed: _open_contexts.remove(closed))
    return context


@pytest.fixture
def desktop(browser, site):
    context = new_context(browser, site, DESKTOP)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def mobile(browser, site):
    context = new_context(browser, site, MOBILE)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture(params=["desktop", "mobile"])
def any_viewport(request, browser, site):
    context = new_context(browser, site, DESKTOP if request.param == "desktop" else MOBILE)
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def new_page(browser, site):
    """A factory of pages in fresh contexts (one per user in multi-user journeys)."""
    contexts = []

    def make(viewport=DESKTOP):
        context = new_context(browser, site, viewport)
        contexts.append(context)
        return context.new_page()

    yield make
    for context in contexts:
        context.close()
