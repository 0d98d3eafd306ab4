"""A backup restores into an empty database with every page, revision, image and document;
deleting a page asks first, and a deleted page comes back from the backup."""

import json
import os
import subprocess
import sys
import uuid
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection
from wagtail.models import Page

from news.factories import ArticlePageFactory

ROOT = Path(__file__).resolve().parents[2]

# Run in the restored database: what a reader and an editor would find there.
REPORT = """
import hashlib, json
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import Page
from operations.backup import content_counts
from news.models import ArticlePage

def digest(f):
    with f.open("rb") as handle:
        return hashlib.sha256(handle.read()).hexdigest()

articles = {
    a.slug: {
        "title": a.title,
        "body": str(a.body.render_as_block()),
        "revisions": a.revisions.count(),
        "live": a.live,
        "image": a.body[1].value["image"].file.name if len(a.body) > 1 else None,
        "document": a.body[2].value["document"].title if len(a.body) > 2 else None,
    }
    for a in ArticlePage.objects.order_by("slug")
}
print(json.dumps({
    "counts": content_counts(),
    "pages": sorted(Page.objects.values_list("url_path", flat=True)),
    "articles": articles,
    "images": {i.title: digest(i.file) for i in get_image_model().objects.all()},
    "documents": {d.title: digest(d.file) for d in get_document_model().objects.all()},
    "search": [p.title for p in ArticlePage.objects.live().search("orchard")],
}))
"""


def run_manage(args, database_url, media_root, stdin=None):
    environment = {
        **{k: v for k, v in os.environ.items() if k not in {"REDIS_URL", "DJANGO_SETTINGS_MODULE"}},
        "DJANGO_SETTINGS_MODULE": "config.settings.dev",
        "DATABASE_URL": database_url,
        "MEDIA_ROOT": str(media_root),
        "LOG_LEVEL": "WARNING",
    }
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        input=stdin,
        timeout=600,
    )


@pytest.fixture
def site_content(article_index):
    from wagtail.rich_text import RichText

    from core.factories import DocumentFactory, ImageFactory

    image = ImageFactory(title="Orchard photo")
    document = DocumentFactory(title="Annual report")
    article = ArticlePageFactory(parent=article_index, title="Spring in the orchard", slug="spring")
    article.body = [
        ("paragraph", RichText("<p>Families planted an orchard near the camp.</p>")),
        ("image", {"image": image, "caption": "The orchard", "credit": ""}),
        ("document", {"document": document, "label": ""}),
    ]
    article.save_revision().publish()
    article.title = "Spring in the orchard (updated)"
    article.save_revision().publish()
    draft = ArticlePageFactory(parent=article_index, title="Autumn draft", slug="autumn")
    draft.unpublish()
    return {"article": article, "image": image, "document": document}


def source_report(tmp_path):
    """The same report, computed in the test database by the same code."""
    script = tmp_path / "report.py"
    script.write_text(REPORT)
    out = StringIO()
    from contextlib import redirect_stdout

    with redirect_stdout(out):
        exec(compile(script.read_text(), str(script), "exec"), {})
    return json.loads(out.getvalue())


@pytest.mark.django_db
def test_deleting_a_page_asks_for_confirmation_first(client, admin_user, site_content):
    article = site_content["article"]
    client.force_login(admin_user)
    confirm = client.get(f"/admin/pages/{article.pk}/delete/")
    assert confirm.status_code == 200
    assert "Are you sure you want to delete this page" in confirm.content.decode()
    assert Page.objects.filter(pk=article.pk).exists()
    client.post(f"/admin/pages/{article.pk}/delete/")
    assert not Page.objects.filter(pk=article.pk).exists()


@pytest.mark.django_db
def test_backup_refuses_to_overwrite_a_previous_backup(tmp_path, site_content):
    call_command("backup_site", str(tmp_path / "first"), stdout=StringIO())
    with pytest.raises(CommandError, match="not empty"):
        call_command("backup_site", str(tmp_path / "first"), stdout=StringIO())


def target_databases():
    targets = ["sqlite"]
    if os.environ.get("DATABASE_URL", "").startswith("postgres"):
        targets.append("postgres")
    return targets


@pytest.fixture(params=target_databases())
def empty_database(request, tmp_path):
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg

    server = connection.settings_dict
    name = f"nejat_restore_{uuid.uuid4().hex[:8]}"
    params = {"host": server["HOST"], "port": server["PORT"], "user": server["USER"]}
    if server["PASSWORD"]:
        params["password"] = server["PASSWORD"]
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    auth = server["USER"] + (f":{server['PASSWORD']}" if server["PASSWORD"] else "")
    yield f"postgres://{auth}@{server['HOST']}:{server['PORT']}/{name}"
    with psycopg.connect(dbname="postgres", autocommit=True, **params) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.mark.django_db
def test_a_backup_restores_into_an_empty_database(tmp_path, site_content, empty_database):
    before = source_report(tmp_path)
    assert before["counts"]["images"] == 1 and before["counts"]["documents"] == 1
    assert before["articles"]["spring"]["revisions"] == 2
    assert before["search"] == ["Spring in the orchard (updated)"]

    backup = tmp_path / "backup"
    call_command("backup_site", str(backup), stdout=StringIO())
    manifest = json.loads((backup / "manifest.json").read_text())
    assert manifest["counts"] == before["counts"]

    # An editor deletes the article after the backup was made.
    site_content["article"].delete()

    restored_media = tmp_path / "restored-media"
    refused = run_manage(["restore_site", str(backup)], empty_database, restored_media, "no\n")
    assert refused.returncode != 0 and "cancelled" in refused.stderr

    restore = run_manage(
        ["restore_site", str(backup), "--no-input"], empty_database, restored_media
    )
    assert restore.returncode == 0, restore.stdout + restore.stderr
    assert "Restored" in restore.stdout

    report = run_manage(["shell", "-c", REPORT], empty_database, restored_media)
    assert report.returncode == 0, report.stderr
    after = json.loads(report.stdout.strip().splitlines()[-1])
    assert after == before
    assert after["articles"]["spring"]["title"] == "Spring in the orchard (updated)"
    assert "Families planted an orchard" in after["articles"]["spring"]["body"]
    assert after["articles"]["autumn"]["live"] is False  # drafts stay drafts


def test_a_damaged_backup_is_refused(tmp_path):
    backup = tmp_path / "backup"
    backup.mkdir()
    (backup / "data.json.gz").write_bytes(b"not what was saved")
    (backup / "media.tar.gz").write_bytes(b"")
    (backup / "manifest.json").write_text(
        json.dumps({"sha256": {"data.json.gz": "0" * 64}, "counts": {}})
    )
    with pytest.raises(CommandError, match="damaged"):
        call_command("restore_site", str(backup), "--no-input")


@pytest.mark.django_db
def test_a_backup_is_readable_by_its_owner_only(tmp_path, site_content):
    backup = tmp_path / "backup"
    previous_umask = os.umask(0o022)  # the usual umask: new files world-readable
    try:
        call_command("backup_site", str(backup), stdout=StringIO())
    finally:
        os.umask(previous_umask)
    assert backup.stat().st_mode & 0o777 == 0o700
    files = sorted(path.name for path in backup.iterdir())
    assert files == ["data.json.gz", "manifest.json", "media.tar.gz"]
    for path in backup.iterdir():
        assert path.stat().st_mode & 0o777 == 0o600, path.name
    assert os.umask(0o022) == 0o022  # the command put the umask back
    os.umask(previous_umask)


@pytest.mark.django_db
def test_a_restore_into_the_live_database_replaces_what_readers_see(
    tmp_path, settings, client, site_settings, site_content
):
    from tests.cache_settings import CACHED

    settings.PAGE_CACHE_ENABLED = True
    settings.FRAGMENT_CACHE_ENABLED = True
    settings.CACHES = CACHED
    article = site_content["article"]
    backup = tmp_path / "backup"
    call_command("backup_site", str(backup), stdout=StringIO())

    # Defaced after the backup was made; readers' copies come from the page cache.
    article.title = "Defaced"
    article.save_revision().publish()
    for url in (article.url, article.get_parent().url):
        client.get(url)
        response = client.get(url)
        assert response.get("X-Cache") == "HIT" and "Defaced" in response.content.decode()

    out = StringIO()
    call_command("restore_site", str(backup), "--no-input", stdout=out)
    for url in (article.url, article.get_parent().url):
        body = client.get(url).content.decode()
        assert "Defaced" not in body, url
        assert "Spring in the orchard (updated)" in body, url
    assert "made stale" in out.getvalue()
