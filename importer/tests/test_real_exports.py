"""The importer against real WordPress exports: the Theme Unit Test data (WPTT), a
WordPress.com export (fixtures/wxr/wptt-themeunittestdata.xml, trimmed from
https://github.com/WPTT/theme-test-data). Its media files are generated locally, never
downloaded."""

from pathlib import Path

import pytest
from django.core.management import CommandError
from PIL import Image as PILImage

from importer.tests.test_import_wordpress import (  # noqa: F401 - editions is a fixture
    article,
    counts,
    editions,
    run_import,
)

# Every test imports into the four editions of the site.
pytestmark = pytest.mark.usefixtures("editions")

WPTT = Path(__file__).parent / "fixtures" / "wxr" / "wptt-themeunittestdata.xml"
# The export's attachments (files.wordpress.com addresses, outside /wp-content/uploads/),
# each given its own colour so that a wrong match shows.
FILES = {
    "2013/03/image-alignment-580x300.jpg": ("Image Alignment 580x300", (255, 0, 0)),
    "2013/03/image-alignment-150x150.jpg": ("Image Alignment 150x150", (0, 255, 0)),
    "2013/03/image-alignment-300x200.jpg": ("Image Alignment 300x200", (0, 0, 255)),
    "2013/03/image-alignment-1200x4002.jpg": ("Image Alignment 1200x4002", (255, 255, 0)),
    "2010/08/manhattansummer.jpg": ("OLYMPUS DIGITAL CAMERA", (0, 255, 255)),
}
# The post's eleven images, in order (file name, what its alt/title says).
ALIGNMENT_IMAGES = [
    "image-alignment-580x300.jpg",
    "image-alignment-150x150.jpg",
    "image-alignment-1200x4002.jpg",
    "image-alignment-1200x4002.jpg",
    "image-alignment-300x200.jpg",
    "image-alignment-580x300.jpg",
    "image-alignment-150x150.jpg",
    "image-alignment-1200x4002.jpg",
    "image-alignment-1200x4002.jpg",
    "image-alignment-300x200.jpg",
    "manhattansummer.jpg",
]


@pytest.fixture
def media_dir(tmp_path):
    root = tmp_path / "media"
    for path, (_title, colour) in FILES.items():
        (root / path).parent.mkdir(parents=True, exist_ok=True)
        PILImage.new("RGB", (30, 20), colour).save(root / path)
    return root


def export_with_wp_namespace(tmp_path, uri):
    """The same export with ``wp:`` (and ``excerpt:``) bound to another namespace name."""
    text = WPTT.read_text(encoding="utf-8")
    text = text.replace('xmlns:wp="https://wordpress.org/export/1.2/"', f'xmlns:wp="{uri}"')
    text = text.replace(
        'xmlns:excerpt="https://wordpress.org/export/1.2/excerpt/"',
        f'xmlns:excerpt="{uri}excerpt/"',
    )
    path = tmp_path / "export.xml"
    path.write_text(text, encoding="utf-8")
    return path


def body_images(page):
    return [block.value["image"] for block in page.body if block.block_type == "image"]


def file_name(image):
    """The uploaded file's name without the suffix storage may add (``x_AbC12.jpg``)."""
    return Path(image.file.name).name


@pytest.mark.django_db
@pytest.mark.parametrize(
    "wp_namespace",
    [
        "https://wordpress.org/export/1.2/",  # as WordPress.com writes it (the real file)
        "http://wordpress.org/export/1.2/",  # as a self-hosted WordPress writes it
    ],
)
def test_a_wordpress_com_export_imports_whatever_the_namespace_scheme(
    media_dir, tmp_path, wp_namespace
):
    output = run_import(
        export_with_wp_namespace(tmp_path, wp_namespace), "--media-dir", str(media_dir)
    )
    assert article("markup-image-alignment").title == "Markup: Image Alignment"
    assert article("keyboard-navigation").live
    assert article("post-format-standard").live
    # The WPTT export repeats menu items with the same wp:post_id: skipped and reported.
    assert "Skipped" in output
    assert output.count("duplicate wp:post_id 1643") == 1
    assert output.count("duplicate wp:post_id 1644") == 1


@pytest.mark.django_db
def test_each_image_is_the_attachment_at_its_address(media_dir):
    output = run_import(WPTT, "--media-dir", str(media_dir))
    images = body_images(article("markup-image-alignment"))
    assert len(images) == 11
    assert len({image.pk for image in images}) == 5
    for image, expected in zip(images, ALIGNMENT_IMAGES, strict=True):
        stem, ext = expected.rsplit(".", 1)
        assert file_name(image).startswith(stem) and file_name(image).endswith(ext)
        path = next(p for p in FILES if p.endswith("/" + expected))
        title, colour = FILES[path]
        assert image.title == title
        with image.file.open() as handle, PILImage.open(handle) as picture:
            pixel = picture.convert("RGB").getpixel((5, 5))
            assert max(abs(a - b) for a, b in zip(pixel, colour, strict=True)) < 16  # JPEG
    assert "image not imported" not in output


@pytest.mark.django_db
def test_an_image_that_is_not_in_the_export_is_left_out_with_a_warning(media_dir, tmp_path):
    text = WPTT.read_text(encoding="utf-8")
    start = text.index("<item>\n\t<title>OLYMPUS DIGITAL CAMERA</title>")
    end = text.index("</item>", start) + len("</item>")
    without = tmp_path / "without-827.xml"
    without.write_text(text[:start] + text[end:], encoding="utf-8")
    output = run_import(without, "--media-dir", str(media_dir))
    images = body_images(article("markup-image-alignment"))
    assert [file_name(i).split("_")[0].rsplit(".", 1)[0] for i in images] == [
        name.rsplit(".", 1)[0] for name in ALIGNMENT_IMAGES[:10]
    ]
    assert (
        "image not imported: https://wpthemetestdata.files.wordpress.com/2010/08/manhattansummer.jpg"
        in output
    )


@pytest.mark.django_db
def test_bylines_follow_the_authors_login(media_dir):
    run_import(WPTT, "--media-dir", str(media_dir))
    # The export has no wp:author_id: themedemos is "Theme Buster", themereviewteam
    # "Theme Reviewer".
    assert article("markup-image-alignment").author.name == "Theme Buster"
    assert article("post-format-standard").author.name == "Theme Buster"
    assert article("keyboard-navigation").author.name == "Theme Reviewer"


@pytest.mark.django_db
def test_an_rss_feed_is_not_a_wordpress_export(tmp_path):
    feed = tmp_path / "feed.xml"
    feed.write_text(
        '<?xml version="1.0"?><rss version="2.0"><channel><title>News</title>'
        "<link>https://example.org</link><description>d</description>"
        "<item><title>A story</title><link>https://example.org/a</link>"
        "<guid>https://example.org/a</guid><pubDate>Tue, 27 Jan 2015 14:56:57 +0000</pubDate>"
        "<description>Text</description></item></channel></rss>"
    )
    before = counts()
    with pytest.raises(CommandError) as refused:
        run_import(feed)
    assert "not a WordPress export" in str(refused.value)
    assert "post_id" not in str(refused.value)
    assert counts() == before


@pytest.mark.django_db
def test_a_post_by_an_unknown_login_has_no_byline_and_a_warning(media_dir, tmp_path):
    # The full WPTT export has a post by ">themereviewteam", a login that is not there.
    text = WPTT.read_text(encoding="utf-8")
    odd = tmp_path / "odd-creator.xml"
    odd.write_text(
        text.replace(
            "<dc:creator><![CDATA[themereviewteam]]>", "<dc:creator><![CDATA[>themereviewteam]]>"
        ),
        encoding="utf-8",
    )
    output = run_import(odd, "--media-dir", str(media_dir))
    assert article("keyboard-navigation").author is None
    assert "no byline: '>themereviewteam' is not one of the export's authors" in output
