"""Re-importing never reverts what editors did in Wagtail; editions stay linked (issue 11,
items 7 and 8)."""

import pytest
from django.contrib.auth import get_user_model
from wagtail.models import Revision

from importer.tests import test_import_wordpress as base
from importer.tests.test_import_wordpress import POLYLANG, article, run_import

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
