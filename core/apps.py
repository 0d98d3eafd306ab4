from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "core"
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from caching import purge
        from core import admin_forms, images, routing
        from core.models import SiteIdentity, SiteSettings, SocialLink

        # Admin forms answer a malformed StreamField or rich text with a form error.
        admin_forms.register()
        # Cached sites, edition roots and restricted pages follow changes (core/routing.py).
        routing.connect()
        # Renditions are made when a page is published, not on a visitor's request.
        images.connect_signals()
        # The site identity and social links are shown around every page of their
        # edition, the settings around every page of every edition.
        purge.connect_layout(SiteIdentity)
        purge.connect_layout(SocialLink)
        purge.connect_layout(SiteSettings, every_edition=True)
