"""Re-importing never reverts what editors did in Wagtail; editions stay linked (issue 11,
items 7 and 8)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Locale, Revision

from home.models import HomePageFeaturedArticle
from importer.tests import test_import_wordpress as base
from importer.tests.test_import_wordpress import POLYLANG, article, run_import
from news.models import ArticlePage, Category

# The shared fixtures: four editions, a copy of the uploads, the Polylang export imported.
editions, uploads, imported = base.editions, base.uploads, base.imported

OLD_TITLE = "UN envoy visits Baghdad"
NEW_TITLE = "UN envoy visits Baghdad again"


@pytest.fixture
def edited(imported):
    """The editor retitles an imported, live article in Wagtail and publishes it."""
    editor = get_user_model().objects.create_superuser("editor", password="x" * 16)
    page = article("un-envoy-visits-baghdad")
    page.title = "Edited in Wagtail"
    page.save_revision(user=editor).publish(user=editor)
    return page


@pytest.fixture
def changed_export(tmp_path):
    """The same export, with that post retitled in WordPress since."""
    path = tmp_path / "changed.xml"
    path.write_text(
        POLYLANG.read_text().replace(f"<![CDATA[{OLD_TITLE}]]>", f"<![CDATA[{NEW_TITLE}]]>")
    )
    return path


def revisions(page):
    return Revision.page_revisions.filter(object_id=str(page.pk))


@pytest.mark.django_db
def test_every_page_the_importer_writes_has_its_revision(imported):
    page = article("un-envoy-visits-baghdad")
    assert page.live_revision_id == page.latest_revision_id is not None
    assert page.latest_revision.as_object().title == OLD_TITLE
    draft = article("earlier-note")
    assert draft.latest_revision is not None and not draft.live


@pytest.mark.django_db
def test_an_unedited_page_is_updated_by_a_re_import(imported, uploads, changed_export):
    before = revisions(article("un-envoy-visits-baghdad")).count()
    output = run_import(changed_export, "--media-dir", str(uploads))
    page = article("un-envoy-visits-baghdad")
    assert page.title == NEW_TITLE
    # (Two when its links to posts further down the file are resolved after every post.)
    assert revisions(page).count() > before
    assert page.live_revision == page.latest_revision
    assert page.live_revision.as_object().title == NEW_TITLE
    assert "conflict" not in output


@pytest.mark.django_db
def test_a_page_edited_in_wagtail_is_left_and_the_conflict_reported(
    edited, uploads, changed_export
):
    before = revisions(edited).count()
    output = run_import(changed_export, "--media-dir", str(uploads))
    page = article("un-envoy-visits-baghdad")
    assert page.title == "Edited in Wagtail"
    assert revisions(page).count() == before
    assert "conflict: edited in Wagtail since the last import" in output
    assert "article      en       conflict         1" in output
    # Reported again on the next run, still left.
    output = run_import(changed_export, "--media-dir", str(uploads))
    assert "conflict: edited in Wagtail since the last import" in output
    assert article("un-envoy-visits-baghdad").title == "Edited in Wagtail"


@pytest.mark.django_db
def test_on_conflict_draft_saves_the_import_as_an_unpublished_revision(
    edited, uploads, changed_export
):
    before = revisions(edited).count()
    output = run_import(changed_export, "--media-dir", str(uploads), "--on-conflict=draft")
    page = article("un-envoy-visits-baghdad")
    assert page.title == "Edited in Wagtail"  # the live page is unchanged
    assert page.live_revision.as_object().title == "Edited in Wagtail"
    assert revisions(page).count() == before + 1
    assert page.latest_revision.as_object().title == NEW_TITLE
    assert page.latest_revision.user is None
    assert page.has_unpublished_changes
    assert "article      en       drafted          1" in output
    # The draft is the importer's: running again does not draft it once more.
    run_import(changed_export, "--media-dir", str(uploads), "--on-conflict=draft")
    assert revisions(page).count() == before + 1
    # Changed again in WordPress: another draft, the editor's live page still kept.
    changed_export.write_text(changed_export.read_text().replace(NEW_TITLE, "Third title"))
    output = run_import(changed_export, "--media-dir", str(uploads), "--on-conflict=draft")
    assert "article      en       drafted          1" in output
    page = article("un-envoy-visits-baghdad")
    assert page.title == "Edited in Wagtail"
    assert page.latest_revision.as_object().title == "Third title"


# --- editions stay linked ----------------------------------------------------------------

POLYLANG_REAL = base.FIXTURES / "polylang-test-import.xml"


def persian_first(tmp_path, *, standalone):
    """Polylang's own import fixture with its French edition read as Persian, and the
    Persian post ("Essai", category "essai", which Polylang's term_translations pair with
    the English "test") moved before the English post in the file. ``standalone`` drops
    its post_translations link, as for a post written only in Persian."""
    text = POLYLANG_REAL.read_text()
    text = text.replace('nicename="fr"', 'nicename="fa"').replace('s:2:"fr"', 's:2:"fa"')
    items = text.split("<item>")
    english = next(i for i, part in enumerate(items) if "<![CDATA[Test]]></title>" in part)
    persian = next(i for i, part in enumerate(items) if "<![CDATA[Essai]]></title>" in part)
    items[english], items[persian] = items[persian], items[english]
    text = "<item>".join(items)
    if standalone:
        text = text.replace(
            '<category domain="language" nicename="fa"><![CDATA[Français]]></category>\n'
            '\t\t<category domain="post_translations" nicename="pll_56acecea35bef">'
            "<![CDATA[pll_56acecea35bef]]></category>",
            '<category domain="language" nicename="fa"><![CDATA[Français]]></category>',
        )
        assert text.count("pll_56acecea35bef]]></category>") == 1
    path = tmp_path / "polylang-persian-first.xml"
    path.write_text(text)
    return path


@pytest.mark.django_db
@pytest.mark.parametrize("standalone", [False, True], ids=["translation", "persian-only"])
def test_a_persian_posts_category_and_author_translate_the_english_ones(
    editions, tmp_path, standalone
):
    run_import(persian_first(tmp_path, standalone=standalone))
    english, persian = (
        article("test"),
        ArticlePage.objects.get(title="Essai", locale__language_code="fa"),
    )
    assert english.category.slug == "test"
    assert persian.category.locale.language_code == "fa"
    assert persian.category.translation_key == english.category.translation_key
    assert persian.author.translation_key == english.author.translation_key
    assert Category.objects.filter(translation_key=english.category.translation_key).count() == 2


@pytest.mark.django_db
def test_a_sticky_post_is_first_on_its_own_editions_home_page(editions, uploads, tmp_path, client):
    """The Persian translation "families-gather-fa" is sticky; "camp-liberty-report" is
    newer, so it would come first otherwise. The English sticky post stays first in
    English."""
    text = POLYLANG.read_text()
    start = text.index("<![CDATA[families-gather-fa]]>")
    end = text.index("</item>", start)
    part = text[start:end].replace(
        "<wp:is_sticky>0</wp:is_sticky>", "<wp:is_sticky>1</wp:is_sticky>"
    )
    path = tmp_path / "sticky.xml"
    path.write_text(text[:start] + part + text[end:])
    run_import(path, "--media-dir", str(uploads))
    persian_home = editions.get_translation(Locale.objects.get(language_code="fa"))
    featured = client.get(persian_home.url).context["featured_articles"]
    assert featured[0].slug == article("families-gather-at-camp-ashraf").slug
    assert featured[0].locale.language_code == "fa"
    assert featured[0].title.startswith("خانواده‌های")
    english = client.get(editions.url).context["featured_articles"]
    assert english[0].slug == "families-gather-at-camp-ashraf"
    # Running again features nothing twice.
    before = HomePageFeaturedArticle.objects.count()
    run_import(path, "--media-dir", str(uploads))
    assert HomePageFeaturedArticle.objects.count() == before
