from django.apps import AppConfig
from django.db.models.signals import post_migrate


class SearchConfig(AppConfig):
    name = "search"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from search import backend

        # Search entries for pages indexed before they existed (search/backend.py).
        post_migrate.connect(backend.fill_entries_after_migrate, sender=self)
