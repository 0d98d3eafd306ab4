"""Screenshots of the main pages in every edition, desktop and phone: `make screenshots`.

Starts the browser tests' demo server (a scratch database with the demo content, see
tests/browser/demo_site.py), opens each page in Debian's Chromium and writes
docs/screenshots/<edition>-<page>-<desktop|mobile>.png, reduced to a 256-colour palette
so the set stays small enough to keep in the repository.
"""

import io
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from PIL import Image  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402

from tests.browser.conftest import CHROMIUM, CHROMIUM_ARGS, DESKTOP, MOBILE  # noqa: E402
from tests.browser.demo_site import DemoSite  # noqa: E402
from tests.browser.pages import ARTICLE, EDITIONS, GALLERY, PUBLICATION  # noqa: E402

OUTPUT = ROOT / "docs" / "screenshots"
PAGES = {"home": "", "article": ARTICLE, "gallery": GALLERY, "publication": PUBLICATION}
VIEWPORTS = {"desktop": DESKTOP, "mobile": MOBILE}


def save_small_png(png_bytes, path):
    image = Image.open(io.BytesIO(png_bytes)).convert("RGB")
    image = image.quantize(colors=256, method=Image.Quantize.MEDIANCUT, dither=Image.Dither.NONE)
    image.save(path, optimize=True)


def main():
    OUTPUT.mkdir(parents=True, exist_ok=True)
    with DemoSite() as site, sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        for viewport_name, viewport in VIEWPORTS.items():
            context = browser.new_context(
                base_url=site.url,
                viewport=viewport,
                device_scale_factor=1,
                is_mobile=viewport is MOBILE,
                has_touch=viewport is MOBILE,
            )
            page = context.new_page()
            for edition in EDITIONS:
                for page_name, path in PAGES.items():
                    page.goto(f"/{edition}/{path}", wait_until="load")
                    # Lazy images below the fold are not in the picture; wait for the rest.
                    page.wait_for_function(
                        "Array.from(document.images).every(i => i.loading === 'lazy' || i.complete)"
                    )
                    target = OUTPUT / f"{edition}-{page_name}-{viewport_name}.png"
                    save_small_png(page.screenshot(), target)
                    print(f"{target.relative_to(ROOT)}  {target.stat().st_size // 1024} KB")
            context.close()
        browser.close()
    total = sum(file.stat().st_size for file in OUTPUT.glob("*.png"))
    print(f"{len(list(OUTPUT.glob('*.png')))} screenshots, {total / 1e6:.1f} MB in {OUTPUT}")


if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "tests.browser.settings")
    main()
