"""What operators rely on: migrations, settings that refuse unsafe starts, health probes."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.core.management import call_command

ROOT = Path(__file__).resolve().parents[2]


@pytest.mark.django_db
def test_models_and_migrations_agree():
    out = StringIO()
    call_command("makemigrations", "--check", "--dry-run", stdout=out)
    assert "No changes detected" in out.getvalue()


def _load_production_settings(**env):
    environment = {k: v for k, v in os.environ.items() if k not in {"SECRET_KEY", "ALLOWED_HOSTS"}}
    environment.update(env, DJANGO_SETTINGS_MODULE="config.settings.production")
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()"],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


def test_production_refuses_to_start_without_secret_key():
    result = _load_production_settings(ALLOWED_HOSTS="example.org")
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_refuses_to_start_without_allowed_hosts():
    result = _load_production_settings(SECRET_KEY="x" * 50)
    assert result.returncode != 0
    assert "ALLOWED_HOSTS must be set" in result.stderr


def test_production_starts_when_configured_and_serves_hashed_static_files():
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            "import django; django.setup(); from django.conf import settings; "
            "print(settings.STORAGES['staticfiles']['BACKEND'], settings.DEBUG)",
        ],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "x" * 50,
            "ALLOWED_HOSTS": "example.org",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == [
        "whitenoise.storage.CompressedManifestStaticFilesStorage",
        "False",
    ]


@pytest.mark.django_db
def test_healthz_answers_any_host_and_is_never_cached(client):
    response = client.get("/healthz", HTTP_HOST="10.1.2.3:8000")
    assert response.status_code == 200
    assert response.content == b"ok"
    assert response["Cache-Control"] == "no-store"


@pytest.mark.django_db
def test_readyz_reports_database_and_cache(client):
    response = client.get("/readyz")
    assert response.status_code == 200
    assert response.json() == {"database": True, "cache": True}


@pytest.mark.django_db
def test_readyz_is_503_when_the_database_is_down(client, monkeypatch):
    from operations.health import HealthCheckMiddleware

    monkeypatch.setattr(HealthCheckMiddleware, "database_ok", staticmethod(lambda: False))
    response = client.get("/readyz")
    assert response.status_code == 503
    assert response.json()["database"] is False


@pytest.mark.django_db
def test_configure_site_sets_the_address_used_in_absolute_links(home_page):
    from wagtail.models import Site

    call_command("configure_site", "--hostname", "127.0.0.1", "--port", "8765", stdout=StringIO())
    assert Site.objects.get(is_default_site=True).root_url == "http://127.0.0.1:8765"
    assert home_page.get_full_url() == "http://127.0.0.1:8765/en/"


@pytest.mark.parametrize("language", ["ar", "fa", "sq"])
def test_compiled_catalogues_match_their_po_files(language):
    """The .mo files are committed so a machine without gettext serves translations;
    they must say exactly what the .po files say."""
    import polib

    folder = ROOT / "locale" / language / "LC_MESSAGES"
    po = polib.pofile(str(folder / "django.po"))
    mo = polib.mofile(str(folder / "django.mo"))
    translated = {(e.msgctxt, e.msgid): e.msgstr for e in po.translated_entries()}
    compiled = {(e.msgctxt, e.msgid): e.msgstr for e in mo if e.msgid}
    assert compiled == translated
    assert not po.untranslated_entries() and not po.fuzzy_entries()


def test_production_settings_pass_the_deployment_checklist():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=ROOT,
        env={
            # The browser tests' async-unsafe switch is theirs, not the deployment's.
            **{k: v for k, v in os.environ.items() if k != "DJANGO_ALLOW_ASYNC_UNSAFE"},
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": "a-long-random-secret-key-for-the-deploy-check-" + "x" * 30,
            "ALLOWED_HOSTS": "example.org",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout
