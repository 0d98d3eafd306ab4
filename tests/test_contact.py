"""Contact us: a form editors define; every valid message is kept."""

import pytest
from django.core import mail
from wagtail.contrib.forms.models import FormSubmission

from home.factories import ContactPageFactory


@pytest.fixture
def contact_page(home_page):
    return ContactPageFactory(parent=home_page)


def valid_message(**overrides):
    return {"name": "Leyla", "email": "leyla@example.org", "message": "Hello.", **overrides}


@pytest.mark.django_db
def test_form_shows_the_editors_fields(client, contact_page):
    html = client.get(contact_page.url).content.decode()
    for name in ("name", "email", "message"):
        assert f'name="{name}"' in html
    assert "csrfmiddlewaretoken" in html


@pytest.mark.django_db
def test_a_message_is_stored_and_thanked(client, contact_page):
    response = client.post(contact_page.url, valid_message())
    assert response.status_code == 200
    assert "Thank you" in response.content.decode()
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.get_data()["message"] == "Hello."
    assert mail.outbox == []  # no staff address configured: kept in the admin only


@pytest.mark.django_db
def test_staff_are_emailed_when_an_address_is_configured(client, home_page):
    page = ContactPageFactory(
        parent=home_page, to_address="staff@example.org", from_address="site@example.org"
    )
    client.post(page.url, valid_message())
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["staff@example.org"]
    assert "Hello." in mail.outbox[0].body


@pytest.mark.django_db
@pytest.mark.parametrize(
    "overrides",
    [{"email": "not-an-address"}, {"message": ""}, {"name": ""}],
)
def test_invalid_messages_show_errors_and_store_nothing(client, contact_page, overrides):
    response = client.post(contact_page.url, valid_message(**overrides))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Thank you" not in html
    assert 'aria-invalid="true"' in html or "errorlist" in html
    assert not FormSubmission.objects.exists()


@pytest.mark.django_db
def test_submissions_are_listed_in_the_admin(admin_client, client, contact_page):
    client.post(contact_page.url, valid_message(message="Please call back."))
    response = admin_client.get(f"/admin/forms/submissions/{contact_page.pk}/")
    assert response.status_code == 200
    assert "Please call back." in response.content.decode()
