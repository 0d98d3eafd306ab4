"""The admin's front door: lockout after repeated failures, strong passwords, optional
two-factor codes for staff, and an admin address that can be moved."""

import os
import subprocess
import sys
from io import StringIO
from pathlib import Path

import pytest
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django_otp.oath import TOTP
from django_otp.plugins.otp_totp.models import TOTPDevice

ROOT = Path(__file__).resolve().parents[2]
PASSWORD = "correct-horse-battery-staple"


@pytest.fixture(autouse=True)
def lockout_enabled(settings):
    """As in production (the test settings switch django-axes off for client.login)."""
    settings.AXES_ENABLED = True


@pytest.fixture
def editor(django_user_model):
    return django_user_model.objects.create_user(
        "editor", "editor@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


@pytest.fixture
def reporter(django_user_model):
    return django_user_model.objects.create_user(
        "reporter", "reporter@example.org", PASSWORD, is_staff=True, is_superuser=True
    )


def sign_in(client, password, username="editor", **extra):
    return client.post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}, **extra
    )


@pytest.mark.django_db
def test_admin_sign_in_is_locked_after_five_failures_and_reset_lifts_it(client, editor, reporter):
    for _ in range(4):
        response = sign_in(client, "wrong-password")
        assert response.status_code == 200  # the form again, with an error
    assert sign_in(client, "wrong-password").status_code == 429
    # Even the right password is refused from this address now, whoever signs in.
    locked = sign_in(client, PASSWORD)
    assert locked.status_code == 429
    assert sign_in(client, PASSWORD, "reporter").status_code == 429
    assert "_auth_user_id" not in client.session

    # Another reader's address is not affected, for another username.
    assert sign_in(client, PASSWORD, "reporter", REMOTE_ADDR="203.0.113.9").status_code == 302
    client.logout()

    call_command("axes_reset", stdout=StringIO())
    assert sign_in(client, PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_lockout_counts_the_reader_behind_a_trusted_proxy(client, editor, reporter, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    proxy = {"REMOTE_ADDR": "10.0.0.1"}
    for _ in range(5):
        sign_in(client, "wrong-password", HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy)
    assert (
        sign_in(client, PASSWORD, HTTP_X_FORWARDED_FOR="198.51.100.7", **proxy).status_code == 429
    )
    # Other readers behind the same proxy can still sign in.
    other_reader = sign_in(
        client, PASSWORD, "reporter", HTTP_X_FORWARDED_FOR="198.51.100.8", **proxy
    )
    assert other_reader.status_code == 302


@pytest.mark.django_db
def test_a_username_is_locked_after_five_failures_whatever_the_address(client, editor, reporter):
    """Guessing one staff member's password from a new address each time is stopped too."""
    for number in range(5):
        sign_in(client, "wrong-password", REMOTE_ADDR=f"198.51.100.{number + 1}")
    locked = sign_in(client, PASSWORD, REMOTE_ADDR="203.0.113.50")
    assert locked.status_code == 429
    assert "_auth_user_id" not in client.session
    # Other staff, from any of those addresses, are not affected.
    assert sign_in(client, PASSWORD, "reporter", REMOTE_ADDR="198.51.100.1").status_code == 302
    client.logout()

    call_command("axes_reset_username", "editor", stdout=StringIO())
    assert sign_in(client, PASSWORD, REMOTE_ADDR="203.0.113.50").status_code == 302


@pytest.mark.django_db
def test_ipv6_senders_are_counted_by_their_64_network(client, editor, reporter):
    """One IPv6 customer has a /64 (billions of addresses): a new address for each try
    does not reset the count. Each try is for another username, so only the network locks."""
    for number in range(5):
        sign_in(
            client, "wrong-password", f"nobody{number}", REMOTE_ADDR=f"2001:db8:5:7::{number:x}"
        )
    from_same_network = sign_in(client, PASSWORD, REMOTE_ADDR="2001:db8:5:7:abcd:1:2:3")
    assert from_same_network.status_code == 429
    # The next /64 is someone else; IPv4 addresses still count one by one.
    assert sign_in(client, PASSWORD, "reporter", REMOTE_ADDR="2001:db8:5:8::1").status_code == 302


def test_the_lockout_address_is_ipv4_as_it_is_and_ipv6_as_its_64(rf, settings):
    from reader_input.rate_limits import client_network_address

    settings.TRUSTED_PROXY_COUNT = 0
    for address, counted in [
        ("198.51.100.7", "198.51.100.7"),
        ("2001:db8:5:7:abcd:1:2:3", "2001:db8:5:7::"),
        ("2001:DB8:5:7::", "2001:db8:5:7::"),
        ("::ffff:198.51.100.7", "198.51.100.7"),
        ("", ""),
    ]:
        assert client_network_address(rf.get("/", REMOTE_ADDR=address)) == counted


@pytest.mark.parametrize(
    "password", ["short-pw1", "password123456", "12345678901234", "editor-editor"]
)
@pytest.mark.django_db
def test_weak_passwords_are_refused(password, django_user_model):
    user = django_user_model(username="editor-editor", email="editor@example.org")
    with pytest.raises(ValidationError):
        validate_password(password, user)


@pytest.mark.django_db
def test_a_long_unusual_passphrase_is_accepted(django_user_model):
    validate_password("amber-violin-harbour-47", django_user_model(username="editor"))


def test_the_admin_address_is_configurable():
    script = """
import django
django.setup()
from django.urls import Resolver404, resolve, reverse
from operations.security import is_admin_path
print(reverse("wagtailadmin_login"))
try:
    print(resolve("/admin/").url_name)
except Resolver404:
    print(404)
print(is_admin_path("/cms-private/pages/"), is_admin_path("/admin/"))
"""
    result = subprocess.run(
        [sys.executable, "-c", script],
        cwd=ROOT,
        env={
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "config.settings.test",
            "WAGTAILADMIN_PATH": "cms-private",
        },
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    login, old_admin, admin_paths = result.stdout.strip().splitlines()[-3:]
    assert login == "/cms-private/login/"
    assert old_admin == "404"  # /admin/ is now just a missing page
    assert admin_paths == "True False"


@pytest.mark.django_db
def test_staff_avatars_never_come_from_gravatar(client, editor):
    """No hash of a staff e-mail address is sent to a third party: without an uploaded
    avatar the admin shows Wagtail's default picture."""
    client.force_login(editor)
    for url in ("/admin/", "/admin/account/", "/admin/users/"):
        response = client.get(url)
        assert response.status_code == 200
        html = response.content.decode()
        assert "gravatar" not in html.lower(), url
        assert "default-user-avatar" in html, url


def test_the_dashboard_asks_no_third_party_for_a_newer_wagtail(admin_client):
    html = admin_client.get("/admin/").content.decode()
    assert "w-upgrade" not in html
    assert "releases.wagtail.org" not in html


# Two-factor authentication ------------------------------------------------------------------


@pytest.fixture
def two_factor(settings):
    settings.WAGTAIL_2FA_ENABLED = True
    middleware = list(settings.MIDDLEWARE)
    middleware.insert(
        middleware.index("django.contrib.auth.middleware.AuthenticationMiddleware") + 1,
        "operations.two_factor.StaffTwoFactorMiddleware",
    )
    settings.MIDDLEWARE = middleware


def current_code(device):
    return TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift).token()


def code_string(device):
    return str(current_code(device)).zfill(device.digits)


def wait_out_throttle(device):
    """django-otp refuses any code for 1 s, 2 s, 4 s... after each wrong one."""
    TOTPDevice.objects.filter(pk=device.pk).update(
        throttling_failure_count=0, throttling_failure_timestamp=None
    )


@pytest.mark.django_db
def test_two_factor_is_off_by_default(client, editor, settings):
    assert settings.WAGTAIL_2FA_ENABLED is False
    assert "operations.two_factor.StaffTwoFactorMiddleware" not in settings.MIDDLEWARE
    TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    sign_in(client, PASSWORD)
    assert client.get("/admin/").status_code == 200
    assert client.get("/admin/2fa/setup/", follow=True).status_code == 404


@pytest.mark.django_db
def test_staff_without_a_device_are_not_asked_for_a_code(client, editor, two_factor):
    assert sign_in(client, PASSWORD).status_code == 302
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_staff_enrol_with_a_qr_code_and_one_confirming_code(client, editor, two_factor):
    sign_in(client, PASSWORD)
    page = client.get("/admin/2fa/setup/")
    assert page.status_code == 200
    assert "<svg" in page.content.decode()
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    assert "Nejat" in device.config_url

    refused = client.post("/admin/2fa/setup/", {"otp_token": "000000"})
    assert refused.status_code == 200
    assert not TOTPDevice.objects.filter(user=editor, confirmed=True).exists()

    wait_out_throttle(device)
    client.post("/admin/2fa/setup/", {"otp_token": code_string(device)})
    device.refresh_from_db()
    assert device.confirmed
    assert client.get("/admin/").status_code == 200  # verified in this session already


@pytest.mark.django_db
def test_staff_with_a_device_must_enter_a_code_after_the_password(client, editor, two_factor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    assert sign_in(client, PASSWORD).status_code == 302

    for path in ("/admin/", "/admin/pages/", "/admin/2fa/setup/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith("/admin/2fa/verify/?next=")

    assert client.get("/en/").status_code != 302  # the public site is not gated

    wrong = client.post("/admin/2fa/verify/?next=/admin/pages/", {"otp_token": "123456"})
    assert wrong.status_code == 200
    assert "not valid" in wrong.content.decode()
    assert client.get("/admin/").status_code == 302
    # Straight away, even the right code is refused (throttled).
    assert client.post("/admin/2fa/verify/", {"otp_token": code_string(device)}).status_code == 200

    wait_out_throttle(device)
    right = client.post(
        "/admin/2fa/verify/", {"otp_token": code_string(device), "next": "/admin/pages/"}
    )
    assert right.status_code == 302 and right["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.django_db
def test_the_code_page_never_redirects_elsewhere(client, editor, two_factor):
    device = TOTPDevice.objects.create(user=editor, name="phone", confirmed=True)
    sign_in(client, PASSWORD)
    response = client.post(
        "/admin/2fa/verify/", {"otp_token": code_string(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"
