from django.conf import settings
from django.http import Http404, HttpResponseRedirect
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme

EDITION_CODES = dict(settings.LANGUAGES)


def edition_redirect(request):
    """Send ``/`` to the visitor's edition: language cookie, then Accept-Language, then English."""
    language = translation.get_language_from_request(request, check_path=False)
    if language not in EDITION_CODES:
        language = settings.LANGUAGE_CODE
    response = HttpResponseRedirect(f"/{language}/")
    response["Vary"] = "Accept-Language, Cookie"
    response["Cache-Control"] = "private, no-cache"
    return response


def switch_edition(request, language):
    """Remember a visitor's edition and take them to the page they chose in it.

    The switcher's links come here (a plain link, no JavaScript or form needed) so the
    choice is stored in Django's language cookie, which ``/`` then honours.
    """
    if language not in EDITION_CODES:
        raise Http404("Unknown edition")
    target = request.GET.get("next", "")
    if not (
        target.startswith(f"/{language}/")
        and url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()})
    ):
        target = f"/{language}/"
    response = HttpResponseRedirect(target)
    # Django's own language-cookie settings (HttpOnly, SameSite, Secure in production):
    # no script of the site reads the cookie, so none should be able to.
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        language,
        max_age=settings.LANGUAGE_COOKIE_AGE or 365 * 24 * 60 * 60,
        path=settings.LANGUAGE_COOKIE_PATH,
        domain=settings.LANGUAGE_COOKIE_DOMAIN,
        secure=settings.LANGUAGE_COOKIE_SECURE or request.is_secure(),
        httponly=settings.LANGUAGE_COOKIE_HTTPONLY,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
    )
    response["Cache-Control"] = "private, no-cache"
    return response
