from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import redirect
from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.contrib.settings.registry import registry
from wagtail.models import Site
from wagtail.permissions import policy_registry


def site_setting_for_this_site(request, app_name, model_name):
    """The settings menu's link: the setting's page for the site being browsed, or for the
    first site the user may change it on, or 403.

    Wagtail's own view asks PostgreSQL for the first of a DISTINCT list of sites ordered by
    an expression it does not select, which PostgreSQL refuses: a member of staff without
    the permission (a translator typing the address) got a server error instead of a 403.
    """
    model = registry.get_by_natural_key(app_name, model_name)
    if model is None:
        raise Http404
    if not issubclass(model, BaseSiteSetting):
        return redirect(
            "wagtailsettings:edit", app_name, model_name, model.load(request_or_site=request).pk
        )
    policy = policy_registry.get_by_type(model)
    site = Site.find_for_request(request)
    if site is None or not policy.user_has_permission_for_instance(request.user, "change", site):
        site = policy.sites_user_has_permission_for(request.user, "change").order_by("pk").first()
    if site is None:
        raise PermissionDenied
    return redirect("wagtailsettings:edit", app_name, model_name, site.pk)
