from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from home.models import ContactPage
from reader_input.antispam import is_same_origin


# No CSRF token, like comments (see reader_input/antispam.py): the contact page may be served from
# the page cache, and this endpoint acts on no one's authority; cross-site posts are refused
# by the Origin/Referer check, spam by the rules in reader_input.antispam.
@csrf_exempt
@require_POST
def send_contact_message(request, page_id):
    """/<lang>/contact/<page id>/send/: the contact form's action; ContactPage.serve does
    the rest (thank-you page, or the form again with its errors)."""
    # An alias (an edition showing the English form until it is translated) takes
    # messages too: its submissions are listed under the alias page.
    page = get_object_or_404(
        ContactPage.objects.live()
        .public()
        .filter(locale__language_code=translation.get_language()),
        pk=page_id,
    )
    if not is_same_origin(request):
        raise PermissionDenied("Messages are sent from the site's own pages.")
    response = page.serve(request)
    add_never_cache_headers(response)
    return response
