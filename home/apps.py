from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Upload limits and GPS stripping on the image model (home/uploads.py).
        from home import uploads

        uploads.connect()
