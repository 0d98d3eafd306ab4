"""The front end's weight: what every page makes a reader download before it can show text.

The budget (issue "Fast at any archive size"): CSS and JS together under 60 KB compressed,
no third-party or render-blocking script, fonts subset and preloaded only where used.
"""

import gzip
import re

import pytest
from django.conf import settings
from django.contrib.staticfiles import finders

from tests.editions_helpers import make_edition

BUDGET_BYTES = 60 * 1024
FONT_BUDGET_BYTES = 30 * 1024  # one woff2 subset


def stylesheets(html):
    return re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)


def scripts(html):
    return re.findall(r"<script\b([^>]*)\bsrc=\"([^\"]+)\"([^>]*)>", html)


def static_file(url):
    assert url.startswith(settings.STATIC_URL), f"{url} is not served from this site"
    path = finders.find(url.removeprefix(settings.STATIC_URL))
    assert path, f"{url} is not a static file"
    with open(path, "rb") as file:
        return file.read()


def gzipped_size(data):
    # WhiteNoise compresses at level 9 (and adds Brotli, smaller still, where installed).
    return len(gzip.compress(data, compresslevel=9))


@pytest.mark.django_db
@pytest.mark.parametrize("code", ["en", "fa"])
def test_css_and_js_of_a_page_fit_the_budget_compressed(client, home_page, code):
    if code != "en":
        make_edition(home_page, code)
    html = client.get(f"/{code}/").content.decode()

    css = stylesheets(html)
    js = [src for _, src, _ in scripts(html)]
    assert css and js
    total = sum(gzipped_size(static_file(url)) for url in css + js)
    assert total < BUDGET_BYTES, f"CSS+JS is {total} bytes gzipped, over {BUDGET_BYTES}"


@pytest.mark.django_db
def test_scripts_never_block_rendering(client, home_page):
    html = client.get("/en/").content.decode()
    for before, src, after in scripts(html):
        assert src.startswith(settings.STATIC_URL)  # no third-party script
        assert re.search(r"\b(defer|async)\b", before + after), f"{src} blocks rendering"
    # No third-party stylesheet or font either: everything that loads is this site's.
    for rel, href in re.findall(r'<link rel="([^"]+)" href="([^"]+)"', html):
        if rel in ("stylesheet", "preload", "modulepreload"):
            assert href.startswith(settings.STATIC_URL), href


@pytest.mark.django_db
def test_arabic_script_font_is_preloaded_only_in_rtl_editions(client, home_page):
    make_edition(home_page, "fa")
    preload = r'<link rel="preload" href="([^"]+\.woff2)" as="font" type="font/woff2" crossorigin>'

    assert re.findall(preload, client.get("/en/").content.decode()) == []
    fonts = re.findall(preload, client.get("/fa/").content.decode())
    assert fonts, "the Persian edition does not preload its font"
    for url in fonts:
        assert len(static_file(url)) < FONT_BUDGET_BYTES, f"{url} is not a subset"


def test_every_font_face_is_a_small_woff2_shown_with_swap():
    css = static_file(f"{settings.STATIC_URL}css/site.css").decode()
    faces = re.findall(r"@font-face\s*{([^}]+)}", css)
    assert faces
    for face in faces:
        assert "font-display: swap" in face
        (url,) = re.findall(r'url\("\.\./([^"]+)"\)', face)
        assert url.endswith(".woff2")
        assert len(static_file(settings.STATIC_URL + url)) < FONT_BUDGET_BYTES
