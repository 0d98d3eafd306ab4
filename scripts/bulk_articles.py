"""Add thousands of live articles to an edition in seconds, for benchmarks and scale tests.

Publishing through the admin (or the factories) costs a revision, signals and a search
index update per page: minutes for a thousand articles, hours for fifty thousand. This
writes the same rows in bulk instead: Page rows with their tree path, depth, url_path,
locale and translation key, the ArticlePage rows, tags, and search index entries through
the search backend's own bulk indexer. The pages are live and public, as published pages
are; they simply have no revision history.
"""

import datetime
import random
import uuid

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from caching.purge import Purge
from caching.tags import recent_tag
from news.models import ArticlePage, ArticlePageTag, Category

BATCH = 500
# Generated text: a Zipf-like vocabulary, so a search word is found in a few articles, as in
# a real archive, rather than in every one.
SYLLABLES = ["ka", "lo", "mi", "ren", "sa", "tu", "vel", "dor", "an", "is", "qu", "zen"]
COMMON = "the of and to in a on for with by from report said families camp meeting".split()
# Generated articles contain this word now and then (about one in a hundred), so a search
# for it finds a share of the archive that grows with it.
RARE_WORD = "reunion"


def _vocabulary(size, rng):
    words = set()
    while len(words) < size:
        words.add("".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 4))))
    return sorted(words)


def _paragraph(rng, vocabulary, words=60):
    picked = []
    for _ in range(words):
        if rng.random() < 0.45:
            picked.append(rng.choice(COMMON))
        else:
            # Low indices far more often: a few words are frequent, most are rare.
            picked.append(vocabulary[int(len(vocabulary) * rng.random() ** 3)])
    if rng.random() < 0.01:
        picked.insert(rng.randrange(len(picked)), RARE_WORD)
    return " ".join(picked).capitalize() + "."


def _moment(page):
    """The page's own date as an aware datetime (articles have one; media items and
    publications a plain date)."""
    value = getattr(page, "date", None) or getattr(page, "publication_date", None)
    if isinstance(value, datetime.date) and not isinstance(value, datetime.datetime):
        value = timezone.make_aware(datetime.datetime.combine(value, datetime.time(9)))
    return value


def _next_step(parent):
    last = (
        Page.objects.filter(path__startswith=parent.path, depth=parent.depth + 1)
        .order_by("-path")
        .values_list("path", flat=True)
        .first()
    )
    return Page._str2int(last[-Page.steplen :]) + 1 if last else 1


@transaction.atomic
def add_pages(parent, pages):
    """Insert unsaved ``pages`` (instances of one page model, with title, slug and their
    own fields set) as live children of ``parent``, after its existing children."""
    parent = Page.objects.get(pk=parent.pk)
    step = _next_step(parent)
    depth = parent.depth + 1
    now = timezone.now()
    for n, page in enumerate(pages):
        page.path = Page._get_path(parent.path, depth, step + n)
        page.depth = depth
        page.numchild = 0
        page.url_path = f"{parent.url_path}{page.slug}/"
        page.locale_id = parent.locale_id
        page.translation_key = uuid.uuid4()
        page.draft_title = page.title
        page.live = True
        page.has_unpublished_changes = False
        page.first_published_at = page.last_published_at = _moment(page) or now
    for start in range(0, len(pages), BATCH):
        _insert_pages(pages[start : start + BATCH])
    Page.objects.filter(pk=parent.pk).update(numchild=F("numchild") + len(pages))
    # As publishing one of them would: what lists them (and what was counted or kept
    # from them) is purged, as Wagtail's signals would have done page by page.
    purge = Purge()
    purge.page(parent)
    edition = purge.edition_of(parent.locale_id)
    if edition:
        purge.tags.add(recent_tag(edition))  # new articles may be the newest
    purge.commit()
    return pages


def _insert_pages(pages):
    """Multi-table inheritance rules out ``bulk_create``: insert the Page rows (getting
    their ids back), then each subclass table's rows, the way ``Model.save`` does for one
    page."""
    model = type(pages[0])
    page_fields = [field for field in Page._meta.concrete_fields if not field.primary_key]
    content_type_id = ContentType.objects.get_for_model(model).pk
    rows = [Page(**{f.attname: getattr(page, f.attname) for f in page_fields}) for page in pages]
    for row in rows:
        row.content_type_id = content_type_id
    Page.objects.bulk_create(rows)
    for page, row in zip(pages, rows, strict=True):
        page.id = row.pk
        page._state.adding = False
    # Page's subclasses from the top down (MediaItemPage before CartoonPage).
    for table_model in [*reversed(model._meta.get_parent_list()), model]:
        if table_model is Page or table_model._meta.abstract:
            continue
        ptr = table_model._meta.pk
        for page in pages:
            setattr(page, ptr.attname, page.id)
        table_model._base_manager._insert(
            pages, fields=list(table_model._meta.local_concrete_fields), raw=True
        )


def add_articles(index_page, count, *, newest=None, seed=0, search_index=True, tags=()):
    """Add ``count`` live articles under ``index_page`` (an ArticleIndexPage), one hour
    apart going back from ``newest``, with the categories of the page's edition in turn,
    the images already used by articles, and ``tags`` (names) on every tenth article.
    Returns the new articles."""
    rng = random.Random(seed)
    vocabulary = _vocabulary(3000, rng)
    categories = list(Category.objects.filter(locale_id=index_page.locale_id).order_by("pk"))
    images = list(
        ArticlePage.objects.filter(hero_image__isnull=False)
        .order_by()
        .values_list("hero_image_id", flat=True)
        .distinct()[:20]
    ) or [None]
    newest = newest or timezone.now().replace(microsecond=0)
    stamp = uuid.uuid4().hex[:8]
    articles = []
    for n in range(count):
        title = " ".join(rng.choice(vocabulary) for _ in range(5)).capitalize()
        articles.append(
            ArticlePage(
                title=title,
                slug=f"generated-{stamp}-{n}",
                date=newest - datetime.timedelta(hours=n),
                category=categories[n % len(categories)] if categories else None,
                hero_image_id=images[n % len(images)],
                summary=_paragraph(rng, vocabulary, words=20),
                body=[
                    ("paragraph", f"<p>{_paragraph(rng, vocabulary)}</p>"),
                    ("paragraph", f"<p>{_paragraph(rng, vocabulary)}</p>"),
                ],
            )
        )
    with transaction.atomic():
        add_pages(index_page, articles)
        if tags:
            _tag(articles[::10], tags)
        if search_index:
            backend = get_search_backend()
            for start in range(0, count, BATCH):
                backend.add_bulk(ArticlePage, articles[start : start + BATCH])
    return articles


def _tag(articles, names):
    from taggit.models import Tag

    tags = [Tag.objects.get_or_create(name=name, defaults={"slug": name})[0] for name in names]
    ArticlePageTag.objects.bulk_create(
        [ArticlePageTag(content_object_id=a.pk, tag=tag) for a in articles for tag in tags]
    )
