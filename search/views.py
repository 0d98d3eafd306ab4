"""Site search: one edition's live pages, ranked, with highlighted excerpts."""

import operator
import re
from functools import reduce
from urllib.parse import urlencode

from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVectorField
from django.core.cache import cache
from django.core.paginator import EmptyPage, Paginator
from django.db.models import Count, F, Func, IntegerField, Value, Window
from django.db.models.functions import Cast
from django.http import Http404
from django.shortcuts import render
from django.utils.html import escape
from django.utils.safestring import mark_safe
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from core import compat
from core.pagination import page_number, paginate
from core.querysets import public_pages
from core.routing import active_locale_id, find_site, restricted_paths
from core.text import fold, fold_with_positions
from search.backend import searchable_models, uses_search_entries
from search.models import SearchEntry

MAX_QUERY_LENGTH = 200
RESULTS_PER_PAGE = 10
EXCERPT_LENGTH = 240
RESULT_DETAILS_SECONDS = 24 * 60 * 60
NOT_A_WORD = re.compile(r"[^\w\s]+")


def searchable_pages(locale, restricted_paths=None):
    """The edition's live, public pages that search lists (``restricted_paths``: the tree
    paths of restricted pages when known, see ``core.querysets.public_pages``)."""
    # Search backends filter only on Page's own indexed fields, so aliases are excluded
    # through their ids (few), not `alias_of`: the search then starts from the matching
    # index entries, not from every page of the edition.
    aliases = Page.objects.filter(locale=locale, alias_of__isnull=False).values("pk")
    pages = (
        Page.objects.live().filter(locale=locale).exclude(pk__in=aliases).type(*searchable_models())
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
        locale, restricted = active_locale_id(request), restricted_paths(request)
        if uses_search_entries():
            results = ranked_entries(request, locale, terms, restricted)
        else:
            found = searchable_pages(locale, restricted).search(" ".join(terms), operator="and")
            results = paginate(request, found, RESULTS_PER_PAGE)
            results.object_list = [page.pk for page in results.object_list]
        results.object_list = search_results(results.object_list, terms)
    return render(
        request,
        "search/search.html",
        {
            "search_query": query,
            "search_results": results,
            "search_terms": terms,
            "search_querystring": urlencode({"q": query}),
        },
    )


def matching_entries(locale, terms, restricted_paths):
    """The edition's ``SearchEntry`` rows matching all ``terms``, best first, each with
    ``total`` (their number). Ranked as Wagtail ranks its own index: title and body by
    their weights, the title by its norm."""
    config = get_search_backend().config
    query = reduce(
        operator.and_, [SearchQuery(term, config=config, search_type="plain") for term in terms]
    )
    weights = compat.search_weights()
    document = Func(
        F("title"),
        F("body"),
        arg_joiner=" || ",
        template="(%(expressions)s)",
        output_field=SearchVectorField(),
    )
    # The edition typed as its column: psycopg sends a small number as a smallint, and
    # btree_gin's integer class (the edition's part of the index) compares integers only;
    # with a smallint the index would find every edition's matches.
    edition = Cast(Value(locale), IntegerField())
    entries = (
        SearchEntry.objects.filter(locale_id=edition)
        .alias(document=document)
        .filter(document=query)
    )
    if restricted_paths is None:
        entries = entries.filter(
            page_id__in=public_pages(Page.objects.filter(locale=locale)).values("pk")
        )
    else:
        for path in restricted_paths:
            entries = entries.exclude(page__path__startswith=path)
    entries = entries.annotate(
        rank=SearchRank(F("title"), query, weights=weights) * F("title_norm")
        + SearchRank(F("body"), query, weights=weights),
        total=Window(Count("*")),
    ).order_by("-rank", "-page_id")
    return entries


def ranked_entries(request, locale, terms, restricted_paths):
    """One page (of page ids) of the edition's matches for ``terms`` (all of them), best
    first, from ``SearchEntry`` (PostgreSQL): found, ranked and counted in one query, whose
    cost follows the edition's matches, not the size of the archive."""
    entries = matching_entries(locale, terms, restricted_paths)

    number = page_number(request)
    offset = (number - 1) * RESULTS_PER_PAGE
    rows = list(entries.values_list("page_id", "total")[offset : offset + RESULTS_PER_PAGE])
    total = rows[0][1] if rows else 0
    paginator = Paginator(range(total), RESULTS_PER_PAGE)
    try:
        results = paginator.page(number)
    except EmptyPage as error:  # past the last page
        raise Http404("No such page") from error
    results.object_list = [page_id for page_id, _total in rows]
    return results


def search_results(page_ids, terms):
    """A ``SearchResult`` for each page of ``page_ids``, in that order.

    The pages come in one query; what a result shows of each beyond its title (the plain
    text its excerpt is cut from, its date) is kept in the cache for each version of the
    page, so only pages not shown since they changed are fetched whole (a body's text is
    long to extract, and the same pages come up again)."""
    pages = Page.objects.in_bulk(page_ids)
    keys = {pk: f"search-result:{page.cache_key}" for pk, page in pages.items()}
    try:
        details = cache.get_many(keys.values())
    except Exception:
        details = {}
    missing = [pk for pk, key in keys.items() if key not in details]
    if missing:
        made = {
            keys[page.pk]: (page_text(page), page_date(page))
            for page in Page.objects.filter(pk__in=missing).specific()
        }
        details.update(made)
        try:
            cache.set_many(made, RESULT_DETAILS_SECONDS)
        except Exception:
            pass  # made again next time
    return [
        SearchResult(pages[pk], terms, *details[keys[pk]])
        for pk in page_ids
        if pk in pages and keys[pk] in details
    ]


def page_text(page):
    plain_text = getattr(page, "plain_text", None)
    return plain_text() if plain_text else page.title


def page_date(page):
    return getattr(page, "date", None) or getattr(page, "publication_date", None)


class SearchResult:
    def __init__(self, page, terms, text, date):
        self.page = page
        self.terms = terms
        self.text = text
        self.date = date

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
