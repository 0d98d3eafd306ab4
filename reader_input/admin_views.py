from django.core.exceptions import PermissionDenied
from wagtail.contrib.forms.views import FormPagesListView

# Who may read readers' messages: "Contact staff" and superusers (reader_input/0001).
MESSAGES_PERMISSION = "wagtailforms.view_formsubmission"


class ReadersMessagesFormsIndex(FormPagesListView):
    """Wagtail's Forms listing, open to whoever may read readers' messages.

    Wagtail's own asks for a permission on some page (add, change, publish…), which Contact
    staff do not need and should not have; which forms are listed is still decided by
    get_forms_for_user() and the filter_form_submissions_for_user hook."""

    any_permission_required = None
    permission_required = None

    def dispatch(self, request, *args, **kwargs):
        if not request.user.has_perm(MESSAGES_PERMISSION):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)
