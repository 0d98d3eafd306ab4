"""What a page tells search engines and social networks: its <title> and description, Open
Graph and Twitter card tags, and schema.org structured data (JSON-LD).

Small functions of plain values, put together by ``{% page_meta %}``
(``metadata.templatetags.meta_tags``), which gathers the page, the edition's site identity,
home page and logo from the request-memoised helpers the header already uses, so the
metadata costs at most a few queries per page (the article's tags, the share image's
rendition) and none per item.

Choices:

* ``og:locale`` is the edition's language with the territory Facebook expects
  (``OG_LOCALES``): English as en_GB (the organisation writes British English), Arabic
  as ar_AR (Facebook's code for Arabic for every country), Persian as fa_IR, Albanian
  as sq_AL.
* The share image is a ``fill-1200x630`` rendition (1.91:1, what Facebook, X and
  LinkedIn crop to) of the page's own picture: ``hero_image``, ``image`` or ``cover``. A
  page without one is shared with the site logo, scaled to fit (``max-1200x630``: a logo
  is never cropped) and with the small ``summary`` Twitter card; ``summary_large_image``
  is for pages with their own picture.
* Nothing is indexable that is not an edition's own live page: search results, error
  pages and any other view without a page, aliases (copies of another edition's page),
  and a page served under another edition's prefix get ``noindex``, and no structured
  data.
"""

import datetime
import json
import re
from dataclasses import dataclass, field
from html import unescape
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import FieldDoesNotExist
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.translation import gettext
from wagtail.fields import RichTextField
from wagtail.images.models import SourceImageIOError

from core.images import fetch_deferred_renditions, rendition_filter

DESCRIPTION_LENGTH = 160
# Where a page keeps its standfirst or introduction, most specific first.
DESCRIPTION_FIELDS = ("summary", "intro", "caption", "description")
# Where a page keeps its main picture (articles, media items, publications).
IMAGE_FIELDS = ("hero_image", "image", "cover")
CAPTION_FIELDS = ("hero_caption", "caption")
SHARE_IMAGE_FILTER = "fill-1200x630"
LOGO_SHARE_FILTER = "max-1200x630"
# The header shows the logo at this size: its rendition is already made and cached.
LOGO_FILTER = "height-128"

OG_LOCALES = {"en": "en_GB", "ar": "ar_AR", "fa": "fa_IR", "sq": "sq_AL"}

SEARCH_TERM = "search_term_string"

_WHITESPACE = re.compile(r"\s+")
# What a cut description should not end with.
_TRAILING = " \t,;:–—-(«“‘\"'"


# --- Text -----------------------------------------------------------------------------


def one_line(text):
    """Plain text on one line: runs of whitespace (new lines, tabs) become one space."""
    return _WHITESPACE.sub(" ", str(text or "")).strip()


def plain_text(html):
    """Rich text (HTML) as one line of plain text: tags removed, entities decoded."""
    if not html:
        return ""
    return one_line(unescape(strip_tags(str(html))))


def field_text(obj, name):
    """The plain text of a text field: rich text fields lose their tags; plain text fields
    are kept as written (an editor's "a <b> c" is text, not a tag)."""
    value = getattr(obj, name, "")
    if not value:
        return ""
    try:
        is_rich = isinstance(obj._meta.get_field(name), RichTextField)
    except (AttributeError, FieldDoesNotExist):
        is_rich = False
    return plain_text(value) if is_rich else one_line(value)


def truncate(text, limit=DESCRIPTION_LENGTH):
    """Plain ``text`` on one line, cut to at most ``limit`` characters on a word boundary,
    with "…"."""
    text = one_line(text)
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if not text[limit - 1].isspace():  # the cut falls inside a word: drop that word
        space = cut.rfind(" ")
        if space > limit // 2:  # unless it is very long (a URL): cut where it must be
            cut = cut[:space]
    return cut.rstrip(_TRAILING) + "…"


def page_description(page):
    """The page's description: its search description, else its standfirst (summary,
    introduction, caption), as plain text of at most ``DESCRIPTION_LENGTH`` characters;
    "" when it has none."""
    for name in ("search_description", *DESCRIPTION_FIELDS):
        text = truncate(field_text(page, name))
        if text:
            return text
    return ""


def archive_description(archive):
    """An archive's description: the category's own, else a sentence saying what is
    listed ("Articles tagged “families”, newest first.")."""
    text = truncate(getattr(archive, "description", ""))
    if text:
        return text
    kind, title = getattr(archive, "kind", ""), str(getattr(archive, "title", ""))
    if kind == "category":
        text = gettext("Articles about %(category)s, newest first.") % {"category": title}
    elif kind == "tag":
        text = gettext("Articles tagged “%(tag)s”, newest first.") % {"tag": title}
    elif kind in ("year", "month"):
        text = gettext("Articles from %(period)s, newest first.") % {"period": title}
    return truncate(text)


def og_locale(code):
    """The Open Graph locale of an edition: ``fa`` gives ``fa_IR``."""
    return OG_LOCALES.get(code, code)


def isoformat(value):
    """A date or date and time as ISO 8601; a date and time in the site's time zone."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="seconds")
    return value.isoformat()


def absolute(request, url):
    """An absolute URL (Wagtail gives page URLs relative when there is a single site)."""
    if not url:
        return ""
    return url if urlsplit(url).scheme else request.build_absolute_uri(url)


# --- Images ---------------------------------------------------------------------------


@dataclass(frozen=True)
class ShareImage:
    url: str  # absolute
    width: int
    height: int
    alt: str = ""

    def as_schema(self):
        return {
            "@type": "ImageObject",
            "url": self.url,
            "width": self.width,
            "height": self.height,
        }


def main_image(page):
    """The page's own picture (hero image, media image or publication cover), or None."""
    for name in IMAGE_FIELDS:
        if getattr(page, name + "_id", None):
            return getattr(page, name)
    return None


def image_alt(page, image, language):
    """Words for the page's picture when it is shared, in the page's language: in the
    English edition the image's alt text (its description, written once, in English, in
    the image library), else the page's caption; in the other editions the caption,
    translated with the page. The page's title when there is none of these."""
    caption = next(filter(None, (field_text(page, name) for name in CAPTION_FIELDS)), "")
    candidates = [caption]
    if language == settings.LANGUAGE_CODE:
        candidates.insert(0, one_line(getattr(image, "description", "")))
    return next(filter(None, candidates), "") or one_line(page.title)


def share_image(request, image, filter_spec, alt=""):
    """A rendition of ``image`` as an absolute URL with its real size, or None when there
    is no image or its file is missing (a page is never an error because a file went)."""
    if image is None:
        return None
    try:
        fetch_deferred_renditions(image)
        rendition = image.get_rendition(rendition_filter(filter_spec))
    except SourceImageIOError:
        return None
    return ShareImage(
        url=request.build_absolute_uri(rendition.url),
        width=rendition.width,
        height=rendition.height,
        alt=one_line(alt),
    )


# --- Structured data (schema.org) -----------------------------------------------------


def json_ld(data):
    """``data`` as JSON safe to put between ``<script type="application/ld+json">`` and
    ``</script>``: "<", ">" and "&" are written as \\u escapes (which JSON reads back as
    the same characters), so no title can close the script or open a comment."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    text = text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return mark_safe(text)


def graph(*nodes):
    """A schema.org ``@graph`` of the nodes given (None and empty ones left out)."""
    return {"@context": "https://schema.org", "@graph": [node for node in nodes if node]}


def organization(name, url, logo=None, same_as=()):
    node = {"@type": "Organization", "@id": url + "#organization", "name": name, "url": url}
    if logo is not None:
        node["logo"] = logo.as_schema()
    if same_as:
        node["sameAs"] = list(same_as)
    return node


def website(name, url, search_url, language, description="", publisher_id=""):
    """The edition as a ``WebSite`` whose search box Google may offer: ``search_url`` is the
    edition's search address; the query goes in ``?q=``."""
    node = {
        "@type": "WebSite",
        "@id": url + "#website",
        "url": url,
        "name": name,
        "inLanguage": language,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {
                "@type": "EntryPoint",
                "urlTemplate": f"{search_url}?q={{{SEARCH_TERM}}}",
            },
            "query-input": f"required name={SEARCH_TERM}",
        },
    }
    if description:
        node["description"] = description
    if publisher_id:
        node["publisher"] = {"@id": publisher_id}
    return node


def breadcrumb_list(items):
    """A ``BreadcrumbList`` of (name, absolute URL) pairs, from the home page down."""
    if len(items) < 2:
        return None
    return {
        "@type": "BreadcrumbList",
        "itemListElement": [
            {"@type": "ListItem", "position": position, "name": name, "item": url}
            for position, (name, url) in enumerate(items, start=1)
        ],
    }


def news_article(
    *,
    url,
    headline,
    description,
    published,
    modified,
    language,
    publisher,
    author_name="",
    image=None,
    section="",
    keywords=(),
):
    """A ``NewsArticle``. Without a byline the organisation (``publisher``) is its author."""
    if author_name:
        author = {"@type": "Person", "name": author_name}
    else:
        author = {key: publisher[key] for key in ("@type", "@id", "name", "url")}
    node = {
        "@type": "NewsArticle",
        "@id": url + "#article",
        "url": url,
        "mainEntityOfPage": {"@type": "WebPage", "@id": url},
        "headline": headline,
        "description": description,
        "datePublished": isoformat(published),
        "dateModified": isoformat(modified or published),
        "inLanguage": language,
        "author": author,
        "publisher": publisher,
    }
    if image is not None:
        node["image"] = image.as_schema()
    if section:
        node["articleSection"] = section
    if keywords:
        node["keywords"] = list(keywords)
    return {key: value for key, value in node.items() if value not in ("", None)}


# --- Everything a page's <head> says ---------------------------------------------------


@dataclass
class PageMeta:
    """What ``templates/base.html`` writes in <head>. ``title`` is the page's own title;
    the document title adds ``title_suffix`` (the site name; the tagline on a home page)."""

    title: str
    title_suffix: str = ""
    description: str = ""
    url: str = ""  # the canonical address
    site_name: str = ""
    og_type: str = "website"
    locale: str = ""
    alternate_locales: list = field(default_factory=list)
    image: ShareImage | None = None
    has_own_image: bool = False
    article: dict = field(default_factory=dict)
    noindex: bool = False
    robots: str = ""
    structured_data: dict | None = None

    @property
    def document_title(self):
        if self.title and self.title_suffix:
            return f"{self.title} – {self.title_suffix}"
        return self.title or self.title_suffix

    @property
    def twitter_card(self):
        return "summary_large_image" if self.has_own_image else "summary"

    @property
    def social_tags(self):
        """(attribute, name, content) of every Open Graph and Twitter ``<meta>``, in order."""
        og = [
            ("og:type", self.og_type),
            ("og:title", self.title or self.site_name),
            ("og:description", self.description),
            ("og:url", self.url),
            ("og:site_name", self.site_name),
            ("og:locale", self.locale),
        ]
        og += [("og:locale:alternate", locale) for locale in self.alternate_locales]
        if self.image is not None:
            og += [
                ("og:image", self.image.url),
                ("og:image:width", str(self.image.width)),
                ("og:image:height", str(self.image.height)),
                ("og:image:alt", self.image.alt),
            ]
        article = self.article
        og += [
            ("article:published_time", article.get("published_time", "")),
            ("article:modified_time", article.get("modified_time", "")),
            ("article:section", article.get("section", "")),
        ]
        og += [("article:tag", tag) for tag in article.get("tags", ())]
        twitter = [
            ("twitter:card", self.twitter_card),
            ("twitter:title", self.title or self.site_name),
            ("twitter:description", self.description),
        ]
        if self.image is not None:
            twitter += [("twitter:image", self.image.url), ("twitter:image:alt", self.image.alt)]
        return [("property", name, value) for name, value in og if value] + [
            ("name", name, value) for name, value in twitter if value
        ]

    @property
    def json_ld(self):
        """The structured data as escaped JSON ("" when there is none)."""
        if not self.structured_data or not self.structured_data.get("@graph"):
            return ""
        return json_ld(self.structured_data)
