from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "editions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Edition home pages set up their translators' permissions and review workflow.
        from editions import signals

        signals.connect()
