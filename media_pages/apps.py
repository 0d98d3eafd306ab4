from django.apps import AppConfig


class MediaPagesConfig(AppConfig):
    name = "media_pages"
    default_auto_field = "django.db.models.BigAutoField"
