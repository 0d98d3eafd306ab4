"""sitemap.xml for every edition, each page listing its translations as alternates.

Wagtail 8's own sitemap lists only the default site's root tree, that is the English
edition; crawlers would never learn of /ar/, /fa/ and /sq/.
"""

from collections import defaultdict

from django.conf import settings
from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class EditionsSitemap(Sitemap):
    limit = 5000

    def items(self):
        site = self.get_wagtail_site()
        edition_roots = site.root_page.get_translations(inclusive=True).live()
        in_an_edition = Q()
        for root in edition_roots:
            in_an_edition |= Q(path__startswith=root.path)
        if not in_an_edition:
            return Page.objects.none()
        return (
            Page.objects.live()
            .public()
            .filter(in_an_edition, alias_of__isnull=True)
            .select_related("locale")
            .order_by("path")
            .only(
                "id",
                "path",
                "depth",
                "url_path",
                "translation_key",
                "locale__language_code",
                "last_published_at",
                "latest_revision_created_at",
            )
        )

    def _urls(self, page, protocol, domain):
        pages = list(self.paginator.page(page).object_list)
        alternates = self.alternates_for(pages)
        urls = []
        for item in pages:
            location = item.get_full_url(self.request)
            if not location:
                continue
            urls.append(
                {
                    "item": item,
                    "location": location,
                    "lastmod": item.last_published_at or item.latest_revision_created_at,
                    "alternates": alternates.get(item.translation_key, []),
                }
            )
        lastmods = [url["lastmod"] for url in urls if url["lastmod"]]
        if lastmods:
            self.latest_lastmod = max(lastmods)
        return urls

    def alternates_for(self, pages):
        """hreflang alternates (every live translation, plus x-default) by translation key,
        for a whole sitemap page in one query."""
        translations = (
            Page.objects.live()
            .public()
            .filter(
                translation_key__in={page.translation_key for page in pages},
                alias_of__isnull=True,
            )
            .select_related("locale")
            .only("id", "path", "depth", "url_path", "translation_key", "locale__language_code")
        )
        by_key = defaultdict(dict)
        for translation in translations:
            url = translation.get_full_url(self.request)
            if url:
                by_key[translation.translation_key][translation.locale.language_code] = url
        alternates = {}
        for key, urls in by_key.items():
            if len(urls) < 2:
                continue  # a page with no translation needs no alternates
            links = [
                {"lang_code": code, "location": urls[code]}
                for code, _name in settings.LANGUAGES
                if code in urls
            ]
            if settings.LANGUAGE_CODE in urls:
                links.append({"lang_code": "x-default", "location": urls[settings.LANGUAGE_CODE]})
            alternates[key] = links
        return alternates
