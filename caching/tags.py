"""The names of what cached content is built from ("tags"), and the public addresses they
are derived from.

Cached pages, values and fragments record the versions of the tags they were built from
(``caching.versions``); a purge gives a tag a new version, and everything built from the old
one is stale. The tags:

* ``page:<address>``: the page that serves the address (``/en/articles/``); for an index
  page this covers its archives and feeds too;
* ``layout:<edition>``: what every page of an edition shows around its content (menu,
  header, footer, site identity, settings);
* ``recent:<edition>``: the "Recent posts" sidebar of an edition;
* ``images``: every picture (a new file or focal point changes renditions' addresses);
* ``routing``: where each site's and edition's tree starts (``core.routing``);
* ``restrictions``: which pages are private (``core.routing``).
"""

from django.conf import settings

IMAGES_TAG = "images"
ROUTING_TAG = "routing"
RESTRICTIONS_TAG = "restrictions"


def edition_codes():
    """The language codes of the editions, from ``settings.LANGUAGES``."""
    return [code for code, _name in settings.LANGUAGES]


def page_tag(address):
    """The tag of the page at ``address`` (a public address such as ``/en/articles/``)."""
    return "page:" + address


def layout_tag(edition):
    return "layout:" + edition


def recent_tag(edition):
    return "recent:" + edition


def path_prefixes(path):
    """``/en/articles/x/`` -> ``/en/``, ``/en/articles/``, ``/en/articles/x/``: the
    addresses of the pages that may have served `path` (a page serves its own address and
    its routable sub-pages)."""
    parts = [part for part in path.split("/") if part]
    return ["/" + "/".join(parts[: depth + 1]) + "/" for depth in range(len(parts))]


def public_path(url_path, edition):
    """A page's address in its edition from its ``url_path``, without a query:
    ``/home/articles/x/`` -> ``/en/articles/x/``. The first segment is the edition's home
    page (each edition's home is a child of the tree root, routed at ``/<edition>/``)."""
    parts = [part for part in url_path.split("/") if part][1:]
    return f"/{edition}/" + "".join(part + "/" for part in parts)
