from django.apps import AppConfig
from django.db.models.signals import post_migrate


class HomeConfig(AppConfig):
    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import images, purge, routing, search_backend, uploads

        # Publishing purges exactly what changed from the page cache (home/purge.py).
        purge.connect()
        # Cached sites, edition roots and restricted pages follow changes (home/routing.py).
        routing.connect()
        # Upload limits and GPS stripping on the image model (home/uploads.py).
        uploads.connect()
        # Renditions are made when a page is published, not on a visitor's request.
        images.connect_signals()
        # Search entries for pages indexed before they existed (home/search_backend.py).
        post_migrate.connect(search_backend.fill_entries_after_migrate, sender=self)
