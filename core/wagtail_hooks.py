from django.urls import path
from wagtail import hooks

from core.admin_views import site_setting_for_this_site


@hooks.register("register_admin_urls")
def register_site_setting_entry():
    # Hooks run in INSTALLED_APPS order: this comes before wagtail.contrib.settings' own
    # "settings/<app>/<model>/" and answers its links.
    return [
        path(
            "settings/<slug:app_name>/<slug:model_name>/",
            site_setting_for_this_site,
            name="site_setting_for_this_site",
        )
    ]
