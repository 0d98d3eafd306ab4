"""Importing the old WordPress site: `manage.py import_wordpress EXPORT.xml`."""

import io
from pathlib import Path
from unittest import mock

import pytest
from django.core.management import CommandError, call_command
from django.test import TestCase
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from PIL import Image as PILImage
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page, Revision

from home.models import HomePageFeaturedArticle, StandardPage
from importer import html as wp_html
from importer.models import ImportedObject
from news.models import ArticlePage, Author, Category
from tests.editions_helpers import locale, make_edition, translate

FIXTURES = Path(__file__).parent / "fixtures" / "wxr"
POLYLANG = FIXTURES / "polylang-1.2.xml"
WPML = FIXTURES / "wpml-1.1.xml"


@pytest.fixture
def editions(home_page, article_index):
    """Four live editions, each with its Articles page, as on the real site."""
    for code in ("ar", "fa", "sq"):
        make_edition(home_page, code)
        translate(article_index, code, {article_index.title: f"Articles ({code})"})
    return home_page


@pytest.fixture
def uploads(tmp_path):
    """A copy of wp-content/uploads with some of the export's files (baghdad.jpg and the
    mp3 are missing, as on a real server)."""
    root = tmp_path / "uploads"
    (root / "2011" / "12").mkdir(parents=True)
    PILImage.new("RGB", (60, 40), (200, 30, 30)).save(root / "2011/12/camp-ashraf.jpg")
    (root / "2011/12/un-report.pdf").write_bytes(b"%PDF-1.4\n% tiny\n%%EOF\n")
    return root


def run_import(path=POLYLANG, *args, **kwargs):
    out, err = io.StringIO(), io.StringIO()
    with TestCase.captureOnCommitCallbacks(execute=True):
        call_command("import_wordpress", str(path), *args, stdout=out, stderr=err, **kwargs)
    return out.getvalue()


def article(slug, code="en"):
    return ArticlePage.objects.get(slug=slug, locale__language_code=code)


def counts():
    return {
        "pages": Page.objects.count(),
        "categories": Category.objects.count(),
        "authors": Author.objects.count(),
        "images": get_image_model().objects.count(),
        "documents": get_document_model().objects.count(),
        "redirects": Redirect.objects.count(),
        "imported": ImportedObject.objects.count(),
        "featured": HomePageFeaturedArticle.objects.count(),
    }


@pytest.fixture
def imported(editions, uploads):
    return run_import(POLYLANG, "--media-dir", str(uploads))


# --- what is imported --------------------------------------------------------------------


@pytest.mark.django_db
def test_posts_become_articles_in_their_editions(imported):
    by_edition = {
        code: set(
            ArticlePage.objects.filter(locale__language_code=code).values_list("slug", flat=True)
        )
        for code in ("en", "ar", "fa", "sq")
    }
    assert by_edition["en"] == {
        "families-gather-at-camp-ashraf",
        "un-envoy-visits-baghdad",
        "earlier-note",
        "internal-contacts",
        "anniversary-statement",
    }
    # Translations keep the English slug; the Persian-only post keeps its own.
    assert by_edition["ar"] == {"families-gather-at-camp-ashraf"}
    assert by_edition["fa"] == {"families-gather-at-camp-ashraf", "camp-liberty-report"}
    assert by_edition["sq"] == {"families-gather-at-camp-ashraf"}
    # The summary gives counts per type and edition, and the skipped items with reasons.
    assert "article      en       created          5" in imported
    assert "article      fa       created          2" in imported
    assert "status trash" in imported
    assert "post 7" in imported and "title" in imported


@pytest.mark.django_db
def test_article_fields_come_from_the_post(imported):
    page = article("families-gather-at-camp-ashraf")
    assert page.title == "Families of MEK members gather at Camp Ashraf"
    assert page.live
    assert page.date.isoformat() == "2011-12-29T10:15:00+00:00"
    assert page.first_published_at.isoformat() == "2011-12-29T10:15:00+00:00"
    assert page.summary == "Families gathered at the gate of Camp Ashraf."
    # The most specific of the nested categories is the primary one; the parent is a tag.
    assert page.category.name == "MEK Camp Ashraf"
    assert page.category.description == "News from Camp Ashraf"
    assert set(page.tags.names()) == {"Ashraf", "Families", "Iraq"}
    assert page.author.name == "Nejat Editor"
    assert article("un-envoy-visits-baghdad").author.name == "Roy Gutman"
    assert page.comments_open and not article("un-envoy-visits-baghdad").comments_open
    assert page.hero_image.title == "Camp Ashraf residents"
    assert page.hero_image.description == "Families at the gate"
    assert page.hero_caption == "Families waiting at the gate of Camp Ashraf"


@pytest.mark.django_db
def test_statuses_draft_private_scheduled_and_sticky(imported):
    assert not article("earlier-note").live
    assert not article("internal-contacts").live
    scheduled = article("anniversary-statement")
    assert not scheduled.live
    assert scheduled.go_live_at.year == 2039
    assert Revision.page_revisions.filter(
        object_id=str(scheduled.pk), approved_go_live_at__isnull=False
    ).exists()
    featured = HomePageFeaturedArticle.objects.get()
    assert featured.article.slug == "families-gather-at-camp-ashraf"
    assert "private post imported as an unpublished draft" in imported


@pytest.mark.django_db
def test_pages_go_under_the_right_parent(imported, home_page):
    about = StandardPage.objects.get(slug="about-us", locale__language_code="en")
    history = StandardPage.objects.get(slug="history")
    assert about.get_parent().pk == home_page.pk
    assert history.get_parent().pk == about.pk
    arabic_about = StandardPage.objects.get(locale__language_code="ar")
    assert arabic_about.translation_key == about.translation_key
    assert arabic_about.title == "من نحن"
    assert arabic_about.get_parent().specific.locale.language_code == "ar"


@pytest.mark.django_db
def test_translations_are_translations_of_the_english_page(imported, client):
    english = article("families-gather-at-camp-ashraf")
    arabic = english.get_translation(locale("ar"))
    persian = english.get_translation(locale("fa"))
    albanian = english.get_translation(locale("sq"))
    assert arabic.title == "عائلات أعضاء مجاهدي خلق تتجمع أمام مخيم أشرف"
    assert "مخيم أشرف يوم الخميس" in str(arabic.body)
    assert persian.body[1].block_type == "heading"
    assert albanian.title.startswith("Familjet")
    # Categories and bylines are the edition's translations of the English ones.
    assert arabic.category.locale.language_code == "ar"
    assert arabic.category.translation_key == english.category.translation_key
    assert arabic.category.name == "العراق"
    assert arabic.category.slug == english.category.slug
    assert albanian.category.name == "MEK Camp Ashraf"
    assert persian.author.locale.language_code == "fa"
    assert persian.author.name == "Roy Gutman"
    assert arabic.hero_image_id == english.hero_image_id
    # Every edition serves its translation, and the switcher links them.
    for page in (arabic, persian, albanian):
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        assert page.title in response.content.decode()
    response = client.get(english.url)
    assert arabic.url in response.content.decode()


@pytest.mark.django_db
def test_body_becomes_blocks_with_internal_links(imported):
    english = article("families-gather-at-camp-ashraf")
    envoy = article("un-envoy-visits-baghdad")
    blocks = [(block.block_type, block.value) for block in english.body]
    types = [block_type for block_type, _value in blocks]
    raw = english.body.raw_data
    html_parts = "".join(str(b["value"]) for b in raw if b["type"] == "paragraph")
    # Bare paragraphs, line breaks and inline formatting of the classic editor.
    assert raw[0]["type"] == "paragraph"
    assert "<b>meet their relatives</b>" in raw[0]["value"]
    # [caption] → an image block with its caption; [embed] → an embed block.
    image = next(value for block_type, value in blocks if block_type == "image")
    assert image["image"].title == "Camp Ashraf residents"
    assert image["caption"] == "Families waiting at the gate"
    assert "embed" in types and "quote" in types
    quote = next(value for block_type, value in blocks if block_type == "quote")
    assert quote["attribution"] == "A mother from Tehran"
    # A link to a post further down the file, by its permalink, is a page link.
    assert f'<a linktype="page" id="{envoy.pk}">' in html_parts
    # A link to a draft (?p=3) still points at the imported page.
    assert f'<a linktype="page" id="{article("earlier-note").pk}">' in html_parts
    # A lone link to an uploaded PDF is a document block; "Read more" a source link.
    document = next(value for block_type, value in blocks if block_type == "document")
    assert document["document"].title == "UN report on Camp Ashraf"
    source = next(value for block_type, value in blocks if block_type == "source_link")
    assert source["url"] == "https://www.un.org/press/en/2011/sc10500.doc.htm"
    # The unknown shortcode stays as text and is reported.
    assert '[contact-form-7 id="9" title="Contact"]' in html_parts
    assert "unknown shortcode [contact-form-7] kept as text" in imported
    # Gutenberg: heading, list, images by wp-image class, pull quote, embed.
    envoy_types = [block.block_type for block in envoy.body]
    assert envoy_types[:2] == ["paragraph", "heading"]
    assert "pull_quote" in envoy_types and "embed" in envoy_types
    assert f'<a linktype="page" id="{english.pk}">' in envoy.body.raw_data[0]["value"]
    assert "<ul><li>A visit by the families</li>" in envoy.body.raw_data[2]["value"]
    images = [block.value for block in envoy.body if block.block_type == "image"]
    assert [i["image"].title for i in images] == ["Camp Ashraf residents"]
    assert images[0]["image"].contextual_alt_text == "The gate"
    assert "image not imported: https://nejatngo.org/wp-content/uploads/2011/12/baghdad" in imported


@pytest.mark.django_db
def test_unsafe_html_is_removed(imported, client):
    page = article("families-gather-at-camp-ashraf")
    stored = str(page.body.raw_data)
    for unsafe in ("<script", "onclick", "javascript:", "evil.example", "<iframe"):
        assert unsafe not in stored
    assert "Click here" in stored  # the text of a removed link is kept
    html = client.get(page.url).content.decode()
    assert "evil.example" not in html and "steal()" not in html


@pytest.mark.django_db
def test_attachments_and_the_report_of_missing_files(imported):
    assert get_image_model().objects.filter(title="Camp Ashraf residents").count() == 1
    assert get_document_model().objects.get().title == "UN report on Camp Ashraf"
    assert "Files not fetched (1)" in imported
    assert "baghdad.jpg: not in" in imported
    assert "file type not kept" in imported  # the mp3


OLD_ADDRESSES = [
    ("/2011/12/29/families-gather-at-camp-ashraf/", "/en/articles/families-gather-at-camp-ashraf/"),
    ("/?p=1", "/en/articles/families-gather-at-camp-ashraf/"),
    ("/?p=11", "/ar/articles/families-gather-at-camp-ashraf/"),
    ("/?p=12&lang=fa", "/fa/articles/families-gather-at-camp-ashraf/"),
    ("/fa/2011/12/29/families-gather-fa/", "/fa/articles/families-gather-at-camp-ashraf/"),
    ("/al/2011/12/29/familjet-mblidhen/", "/sq/articles/families-gather-at-camp-ashraf/"),
    ("/ar/2011/12/29/عائلات-أشرف/", "/ar/articles/families-gather-at-camp-ashraf/"),
    ("/?page_id=21", "/en/about-us/history/"),
    ("/about-us/history/", "/en/about-us/history/"),
    ("/ar/about-us-ar/", "/ar/about-us/"),
    (
        "/2011/12/29/families-gather-at-camp-ashraf/camp-ashraf/",
        "/en/articles/families-gather-at-camp-ashraf/",
    ),
    ("/?attachment_id=101", "/en/articles/families-gather-at-camp-ashraf/"),
    ("/category/iraq/mek-camp-ashraf/", "/en/articles/category/mek-camp-ashraf/"),
    ("/category/un/", "/en/articles/category/un/"),
    ("/?cat=5", "/en/articles/category/un/"),
    # A Persian-only category (first used by a post with no English original).
    ("/fa/category/iraq-fa/", "/fa/articles/category/iraq-fa/"),
    ("/tag/ashraf/", "/en/articles/tag/ashraf/"),
    ("/2011/12/", "/en/articles/2011/12/"),
]


@pytest.mark.django_db
def test_old_addresses_redirect_permanently_to_the_new_pages(imported, client):
    for old, new in OLD_ADDRESSES:
        response = client.get(old)
        assert (response.status_code, response.get("Location")) == (301, new), old
        assert client.get(new).status_code == 200, new


@pytest.mark.django_db
def test_an_old_upload_address_redirects_to_the_file(imported, client):
    response = client.get("/wp-content/uploads/2011/12/un-report.pdf")
    assert response.status_code == 301
    assert response["Location"].startswith("/documents/")


# --- running again ---------------------------------------------------------------------


@pytest.mark.django_db
def test_running_again_creates_no_duplicates_and_updates_what_changed(imported, uploads, tmp_path):
    before = counts()
    output = run_import(POLYLANG, "--media-dir", str(uploads))
    assert counts() == before
    assert "article      en       unchanged" in output
    changed = tmp_path / "changed.xml"
    changed.write_text(
        POLYLANG.read_text().replace(
            "An earlier note on the families]]>", "An earlier note on the families, revised]]>"
        )
    )
    output = run_import(changed, "--media-dir", str(uploads))
    assert counts() == before
    assert article("earlier-note").title == "An earlier note on the families, revised"
    assert "article      en       updated          1" in output


@pytest.mark.django_db
def test_dry_run_writes_nothing(editions, uploads, settings):
    before = counts()
    output = run_import(POLYLANG, "--media-dir", str(uploads), "--dry-run")
    assert counts() == before
    assert "DRY RUN" in output
    assert "article      en       created          5" in output
    media = Path(settings.MEDIA_ROOT)
    assert not any(path.is_file() for path in media.rglob("*")) if media.exists() else True


@pytest.mark.django_db
def test_a_malformed_file_is_refused_before_anything_is_written(editions, tmp_path):
    broken = tmp_path / "broken.xml"
    # A good beginning, then a broken item: nothing from the good part may be written.
    text = POLYLANG.read_text()
    cut = text.index("<title><![CDATA[UN envoy")
    broken.write_text(text[:cut] + "<title>unclosed</item></channel></rss>")
    before = counts()
    with pytest.raises(CommandError, match="not well-formed XML"):
        run_import(broken)
    assert counts() == before
    not_wxr = tmp_path / "feed.xml"
    not_wxr.write_text("<rss><channel><title>A feed</title></channel></rss>")
    with pytest.raises(CommandError, match="WXR version"):
        run_import(not_wxr)


@pytest.mark.django_db
def test_a_broken_post_is_skipped_and_the_others_import(editions, uploads):
    real_convert = wp_html.convert

    def convert(source, resolver=None):
        if "UN envoy met Iraqi officials" in (source or ""):
            raise RuntimeError("converter exploded")
        return real_convert(source, resolver)

    with mock.patch("importer.wordpress.wp_html.convert", side_effect=convert):
        output = run_import(POLYLANG, "--media-dir", str(uploads))
    assert "post 2 “UN envoy visits Baghdad”: RuntimeError: converter exploded" in output
    assert not ArticlePage.objects.filter(slug="un-envoy-visits-baghdad").exists()
    assert article("families-gather-at-camp-ashraf").live


@pytest.mark.django_db
def test_attachments_are_downloaded_only_when_allowed(editions):
    jpeg = io.BytesIO()
    PILImage.new("RGB", (10, 10)).save(jpeg, "JPEG")
    response = mock.MagicMock()
    response.__enter__.return_value.read.side_effect = lambda n: (
        b"%PDF-1.4\n%%EOF" if "pdf" in response.url else jpeg.getvalue()
    )

    def fake_urlopen(request, timeout):
        response.url = request.full_url
        if "baghdad" in request.full_url:
            raise OSError("HTTP Error 404: Not Found")
        return response

    with mock.patch("importer.media.urlopen", side_effect=fake_urlopen) as urlopen:
        output = run_import(POLYLANG, "--download")
    fetched = {call.args[0].full_url for call in urlopen.call_args_list}
    assert "https://nejatngo.org/wp-content/uploads/2011/12/camp-ashraf.jpg" in fetched
    assert get_image_model().objects.filter(title="Camp Ashraf residents").exists()
    assert "download failed: HTTP Error 404" in output
    with mock.patch("importer.media.urlopen") as urlopen:
        run_import(POLYLANG)
    urlopen.assert_not_called()


# --- WPML, WXR 1.1 ---------------------------------------------------------------------


@pytest.mark.django_db
def test_wpml_export_in_wxr_1_1(editions, client):
    output = run_import(WPML, "--locale", "en")
    english = article("iraqi-authorities-stance-on-the-mek")
    arabic = english.get_translation(locale("ar"))
    albanian = english.get_translation(locale("sq"))
    assert arabic.title == "موقف السلطات العراقية من منظمة مجاهدي خلق"
    assert albanian.title == "Qëndrimi i autoriteteve irakiane ndaj MEK"
    assert english.category.name == "Iraqi Authorities' stance on the MEK"
    # A post with no language data goes to --locale.
    assert article("un-statement").locale.language_code == "en"
    assert "article      ar       created          1" in output
    response = client.get("/?p=302")
    assert response.status_code == 301
    assert response["Location"] == "/ar/articles/iraqi-authorities-stance-on-the-mek/"


@pytest.mark.django_db
def test_posts_without_language_data_go_to_the_given_edition(editions, tmp_path):
    output = run_import(WPML, "--locale", "sq")
    assert article("un-statement", "sq").title == "UN statement"
    assert not ArticlePage.objects.filter(slug="un-statement", locale__language_code="en")
    # The Albanian translation, and the post without language data.
    assert "article      sq       created          2" in output


# --- the converter never crashes ---------------------------------------------------------

html_fragments = st.lists(
    st.one_of(
        st.text(max_size=30),
        st.sampled_from(
            [
                "<p>",
                "</p>",
                "<b>",
                "</i>",
                "<a href='javascript:x'>",
                "<a href='/?p=1'>",
                "</a>",
                "<img class='wp-image-9' src='x-300x200.jpg'>",
                "<figure class='wp-block-embed'><div>https://youtu.be/x</div></figure>",
                "[caption id='a']",
                "[/caption]",
                "[embed]",
                "[/embed]",
                "[gallery ids='1,x']",
                "<!-- wp:paragraph -->",
                "<blockquote><cite>",
                "<ul><li>",
                "<h2>",
                "<table><tr><td>",
                "<script>alert(1)</script>",
                "<iframe src='https://www.youtube.com/embed/abc'>",
                "\n\n",
                "<br>",
                "&nbsp;",
                "<pre>",
                "<![CDATA[x]]>",
                "<?php ?>",
            ]
        ),
    ),
    max_size=25,
).map("".join)


class AnyResolver(wp_html.LinkResolver):
    def link(self, href):
        return ("page", 1) if "p=" in href else None

    def image(self, src, attachment_id=None):
        return 5 if attachment_id else None


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=html_fragments)
def test_random_html_never_crashes_the_converter_and_stays_safe(source):
    result = wp_html.convert(source, AnyResolver())
    allowed = {"paragraph", "heading", "image", "quote", "pull_quote", "embed", "document"}
    allowed.add("source_link")
    for block in result.blocks:
        assert block["type"] in allowed
        text = str(block["value"]).lower()
        assert "<script" not in text and "javascript:" not in text and "<iframe" not in text


@pytest.mark.django_db
@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(source=html_fragments)
def test_converted_random_html_is_a_valid_body(source):
    from core.blocks import BodyBlock

    blocks = [b for b in wp_html.convert(source).blocks if b["type"] != "image"]
    stream = BodyBlock().to_python(blocks)
    assert len(stream) == len(blocks)
    rendered = stream.render_as_block()
    assert "<script" not in rendered
