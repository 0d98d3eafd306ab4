from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "editions"
    default_auto_field = "django.db.models.BigAutoField"
