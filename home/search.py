"""Site search: one edition's live pages, ranked, with highlighted excerpts."""

import re
from urllib.parse import urlencode

from django.core.cache import cache
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page

from editions.search_text import fold, fold_with_positions
from home.pagination import paginate
from home.querysets import public_pages
from home.routing import active_locale_id, find_site, restricted_paths

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
EXCERPT_LENGTH = 240
PLAIN_TEXT_SECONDS = 24 * 60 * 60
NOT_A_WORD = re.compile(r"[^\w\s]+")


def searchable_pages(locale, restricted_paths=None):
    """The edition's live, public pages that search lists (``restricted_paths``: the tree
    paths of restricted pages when known, see ``home.querysets.public_pages``)."""
    from media_pages.models import MediaItemPage
    from news.models import ArticlePage
    from publications.models import PublicationPage

    # Search backends filter only on Page's own indexed fields, so aliases are excluded
    # through their ids (few), not `alias_of`: the search then starts from the matching
    # index entries, not from every page of the edition.
    aliases = Page.objects.filter(locale=locale, alias_of__isnull=False).values("pk")
    pages = (
        Page.objects.live()
        .filter(locale=locale)
        .exclude(pk__in=aliases)
        .type(ArticlePage, MediaItemPage, PublicationPage)
    )
    # Readers' search never lists private pages: excluded by path when the restricted
    # pages are known, else by a subquery (never the extra query of PageQuerySet.public()).
    if restricted_paths is not None:
        for path in restricted_paths:
            pages = pages.exclude(path__startswith=path)
        return pages
    return pages.filter(pk__in=public_pages(Page.objects.filter(locale=locale)).values("pk"))


def query_terms(query):
    """The words of a query, folded, without punctuation or operators of any syntax.

    Visitors paste anything into a search box: quotes, SQL, regular expressions, ten
    thousand characters. Only words reach the search backend.
    """
    words = NOT_A_WORD.sub(" ", fold(query[:MAX_QUERY_LENGTH])).split()
    return list(dict.fromkeys(words))


def search(request):
    find_site(request)  # kept for the rest of the request (settings, URLs, menus)
    query = request.GET.get("q", "")[:MAX_QUERY_LENGTH].strip()
    terms = query_terms(query)
    results = None
    if terms:
        pages = searchable_pages(active_locale_id(request), restricted_paths(request))
        found = pages.search(" ".join(terms), operator="and")
        results = paginate(request, found, RESULTS_PER_PAGE)
        specific = {
            page.pk: page
            for page in Page.objects.filter(pk__in=[page.pk for page in results]).specific()
        }
        pages = [specific.get(page.pk, page) for page in results.object_list]
        texts = plain_texts(pages)
        results.object_list = [SearchResult(page, terms, texts[page.pk]) for page in pages]
    return render(
        request,
        "home/search.html",
        {
            "search_query": query,
            "search_results": results,
            "search_terms": terms,
            "search_querystring": urlencode({"q": query}),
        },
    )


def plain_texts(pages):
    """Each page's plain text by id (for excerpts), kept in the cache for each version of
    the page: a body's text is long to extract and the same pages come up again."""
    keys = {page.pk: f"plain-text:{page.cache_key}" for page in pages}
    try:
        found = cache.get_many(keys.values())
    except Exception:
        found = {}
    texts, missing = {}, {}
    for page in pages:
        text = found.get(keys[page.pk])
        if text is None:
            plain_text = getattr(page, "plain_text", None)
            text = plain_text() if plain_text else page.title
            missing[keys[page.pk]] = text
        texts[page.pk] = text
    if missing:
        try:
            cache.set_many(missing, PLAIN_TEXT_SECONDS)
        except Exception:
            pass  # excerpts are made again next time
    return texts


class SearchResult:
    def __init__(self, page, terms, text):
        self.page = page
        self.terms = terms
        self.text = text

    @property
    def date(self):
        return getattr(self.page, "date", None) or getattr(self.page, "publication_date", None)

    @property
    def excerpt(self):
        return highlight(self.text, self.terms)


def highlight(text, terms, length=EXCERPT_LENGTH):
    """An excerpt of `text` around the first matching term, matches wrapped in <mark>.

    Matching happens on folded text, so ي in the query marks ی in the page.
    """
    text = " ".join(text.split())
    folded, positions = fold_with_positions(text)
    spans = []
    for term in terms:
        for match in re.finditer(re.escape(term), folded):
            start = positions[match.start()]
            end = positions[match.end() - 1] + 1
            spans.append((start, end))
    spans.sort()
    first = spans[0][0] if spans else 0
    window_start = max(0, first - length // 3)
    if window_start:
        space = text.find(" ", window_start)
        window_start = space + 1 if 0 <= space < first else window_start
    window_end = min(len(text), window_start + length)

    pieces, cursor = [], window_start
    for start, end in spans:
        if start < cursor or end > window_end:
            continue
        pieces.append(escape(text[cursor:start]))
        pieces.append(f"<mark>{escape(text[start:end])}</mark>")
        cursor = end
    pieces.append(escape(text[cursor:window_end]))
    prefix = "… " if window_start else ""
    suffix = " …" if window_end < len(text) else ""
    return mark_safe(prefix + "".join(pieces) + suffix)
