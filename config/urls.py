from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.urls import include, path, re_path, register_converter
from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.documents import urls as wagtaildocs_urls
from wagtail.urls import serve_pattern

from core import views as core_views
from core.routing import IdConverter
from editions import views as edition_views
from editions.sitemaps import EditionsSitemap
from home import views as home_views
from news import views as news_views
from search import views as search_views

# <id:...>: an object id no larger than a table can hold (a larger one is a 404, not a query
# SQLite cannot run).
register_converter(IdConverter, "id")

urlpatterns = [
    path("django-admin/", admin.site.urls),
    path(f"{settings.WAGTAILADMIN_PATH}2fa/", include("operations.two_factor")),
    path(settings.WAGTAILADMIN_PATH, include(wagtailadmin_urls)),
    path("documents/", include(wagtaildocs_urls)),
    path("", edition_views.edition_redirect, name="edition_redirect"),
    path("sitemap.xml", sitemap, {"sitemaps": {"pages": EditionsSitemap}}, name="sitemap"),
    path("robots.txt", core_views.robots_txt, name="robots_txt"),
    path("edition/<str:language>/", edition_views.switch_edition, name="switch_edition"),
]

if settings.DEBUG:
    from django.conf.urls.static import static

    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Every edition lives under its language prefix: /en/, /ar/, /fa/, /sq/.
urlpatterns += i18n_patterns(
    path("search/", search_views.search, name="search"),
    path("comments/<id:page_id>/post/", news_views.post_comment_view, name="post_comment"),
    path("contact/<id:page_id>/send/", home_views.send_contact_message, name="send_contact"),
    # Wagtail's password form and front-end login ("_util/…"): before the page view, whose
    # pattern would take their addresses for a page's path and answer 404.
    *[pattern for pattern in wagtail_urls.urlpatterns if pattern.name != "wagtail_serve"],
    # Wagtail's page view with faster routing (core/routing.py), in place of Wagtail's own.
    re_path(serve_pattern, core_views.serve, name="wagtail_serve"),
    prefix_default_language=True,
)

handler404 = "core.views.page_not_found"
handler500 = "core.views.server_error"
