"""Response headers browsers enforce, on the production settings, and pages that obey them.

The Mozilla HTTP Observatory cannot be reached from here, so `observatory_score` re-applies
its published scoring rules to the headers the site sends (base 100, A+ from 100).
"""

import json
import os
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.test import override_settings
from wagtail.embeds.embeds import get_embed_hash
from wagtail.embeds.models import Embed

from home.factories import ContactPageFactory, StandardPageFactory
from media_pages.factories import (
    GalleryPageFactory,
    MediaIndexPageFactory,
    MediaSectionPageFactory,
    VideoPageFactory,
)
from news.factories import ArticlePageFactory
from publications.factories import (
    BookIndexPageFactory,
    BookPageFactory,
    PublicationsIndexPageFactory,
)
from tests.editions_helpers import make_edition, translate

ROOT = Path(__file__).resolve().parents[2]
VIDEO_URL = "https://www.youtube.com/watch?v=abc123"
DATA_BLOCK_TYPES = {"application/ld+json", "application/json"}
PRODUCTION_KEYS = [
    "SECURE_SSL_REDIRECT",
    "SECURE_HSTS_SECONDS",
    "SECURE_HSTS_INCLUDE_SUBDOMAINS",
    "SECURE_HSTS_PRELOAD",
    "SECURE_PROXY_SSL_HEADER",
    "SESSION_COOKIE_SECURE",
    "SESSION_COOKIE_NAME",
    "SESSION_COOKIE_HTTPONLY",
    "SESSION_COOKIE_SAMESITE",
    "CSRF_COOKIE_SECURE",
    "CSRF_COOKIE_NAME",
    "CSRF_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SECURE",
    "LANGUAGE_COOKIE_HTTPONLY",
    "LANGUAGE_COOKIE_SAMESITE",
    "CSP_UPGRADE_INSECURE_REQUESTS",
]


def production_settings(**env):
    """The values config.settings.production computes from this environment."""
    environment = {
        **{k: v for k, v in os.environ.items() if k not in {"SECURE_SSL_REDIRECT", "SENTRY_DSN"}},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "s" * 60,
        "ALLOWED_HOSTS": "nejatngo.org",
        **env,
    }
    script = (
        "import json, django; django.setup(); from django.conf import settings; "
        f"print(json.dumps({{k: getattr(settings, k) for k in {PRODUCTION_KEYS!r}}}))"
    )
    return subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, env=environment, capture_output=True, text=True
    )


@pytest.fixture(scope="module")
def production():
    result = production_settings()
    assert result.returncode == 0, result.stderr
    values = json.loads(result.stdout.strip().splitlines()[-1])
    values["SECURE_PROXY_SSL_HEADER"] = tuple(values["SECURE_PROXY_SSL_HEADER"])
    values["ALLOWED_HOSTS"] = ["nejatngo.org"]
    return values


def csp(response):
    return dict(
        (part.strip().split(" ", 1) + [""])[:2]
        for part in response["Content-Security-Policy"].split(";")
        if part.strip()
    )


def observatory_score(response):
    """Mozilla HTTP Observatory's score modifiers for the headers this site controls."""
    score = 100
    policy = csp(response) if "Content-Security-Policy" in response else None
    if policy is None:
        score -= 25
    else:
        scripts = policy.get("script-src", policy.get("default-src", ""))
        if "'unsafe-inline'" in scripts or "'unsafe-eval'" in scripts or not scripts:
            score -= 20
        elif policy.get("default-src") == "'none'" and "'unsafe-inline'" not in policy.get(
            "style-src", ""
        ):
            score += 10
        if policy.get("frame-ancestors") in ("'none'", "'self'"):
            score += 5  # framing controlled by CSP
    hsts = response.get("Strict-Transport-Security", "")
    max_age = int(hsts.split("max-age=")[1].split(";")[0]) if "max-age=" in hsts else 0
    if max_age < 15_552_000:
        score -= 20
    if response.get("X-Content-Type-Options") != "nosniff":
        score -= 5
    if response.get("X-Frame-Options") not in ("DENY", "SAMEORIGIN") and (
        not policy or "frame-ancestors" not in policy
    ):
        score -= 20
    if response.get("Referrer-Policy") in {
        "no-referrer",
        "same-origin",
        "strict-origin",
        "strict-origin-when-cross-origin",
    }:
        score += 5
    for morsel in response.cookies.values():
        if not morsel["secure"] or not morsel["httponly"]:
            score -= 40
    return score


@pytest.fixture
def site_pages(home_page):
    """One page of every public type, in English and Persian, with a cached video embed."""
    from news.factories import ArticleIndexPageFactory

    Embed.objects.create(
        url=VIDEO_URL,
        hash=get_embed_hash(VIDEO_URL),
        html='<iframe src="https://www.youtube-nocookie.com/embed/abc123"></iframe>',
        type="video",
        provider_name="YouTube",
    )
    articles = ArticleIndexPageFactory(parent=home_page)
    article = ArticlePageFactory(parent=articles)
    article.body = [("embed", VIDEO_URL)]
    article.save_revision().publish()
    media = MediaIndexPageFactory(parent=home_page)
    gallery_section = MediaSectionPageFactory(parent=media, title="Photo Gallery")
    video_section = MediaSectionPageFactory(parent=media, title="Videos", slug="videos")
    publications = PublicationsIndexPageFactory(parent=home_page)
    books = BookIndexPageFactory(parent=publications)
    pages = [
        home_page,
        articles,
        article,
        GalleryPageFactory(parent=gallery_section),
        VideoPageFactory(parent=video_section, embed_url=VIDEO_URL),
        BookPageFactory(parent=books),
        StandardPageFactory(parent=home_page, title="About Us", slug="about-us"),
        ContactPageFactory(parent=home_page),
    ]
    make_edition(home_page, "fa")
    translate(articles, "fa")
    translate(article, "fa")
    return [page.url for page in pages] + [
        f"{article.url.replace('/en/', '/fa/')}",
        "/en/search/?q=news",
        "/en/articles/feed/",
        "/en/no-such-page/",
    ]


class InlineCodeFinder(HTMLParser):
    """Everything on a page that a script-src/style-src 'self' policy would block."""

    def __init__(self):
        super().__init__()
        self.violations = []
        self.frames = []
        self._in_inline_script = False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        for name, value in attrs.items():
            if name.startswith("on"):
                self.violations.append(f"<{tag} {name}>")
            if name == "style":
                self.violations.append(f"<{tag} style>")
            if name in ("href", "src", "action") and (value or "").strip().startswith(
                "javascript:"
            ):
                self.violations.append(f"<{tag} {name}=javascript:>")
        if tag == "style":
            self.violations.append("<style>")
        if tag == "script":
            source = attrs.get("src")
            # JSON data blocks (JSON-LD, the userbar's json_script) are never executed.
            if source is None and attrs.get("type") not in DATA_BLOCK_TYPES:
                self.violations.append("inline <script>")
            if source and urlsplit(source).netloc not in ("", "testserver"):
                self.violations.append(f"foreign script {source}")
        if tag == "iframe":
            self.frames.append(attrs.get("src", ""))


@pytest.mark.django_db
def test_every_public_page_sends_the_strict_policy_and_obeys_it(client, site_pages):
    for url in site_pages:
        response = client.get(url)
        assert response.status_code in (200, 404), url
        policy = csp(response)
        assert policy["default-src"] == "'none'"
        assert policy["script-src"] == "'self'", url
        assert policy["style-src"] == "'self'", url
        assert policy["object-src"] == "'none'"
        assert policy["frame-ancestors"] == "'none'"
        assert policy["base-uri"] == "'none'"
        assert policy["form-action"] == "'self'"
        if "html" not in response["Content-Type"]:
            continue
        finder = InlineCodeFinder()
        finder.feed(response.content.decode())
        assert finder.violations == [], (url, finder.violations)
        allowed_frames = policy["frame-src"].split()
        for frame in finder.frames:
            origin = "{0.scheme}://{0.netloc}".format(urlsplit(frame))
            assert origin in allowed_frames, (url, frame)


@pytest.mark.django_db
def test_the_video_player_is_on_the_page_and_allowed_to_load(client, site_pages):
    article_url = site_pages[2]
    response = client.get(article_url)
    assert "youtube-nocookie.com/embed/abc123" in response.content.decode()
    assert "https://www.youtube-nocookie.com" in csp(response)["frame-src"].split()


@pytest.mark.django_db
def test_other_protective_headers_on_a_public_page(client, home_page):
    response = client.get(home_page.url)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "strict-origin-when-cross-origin"
    assert response["Cross-Origin-Opener-Policy"] == "same-origin"
    assert response["X-Frame-Options"] == "DENY"
    permissions = response["Permissions-Policy"]
    for feature in ("camera=()", "microphone=()", "geolocation=()", "payment=()"):
        assert feature in permissions
    assert "fullscreen" not in permissions  # video players may go full screen


@pytest.mark.django_db
def test_the_admin_has_its_own_policy(client, admin_user):
    response = client.get("/admin/login/")
    policy = csp(response)
    assert policy["frame-ancestors"] == "'self'"  # the page editor's live preview frame
    assert policy["object-src"] == "'none'"
    assert "'unsafe-inline'" in policy["script-src"]  # wagtailmedia's chooser, Draftail
    client.force_login(admin_user)
    assert "'unsafe-inline'" in csp(client.get("/admin/"))["script-src"]


@pytest.mark.django_db
def test_the_userbar_for_editors_loads_from_the_site_itself(client, home_page, admin_user):
    client.force_login(admin_user)
    response = client.get(home_page.url)
    body = response.content.decode()
    assert "wagtail-userbar" in body
    finder = InlineCodeFinder()
    finder.feed(body)
    assert finder.violations == []


def test_production_settings_are_secure_by_default(production):
    assert production["SECURE_SSL_REDIRECT"] is True
    assert production["SECURE_HSTS_SECONDS"] >= 31_536_000
    assert production["SECURE_HSTS_INCLUDE_SUBDOMAINS"] and production["SECURE_HSTS_PRELOAD"]
    assert production["SESSION_COOKIE_SECURE"] and production["CSRF_COOKIE_SECURE"]
    assert production["LANGUAGE_COOKIE_SECURE"]
    assert production["SESSION_COOKIE_NAME"] == "__Host-sessionid"
    assert production["CSRF_COOKIE_NAME"] == "__Host-csrftoken"
    assert production["SESSION_COOKIE_SAMESITE"] == "Lax"
    assert production["CSP_UPGRADE_INSECURE_REQUESTS"] is True


@pytest.mark.parametrize("relaxation", ["SECURE_SSL_REDIRECT", "SECURE_COOKIES"])
def test_https_can_be_relaxed_only_for_a_local_proxy_test(relaxation):
    refused = production_settings(**{relaxation: "false"})
    assert refused.returncode != 0
    assert "only allowed when ALLOWED_HOSTS lists local addresses" in refused.stderr
    local = production_settings(**{relaxation: "false", "ALLOWED_HOSTS": "localhost,127.0.0.1"})
    assert local.returncode == 0, local.stderr


@pytest.mark.django_db
def test_production_headers_grade_a_plus(client, home_page, production):
    with override_settings(**production):
        insecure = client.get(home_page.url, HTTP_HOST="nejatngo.org")
        assert insecure.status_code == 301
        assert insecure["Location"].startswith("https://nejatngo.org/")
        response = client.get(home_page.url, HTTP_HOST="nejatngo.org", secure=True)
    assert response.status_code == 200
    assert response["Strict-Transport-Security"] == "max-age=31536000; includeSubDomains; preload"
    assert csp(response)["upgrade-insecure-requests"] == ""
    assert not response.cookies  # a reader gets no cookie, so a CDN can cache the page
    assert observatory_score(response) >= 100


@pytest.mark.django_db
def test_staff_cookies_are_secure_httponly_and_same_site(client, home_page, production):
    from django.contrib.auth import get_user_model

    get_user_model().objects.create_superuser("editor", "e@example.org", "a-long-passphrase-1")
    with override_settings(**production):
        login_page = client.get("/admin/login/", HTTP_HOST="nejatngo.org", secure=True)
        token = login_page.cookies["__Host-csrftoken"]
        response = client.post(
            "/admin/login/",
            {"username": "editor", "password": "a-long-passphrase-1"},
            HTTP_HOST="nejatngo.org",
            HTTP_X_CSRFTOKEN=token.value,
            secure=True,
        )
    assert response.status_code == 302
    for name in ("__Host-sessionid", "__Host-csrftoken"):
        cookie = response.cookies.get(name) or login_page.cookies[name]
        assert cookie["secure"] and cookie["httponly"], name
        assert cookie["samesite"] == "Lax" and cookie["path"] == "/" and not cookie["domain"]
