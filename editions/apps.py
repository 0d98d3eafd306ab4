from django.apps import AppConfig


class EditionsConfig(AppConfig):
    name = "editions"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        # Edition home pages set up their translators' permissions and review workflow.
        from editions import signals, translated_strings

        signals.connect()
        # Translated strings with markup their source does not have are refused.
        translated_strings.connect()
