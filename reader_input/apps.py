from django.apps import AppConfig


class ReaderInputConfig(AppConfig):
    name = "reader_input"
    default_auto_field = "django.db.models.BigAutoField"
