"""Request ids, JSON log lines in production, and the optional error tracker."""

import io
import json
import logging
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from django.conf import settings as django_settings
from django.urls import path

from config import urls as site_urls

ROOT = Path(__file__).resolve().parents[2]


def broken_view(request):
    raise RuntimeError("the printing press jammed")


# A URLconf for the error-tracker test: the site's own plus one view that fails.
urlpatterns = [path("broken/", broken_view), *site_urls.urlpatterns]
handler404 = site_urls.handler404
handler500 = site_urls.handler500


def run_production(code, **env):
    environment = {
        **{k: v for k, v in os.environ.items() if k not in {"SENTRY_DSN", "LOG_FORMAT"}},
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "s" * 60,
        "ALLOWED_HOSTS": "nejatngo.org",
        **env,
    }
    return subprocess.run(
        [sys.executable, "-c", "import django; django.setup()\n" + code],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
    )


@pytest.mark.django_db
def test_every_response_carries_its_own_request_id(client, home_page):
    first = client.get(home_page.url)["X-Request-ID"]
    second = client.get(home_page.url)["X-Request-ID"]
    assert re.fullmatch(r"[0-9a-f]{32}", first)
    assert first != second


@pytest.mark.django_db
def test_an_incoming_request_id_is_kept_only_from_a_trusted_proxy(client, home_page, settings):
    chosen = {"HTTP_X_REQUEST_ID": "cdn-7f3a9c"}
    assert client.get(home_page.url, **chosen)["X-Request-ID"] != "cdn-7f3a9c"
    settings.TRUSTED_PROXY_COUNT = 1
    assert client.get(home_page.url, **chosen)["X-Request-ID"] == "cdn-7f3a9c"
    forged = client.get(home_page.url, HTTP_X_REQUEST_ID="x\nfake log line")
    assert re.fullmatch(r"[0-9a-f]{32}", forged["X-Request-ID"])


@pytest.mark.django_db
def test_log_lines_are_json_with_the_request_id(client, home_page):
    """The formatter and filter configured in settings, on a real request."""
    from operations.security import RequestIdFilter

    options = dict(django_settings.LOGGING["formatters"]["json"])
    formatter_class = options.pop("()")
    module, name = formatter_class.rsplit(".", 1)
    formatter = getattr(__import__(module, fromlist=[name]), name)(**options)
    stream = io.StringIO()
    handler = logging.StreamHandler(stream)
    handler.addFilter(RequestIdFilter())
    handler.setFormatter(formatter)
    request_logger = logging.getLogger("nejat.request")
    request_logger.addHandler(handler)
    try:
        response = client.get(home_page.url)
    finally:
        request_logger.removeHandler(handler)

    lines = [json.loads(line) for line in stream.getvalue().splitlines()]
    assert len(lines) == 1
    line = lines[0]
    assert line["request_id"] == response["X-Request-ID"]
    assert line["level"] == "INFO" and line["logger"] == "nejat.request"
    assert line["method"] == "GET" and line["path"] == home_page.url and line["status"] == 200
    assert line["duration_ms"] >= 0
    assert "time" in line


def test_production_logs_json_and_text_on_request():
    code = "import logging; logging.getLogger('nejat.check').warning('press %s', 'run')"
    result = run_production(code)
    assert result.returncode == 0, result.stderr
    line = json.loads(result.stderr.strip().splitlines()[-1])
    assert line["message"] == "press run"
    assert line["level"] == "WARNING" and line["logger"] == "nejat.check"
    assert line["request_id"] == "-"  # outside a request

    text = run_production(code, LOG_FORMAT="text")
    assert "WARNING [-] nejat.check: press run" in text.stderr


def test_the_error_tracker_is_off_without_a_dsn_and_on_with_one():
    code = "from django.conf import settings; import sentry_sdk; print(settings.ERROR_TRACKER_ENABLED, sentry_sdk.is_initialized())"  # noqa: E501
    off = run_production(code)
    assert off.returncode == 0, off.stderr
    assert off.stdout.split() == ["False", "False"]
    # A DSN on this machine: initialising must not need the network.
    on = run_production(code, SENTRY_DSN="https://public@127.0.0.1:9/1")
    assert on.returncode == 0, on.stderr
    assert on.stdout.split() == ["True", "True"]


@pytest.mark.django_db
def test_an_unhandled_error_is_reported_with_its_request_id(client, settings):
    import sentry_sdk
    from sentry_sdk.transport import Transport

    from operations.error_tracking import init_error_tracker

    class CapturingTransport(Transport):
        events = []

        def capture_envelope(self, envelope):
            event = envelope.get_event()
            if event is not None:
                self.events.append(event)

    settings.ROOT_URLCONF = "operations.tests.test_logging"
    assert init_error_tracker(dsn="https://public@127.0.0.1:9/1", transport=CapturingTransport)
    try:
        client.raise_request_exception = False
        response = client.get("/broken/", HTTP_COOKIE="sessionid=secret-session")
        sentry_sdk.flush()
    finally:
        sentry_sdk.init()  # no DSN: reporting off again for the other tests
    assert response.status_code == 500
    [event] = CapturingTransport.events
    exception = event["exception"]["values"][-1]
    assert exception["type"] == "RuntimeError"
    assert exception["value"] == "the printing press jammed"
    assert event["tags"]["request_id"] == response["X-Request-ID"]
    assert "secret-session" not in json.dumps(event)  # no cookies or personal data


def test_a_cache_outage_logs_one_warning_line_per_skipped_call(caplog):
    from django_redis.exceptions import ConnectionInterrupted

    from operations.security import BriefCacheErrors

    cache_logger = logging.getLogger("django_redis.cache")
    assert any(isinstance(f, BriefCacheErrors) for f in cache_logger.filters)
    with caplog.at_level(logging.WARNING, logger="django_redis.cache"):
        try:
            raise ConnectionInterrupted(connection=None)
        except ConnectionInterrupted:
            cache_logger.exception("Exception ignored")
    [record] = caplog.records
    assert record.levelname == "WARNING" and record.exc_info is None
    assert record.getMessage().startswith("Cache unavailable, serving without it")
