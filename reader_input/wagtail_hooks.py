from django.urls import path
from wagtail import hooks
from wagtail.contrib.forms.utils import get_form_types
from wagtail.models import Page

from reader_input.admin_views import MESSAGES_PERMISSION, ReadersMessagesFormsIndex


@hooks.register("filter_form_submissions_for_user")
def readers_messages_for_contact_staff_only(user, editable_forms):
    """Wagtail lets whoever may edit a form page read, export and delete its submissions:
    a translator of the Persian edition would read every message sent to the Persian
    Contact us page. Messages are readers' personal data, for the people meant to answer
    them: those allowed to view form submissions ("Contact staff", and superusers), on every
    form page, whether or not they may edit the page itself."""
    if not user.has_perm(MESSAGES_PERMISSION):
        return editable_forms.none()
    return Page.objects.filter(content_type__in=get_form_types())


@hooks.register("register_admin_urls")
def register_forms_index():
    # Hooks run in INSTALLED_APPS order, so these come before wagtail.contrib.forms' own
    # "forms/" and answer wagtailforms:index (the Forms menu item's link).
    return [
        path("forms/", ReadersMessagesFormsIndex.as_view(), name="readers_messages_forms"),
        path(
            "forms/results/",
            ReadersMessagesFormsIndex.as_view(results_only=True),
            name="readers_messages_forms_results",
        ),
    ]
