from django.apps import AppConfig


class HomeConfig(AppConfig):
    name = "home"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from home import images

        # Renditions are made when a page is published, not on a visitor's request.
        images.connect_signals()
