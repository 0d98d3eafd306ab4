from django.apps import AppConfig


class NewsConfig(AppConfig):
    name = "news"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from news import signals

        # Categories, authors and comments are shown on pages: their changes purge them.
        signals.connect()
