"""Rich text is cleaned with a real HTML5 parser before anyone sees it.

Rich text reaches pages from editors (Draftail), translators (wagtail-localize rebuilds it
from their strings), the WordPress importer and machine translation. Each path has its own
checks, and each check is a parser's opinion of the markup; the browser's is the one that
counts. So every rich text value is passed, on its way out, through Ammonia (nh3, which
parses with html5ever, the HTML5 parser of Servo): only the elements and attributes the
editor can produce survive, comments are dropped, and links keep only web, mail and phone
addresses. ``core/templates/wagtailcore/shared/richtext.html`` does it for every rich text
value and every ``|richtext`` filter, previews and the admin included.

Links to pages and documents are expanded by Wagtail before this runs: their addresses are
the site's own, kept as they are.
"""

import nh3
from django.utils.safestring import mark_safe

# What Draftail's features (settings.WAGTAILADMIN_RICH_TEXT_EDITORS and the fields' own
# lists) and the importer write, plus inline semantics an older archive may carry.
TAGS = {
    "p", "br", "h2", "h3", "h4", "h5", "h6", "ul", "ol", "li", "blockquote", "hr",
    "a", "b", "strong", "i", "em", "u", "s", "sub", "sup", "code", "small", "mark", "abbr",
}  # fmt: skip
ATTRIBUTES = {
    # data-block-key: Draftail's block ids; dir and lang: a quotation in another language.
    "*": {"data-block-key", "dir", "lang"},
    "a": {"href", "hreflang", "title"},
    "abbr": {"title"},
    "ol": {"start", "reversed"},
}
URL_SCHEMES = {"http", "https", "mailto", "tel"}


def clean_rich_text(html):
    """HTML that holds only what rich text may hold, safe to mark safe."""
    return mark_safe(  # noqa: S308 - the output of an allowlist sanitiser
        nh3.clean(
            str(html),
            tags=TAGS,
            attributes=ATTRIBUTES,
            url_schemes=URL_SCHEMES,
            strip_comments=True,
            # Editors' links are the site's own or chosen by staff: no rel is imposed.
            link_rel=None,
        )
    )
