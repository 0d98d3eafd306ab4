"""No text lost on the way from WordPress: what readers of the old site saw is on the new
pages (issue 11, item 6)."""

import pytest
from django.test import Client

from importer.tests.test_import_wordpress import (  # noqa: F401 - editions is a fixture
    article,
    editions,
    run_import,
)
from importer.tests.test_real_exports import WPTT, media_dir  # noqa: F401 - a fixture

pytestmark = pytest.mark.usefixtures("editions")


def served(page):
    response = Client().get(page.url)
    assert response.status_code == 200
    return response.content.decode()


@pytest.mark.django_db
def test_an_untitled_post_gets_its_first_words_as_title_and_a_warning(media_dir):  # noqa: F811
    # WPTT post 1169 "edge-case-no-title" has an empty <title/>.
    output = run_import(WPTT, "--media-dir", str(media_dir))
    page = article("edge-case-no-title")
    assert page.title == "This post has no title, but it still…"
    assert page.live
    html = served(page)
    assert "This post has no title, but it still must" in html
    assert "placing the permalink on the post date" in html
    assert "post 1169 “”: no title: titled “This post has no title, but it still…”" in output
