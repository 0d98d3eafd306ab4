from django.apps import AppConfig


class CachingConfig(AppConfig):
    name = "caching"

    def ready(self):
        from caching import purge

        # Publishing, moving or deleting any page, and editing any image, purges exactly
        # what changed (caching/purge.py).
        purge.connect()
