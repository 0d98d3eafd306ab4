"""Every old address of a WordPress site installed in a subdirectory answers with a
permanent redirect to what it became here; an unknown one is the site's own 404."""

from pathlib import Path
from urllib.parse import quote

import pytest
from PIL import Image as PILImage
from wagtail.images import get_image_model

from importer.tests.test_import_wordpress import POLYLANG, run_import
from tests.editions_helpers import make_edition, translate

OLD_SITE = "https://nejatngo.org"
SUBDIRECTORY = "/wordpress/site"


@pytest.fixture
def subdirectory_export(tmp_path):
    """The Polylang export (its real header) of the same site installed at
    nejatngo.org/wordpress/site: base_site_url, links, guids and uploads under it."""
    text = POLYLANG.read_text(encoding="utf-8").replace(OLD_SITE, OLD_SITE + SUBDIRECTORY)
    assert f"<wp:base_site_url>{OLD_SITE}{SUBDIRECTORY}</wp:base_site_url>" in text
    path = Path(tmp_path) / "subdirectory.xml"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def imported(home_page, article_index, tmp_path, subdirectory_export):
    for code in ("ar", "fa", "sq"):
        make_edition(home_page, code)
        translate(article_index, code, {article_index.title: f"Articles ({code})"})
    uploads = tmp_path / "uploads"
    (uploads / "2011" / "12").mkdir(parents=True)
    PILImage.new("RGB", (60, 40), (200, 30, 30)).save(uploads / "2011/12/camp-ashraf.jpg")
    (uploads / "2011/12/un-report.pdf").write_bytes(b"%PDF-1.4\n% tiny\n%%EOF\n")
    return run_import(subdirectory_export, "--media-dir", str(uploads))


def old(path):
    return SUBDIRECTORY + path


POST = "/en/articles/families-gather-at-camp-ashraf/"
OLD_ADDRESSES = [
    # The old home pages.
    (old("/"), "/en/"),
    (old("/fa/"), "/fa/"),
    # Posts and pages by permalink and by id, under the subdirectory.
    (old("/2011/12/29/families-gather-at-camp-ashraf/"), POST),
    (old("/?p=1"), POST),
    (old("/index.php?p=1"), None),  # checked below: index.php is not the directory
    (old("/?p=11"), "/ar/articles/families-gather-at-camp-ashraf/"),
    (old("/?attachment_id=101"), POST),
    # Paginated posts (<!--nextpage-->) → the post.
    (old("/2011/12/29/families-gather-at-camp-ashraf/2/"), POST),
    (old("/2011/12/29/families-gather-at-camp-ashraf/12"), POST),
    # A post's comment feed → the post.
    (old("/2011/12/29/families-gather-at-camp-ashraf/feed/"), POST),
    # Category (nested and flat), tag, their paginated archives and the category feeds.
    (old("/category/iraq/mek-camp-ashraf/"), "/en/articles/category/mek-camp-ashraf/"),
    (old("/category/un/"), "/en/articles/category/un/"),
    (old("/category/un/page/2/"), "/en/articles/category/un/"),
    (old("/?cat=5"), "/en/articles/category/un/"),
    (old("/category/un/feed/"), "/en/articles/category/un/feed/"),
    (old("/category/iraq/mek-camp-ashraf/feed/"), "/en/articles/category/mek-camp-ashraf/feed/"),
    (old("/category/un/feed/atom/"), "/en/articles/category/un/feed/atom/"),
    (old("/fa/category/iraq-fa/"), "/fa/articles/category/iraq-fa/"),
    (old("/tag/ashraf/"), "/en/articles/tag/ashraf/"),
    (old("/?tag=ashraf"), "/en/articles/tag/ashraf/"),
    # Year, month and day archives (this site's finest is the month).
    (old("/2011/"), "/en/articles/2011/"),
    (old("/2011/12/"), "/en/articles/2011/12/"),
    (old("/2011/12/29/"), "/en/articles/2011/12/"),
    (old("/2011/12/page/2/"), "/en/articles/2011/12/"),
    (old("/fa/2012/01/05/"), "/fa/articles/2012/1/"),
    # The main feeds, per edition.
    (old("/feed/"), "/en/articles/feed/"),
    (old("/feed/rss2/"), "/en/articles/feed/"),
    (old("/feed/atom/"), "/en/articles/feed/atom/"),
    (old("/fa/feed/"), "/fa/articles/feed/"),
    # Author archives: no author pages here, a search for the author's articles.
    (old("/author/rgutman/"), "/en/search/?q=Roy+Gutman"),
    (old("/author/nejat/"), "/en/search/?q=Nejat+Editor"),
    # The root forms still answer (a domain that pointed at the subdirectory).
    ("/?p=1", POST),
    ("/feed/", "/en/articles/feed/"),
    ("/2011/12/29/", "/en/articles/2011/12/"),
]


@pytest.mark.django_db
def test_old_addresses_of_a_subdirectory_site_redirect_permanently(imported, client):
    for old_address, new in OLD_ADDRESSES:
        if new is None:
            continue
        response = client.get(old_address)
        assert (response.status_code, response.get("Location")) == (301, new), old_address
        assert client.get(new).status_code == 200, new


@pytest.mark.django_db
def test_old_uploads_and_their_resized_copies_redirect_to_the_original(imported, client):
    image = get_image_model().objects.get(title__icontains="camp")
    for name in ("camp-ashraf.jpg", "camp-ashraf-300x200.jpg", "camp-ashraf-1024x683.jpg"):
        response = client.get(old(f"/wp-content/uploads/2011/12/{name}"))
        assert response.status_code == 301, name
        assert response["Location"] == image.file.url, name
    response = client.get(old("/wp-content/uploads/2011/12/un-report.pdf"))
    assert (response.status_code, response["Location"][:11]) == (301, "/documents/")
    # A resized copy of a file that was never imported stays a 404.
    response = client.get(old("/wp-content/uploads/2011/12/baghdad-300x200.jpg"), follow=True)
    assert response.status_code == 404


UNKNOWN = [
    old("/2011/12/29/no-such-post/"),
    old("/2011/12/29/no-such-post/2/"),
    old("/category/no-such-category/"),
    old("/category/no-such-category/feed/"),
    old("/author/nobody/"),
    old("/wp-content/uploads/2011/12/nothing-300x200.jpg"),
    old("/1999/01/01/"),
    "/" + "a/" * 3000,
    "/" + "a" * 5000 + "-300x200.jpg",
    "/" + "1/" * 2000,
    old("/feed/" * 500),
    old("/" + quote("عائلات") + "/%E2%80%AE/2/"),
    old("/%ff%fe/2/"),
    "/wp-content/uploads/%00-300x200.jpg",
]


@pytest.mark.django_db
def test_unknown_old_addresses_are_the_sites_404_never_a_500(imported, client):
    client.raise_request_exception = False
    for address in UNKNOWN:
        response = client.get(address, follow=True)
        assert response.status_code in (404, 400), address[:80]
        if response.status_code == 404:
            assert "404.html" in [t.name for t in response.templates], address[:80]


# The site root answers an unknown WordPress query itself: it sends readers to their edition;
# so does the old home under the subdirectory (Wagtail's redirects ignore an unknown query).
ROOT_QUERIES = [
    "/?p=%00",
    "/?p=-1",
    "/?p=99999999999999999999999",
    "/?cat=" + "x" * 5000,
    old("/?p=999999"),
    old("/?p=" + "9" * 400),
    old("/?p=1&p=2&cat=%00&tag=" + quote("\u202e𝕏") + "&lang=xx"),
]


@pytest.mark.django_db
def test_unknown_wordpress_queries_at_the_root_go_to_the_edition(imported, client):
    client.raise_request_exception = False
    for address in ROOT_QUERIES:
        response = client.get(address, follow=True)
        assert response.redirect_chain[-1][0] == "/en/", address[:80]
        assert response.status_code == 200, address[:80]
