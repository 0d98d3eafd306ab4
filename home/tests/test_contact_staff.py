"""Readers' messages are for "Contact staff" (and superusers) only, not for whoever may edit
the Contact us page: translators and editors can neither list, export nor delete them."""

import pytest
from django.contrib.auth.models import Group
from django.test import Client
from wagtail.contrib.forms.models import FormSubmission

from editions.groups import EDITION_TRANSLATOR_GROUPS
from home.factories import ContactPageFactory
from tests.editions_helpers import make_edition, translate
from tests.reader_forms import send_contact_message

MESSAGE = {"name": "Leyla", "email": "leyla@example.org", "message": "Private: call me."}


@pytest.fixture
def persian_contact_page(home_page):
    english = ContactPageFactory(parent=home_page, title="Contact us")
    make_edition(home_page, "fa")
    persian = translate(english, "fa", {"Contact us": "تماس با ما"})
    send_contact_message(Client(), persian, MESSAGE)
    assert FormSubmission.objects.filter(page=persian).count() == 1
    return persian


def member_of(django_user_model, username, group):
    user = django_user_model.objects.create_user(username=username, password="x" * 12)
    user.groups.add(Group.objects.get(name=group))
    return user


def urls(page):
    submission = FormSubmission.objects.get(page=page)
    selected = f"?selected-submissions={submission.pk}"
    return {
        "list": f"/admin/forms/submissions/{page.pk}/",
        "csv": f"/admin/forms/submissions/{page.pk}/?export=csv",
        "delete": f"/admin/forms/submissions/{page.pk}/delete/{selected}",
        "forms": "/admin/forms/",
    }


def body(response):
    content = b"".join(response.streaming_content) if response.streaming else response.content
    return content.decode()


@pytest.mark.django_db
def test_the_editions_translator_cannot_read_export_or_delete_messages(
    client, django_user_model, persian_contact_page
):
    translator = member_of(django_user_model, "persian", EDITION_TRANSLATOR_GROUPS["fa"])
    # The translator may edit the page itself: that is what Wagtail went by.
    assert persian_contact_page.permissions_for_user(translator).can_edit()
    client.force_login(translator)
    links = urls(persian_contact_page)
    for name in ("list", "csv", "delete"):
        response = client.get(links[name])
        assert response.status_code in (302, 403), name
        assert "Private: call me." not in body(response), name
    response = client.post(links["delete"])
    assert response.status_code in (302, 403)
    assert FormSubmission.objects.filter(page=persian_contact_page).exists()
    assert "Private: call me." not in body(client.get(links["forms"], follow=True))


@pytest.mark.django_db
def test_contact_staff_read_export_and_delete_messages_of_every_edition(
    client, django_user_model, persian_contact_page
):
    staff = member_of(django_user_model, "staff", "Contact staff")
    assert not persian_contact_page.permissions_for_user(staff).can_edit()
    client.force_login(staff)
    links = urls(persian_contact_page)
    assert persian_contact_page.title in client.get(links["forms"]).content.decode()
    response = client.get(links["list"])
    assert response.status_code == 200 and "Private: call me." in body(response)
    response = client.get(links["csv"])
    assert response.status_code == 200 and "Private: call me." in body(response)
    response = client.post(links["delete"])
    assert response.status_code == 302
    assert not FormSubmission.objects.filter(page=persian_contact_page).exists()


@pytest.mark.django_db
def test_superusers_still_read_messages(admin_client, persian_contact_page):
    response = admin_client.get(urls(persian_contact_page)["list"])
    assert response.status_code == 200 and "Private: call me." in body(response)
