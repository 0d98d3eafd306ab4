"""No text lost on the way from WordPress: what readers of the old site saw is on the new
pages (issue 11, item 6)."""

from unittest import mock

import pytest
from django.test import Client

from importer import html as wp_html
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


def wptt_with_content(tmp_path, content):
    """The WPTT export with the content of post 1169 replaced."""
    text = WPTT.read_text(encoding="utf-8")
    start = text.index("<content:encoded><![CDATA[This post has no title")
    end = text.index("]]></content:encoded>", start)
    path = tmp_path / "export.xml"
    path.write_text(
        text[:start] + f"<content:encoded><![CDATA[{content}" + text[end:], encoding="utf-8"
    )
    return path


INLINE = """Before the break<!--more-->after the break and<!--nextpage-->the second page.

<pre>line one
  line two

line four</pre>
E = mc<sup>2</sup> and H<sub>2</sub>O, <del>old words</del> <ins>new words</ins>.

<h2>Heading with <a href="https://example.org/h">a link</a></h2>
""" + (
    '<blockquote><p>A quote with <a href="https://example.org/q">its source</a>.</p>'
    "<cite>Someone Quoted</cite></blockquote>"
    '<figure class="wp-block-pullquote"><blockquote><p>Pulled words.</p>'
    "<cite>Pull Author</cite></blockquote></figure>"
    '<figure class="wp-block-embed"><div>https://unknown.example/post</div>'
    "<figcaption>An embed caption here</figcaption></figure>"
)


@pytest.mark.django_db
def test_breaks_preformatted_text_inline_marks_and_links_in_headings_and_quotes_are_kept(
    media_dir,  # noqa: F811
    tmp_path,
):
    run_import(wptt_with_content(tmp_path, INLINE), "--media-dir", str(media_dir))
    html = served(article("edge-case-no-title"))
    # <!--more--> and <!--nextpage--> separate words.
    assert "Before the break after the break and" in html
    assert "the second page." in html and "andthe" not in html
    # Preformatted text keeps its lines, blank line included.
    assert "line one<br>  line two<br><br>line four" in html
    assert "mc<sup>2</sup> and H<sub>2</sub>O, <s>old words</s> <u>new words</u>." in html
    assert '<h2>Heading with <a href="https://example.org/h">a link</a></h2>' in html
    assert '<blockquote>A quote with <a href="https://example.org/q">its source</a>.' in html
    assert "Someone Quoted" in html
    assert "Pulled words." in html and "— Pull Author" in html
    # An embed no provider plays stays as a link, with its caption.
    assert '<a href="https://unknown.example/post">https://unknown.example/post</a>' in html
    assert "An embed caption here" in html


MISSING_IMAGES = (
    '[caption id="attachment_9999" align="alignnone" width="300"]'
    '<img class="wp-image-9999" src="https://example.org/gone.jpg" alt="A harbour at dawn" />'
    " Boats leaving at six[/caption]\n\n"
    '<img src="https://example.org/map.jpg" alt="Map of the route" /> The route ran north.'
)


@pytest.mark.django_db
def test_the_caption_and_alt_text_of_a_missing_image_stay_on_the_page(
    media_dir,  # noqa: F811
    tmp_path,
):
    output = run_import(wptt_with_content(tmp_path, MISSING_IMAGES), "--media-dir", str(media_dir))
    html = served(article("edge-case-no-title"))
    assert "<i>A harbour at dawn</i> — Boats leaving at six" in html
    assert "<i>Map of the route</i>" in html and "The route ran north." in html
    assert "image not imported: https://example.org/gone.jpg" in output
    assert "image not imported: https://example.org/map.jpg" in output


@pytest.mark.django_db
def test_verify_finds_every_word_of_wptt_on_the_served_pages(media_dir):  # noqa: F811
    output = run_import(WPTT, "--media-dir", str(media_dir), "--verify")
    report = output[output.index("Verification") :]
    # The paragraph that starts with a floated image used to be lost.
    assert "100.0%  807/807  post 1177 “Markup: Image Alignment”" in report
    assert "100.0%  835/835  post 358 “Post Format: Standard”" in report
    assert "Below 100%" not in report
    assert "Words on the served pages: 1895/1895 (100.0%) of 4 items" in report


@pytest.mark.django_db
def test_verify_names_the_items_and_words_that_are_missing(media_dir, tmp_path):  # noqa: F811
    content = "Words kept here, one two three four five six seven eight.\n\n"
    content += "<table><tr><td>Lost cell lines</td></tr></table>"
    # As if the converter lost tables: --verify is there to show such a loss.
    with mock.patch.object(wp_html.Converter, "block_table", lambda self, node: None):
        output = run_import(
            wptt_with_content(tmp_path, content), "--media-dir", str(media_dir), "--verify"
        )
    report = output[output.index("Verification") :]
    assert "Below 100% (1):" in report
    assert "post 1169 “”: missing lost, cell, lines" in report
    assert "  100.0%  807/807  post 1177" in report


BLOCKS = WPTT.parent / "wptt-64-block-test-data.xml"


@pytest.mark.django_db
def test_verify_finds_every_word_of_the_block_test_data_on_the_served_pages():
    output = run_import(BLOCKS, "--verify")
    report = output[output.index("Verification") :]
    assert "100.0%  199/199  post 47 “Pullquote”" in report  # citations kept
    assert "100.0%  46/46  post 121 “More”" in report
    assert "100.0%  92/92  post 44 “Preformatted”" in report
    assert "100.0%  64/64  post 84 “Gallery”" in report  # each image's caption kept
    assert "Below 100%" not in report
    assert "Words on the served pages: 659/659 (100.0%) of 7 items" in report
