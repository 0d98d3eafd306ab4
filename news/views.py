from urllib.parse import urlencode

from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.utils import translation
from django.utils.cache import add_never_cache_headers
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_POST

from news.comments import accepts_comments, post_comment
from news.models import ArticlePage
from reader_input.antispam import is_same_origin


# No CSRF token: article pages are served from the page cache to anonymous readers, and
# this endpoint acts on no one's authority (it only ever creates a pending comment, the
# same for every visitor). Cross-site posting is refused by the Origin/Referer check;
# spam by the rules in reader_input/antispam.py.
@csrf_exempt
@require_POST
def post_comment_view(request, page_id):
    """/<lang>/comments/<page id>/post/: store a reader's comment for moderation.

    Accepted: redirect to the article with ``?comment=pending#comments`` (the notice is
    rendered from the query parameter, so a cached page can show it). Refused: the article
    again with the form's errors and the reader's text (200, or 429 over the rate limit),
    nothing stored. Closed or switched-off comments: 403. Unknown, unpublished, private,
    alias or other-edition pages: 404.
    """
    page = get_object_or_404(
        ArticlePage.objects.live()
        .public()
        .filter(alias_of__isnull=True, locale__language_code=translation.get_language()),
        pk=page_id,
    )
    if not is_same_origin(request):
        raise PermissionDenied("Comments are posted from the site's own pages.")

    if not accepts_comments(page, request):
        response = page.serve(request)
        response.status_code = 403
    else:
        comment, form = post_comment(request, page)
        if comment is not None:
            url = page.get_url(request) + "?" + urlencode({"comment": "pending"}) + "#comments"
            response = HttpResponseRedirect(url)
        else:
            response = page.serve(request, comment_form=form)
            response.status_code = 429 if form.is_rate_limited else 200
    add_never_cache_headers(response)
    return response
