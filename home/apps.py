from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import purge, uploads

        purge.connect()
        # Upload limits and GPS stripping on the image model (home/uploads.py).
        uploads.connect()
