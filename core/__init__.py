"""The floor of the site: what every page type stands on.

``core`` holds the base page class (``SitePage``) and its field mixins, the site's settings
and identity, routing, the StreamField block registry, images and renditions, querysets and
pagination, text folding for Arabic-script search, site-wide views and templates, and the
one module that touches Wagtail's private API (``core.compat``).

The project's apps form layers. An app imports only from the layers below it, never from
its own layer's other apps or from above, and that holds for imports made inside
functions too (``tests/test_architecture.py`` enforces it):

    importer       WordPress import, which writes every kind of content
    home           the roof: each edition's home page, which shows every kind of
                   content, plain pages and the contact form
    search         readers' search over every kind of content
    media_pages,   Media (cartoons, news pictures, galleries, videos) and
    publications   Publications (books, periodical series and issues), side by side
    news           Articles: index, article pages, categories, authors, tags, comments
    metadata       what a page tells search engines and social networks, share links
    editions       the editions: language switcher, hreflang, right to left, localized
                   dates and digits, translators' groups, workflows and reports
    operations,    security headers, health checks, uploads, two-factor, error
    reader_input   tracking, backups; and what readers post: spam rules, rate limits
    core           this app
    caching        the page cache, tag versions, kept values, purging; knows no page
                   type: each type says what else shows it (``SitePage.purge_also``)

``config`` (settings, URLs) wires them all together and sits above every layer.

Words used throughout: an *edition* is one language's site, named by its language code
("fa"); a *locale* is Wagtail's ``Locale`` row (or its id) for that edition, used in
queries.
"""

# Lowest first; apps on one line are one layer and do not import each other.
LAYERS = [
    ["caching"],
    ["core"],
    ["operations", "reader_input"],
    ["editions"],
    ["metadata"],
    ["news"],
    ["media_pages", "publications"],
    ["search"],
    ["home"],
    ["importer"],
]
