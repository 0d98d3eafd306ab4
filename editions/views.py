from django.conf import settings
from django.http import HttpResponseRedirect
from django.utils import translation


def edition_redirect(request):
    """Send ``/`` to the visitor's edition: language cookie, then Accept-Language, then English."""
    language = translation.get_language_from_request(request, check_path=False)
    if language not in dict(settings.LANGUAGES):
        language = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    return response
