from django.apps import AppConfig


class OperationsConfig(AppConfig):
    name = "operations"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from operations import uploads

        # Upload limits and GPS stripping on the image model (operations/uploads.py).
        uploads.connect()
