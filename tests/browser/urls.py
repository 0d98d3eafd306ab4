"""The site's URLs plus uploaded media, which production leaves to the web server."""

from django.conf import settings
from django.urls import re_path
from django.views.static import serve

from config.urls import handler404, handler500
from config.urls import urlpatterns as site_urlpatterns

urlpatterns = [
    re_path(r"^media/(?P<path>.*)$", serve, {"document_root": settings.MEDIA_ROOT}),
    *site_urlpatterns,
]

__all__ = ["urlpatterns", "handler404", "handler500"]
