"""Optional two-factor authentication (TOTP) for staff, on django-otp.

Enabled with WAGTAIL_2FA=true (the middleware is then installed after authentication).
A staff member enrols at ``<admin>/2fa/setup/`` by scanning a QR code into an
authenticator app and confirming one code. From then on, after signing in with their
password they must enter a current code before any admin page opens. Staff without a device
are not asked (opt-in); `manage.py shell` can remove a lost device
(``TOTPDevice.objects.filter(user__username=...).delete()``).
"""

import io
from urllib.parse import urlencode

import qrcode
import qrcode.image.svg
from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import Http404
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django_otp import login as otp_login
from django_otp import user_has_device
from django_otp.middleware import OTPMiddleware
from django_otp.plugins.otp_totp.models import TOTPDevice

from operations.security import is_admin_path


class StaffTwoFactorMiddleware(OTPMiddleware):
    """Sends a signed-in user who has a confirmed device, but has not entered a code in this
    session, to the code page before any admin page."""

    # Admin views reachable before the code is entered.
    exempt_url_names = {"two_factor_verify", "wagtailadmin_login", "wagtailadmin_logout"}

    def __call__(self, request):
        self._install_lazy_accessors(request)
        if self.must_verify(request):
            query = urlencode({"next": request.get_full_path()})
            return redirect(f"{reverse('two_factor_verify')}?{query}")
        return self.get_response(request)

    def must_verify(self, request):
        if not is_admin_path(request.path_info):
            return False
        user = request.user
        if not user.is_authenticated or user.is_verified():
            return False
        from django.urls import Resolver404, resolve

        try:
            if resolve(request.path_info).url_name in self.exempt_url_names:
                return False
        except Resolver404:
            return False
        return user_has_device(user, confirmed=True)


class CodeForm(forms.Form):
    otp_token = forms.CharField(
        label=_("Code from your authenticator app"),
        max_length=8,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}),
    )

    def __init__(self, *args, device, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_otp_token(self):
        token = self.cleaned_data["otp_token"].replace(" ", "")
        if self.device is None or not self.device.verify_token(token):
            raise forms.ValidationError(_("That code is not valid. Try the current one."))
        return token


def _require_enabled():
    # A device added while 2FA is off would never be asked for: offer nothing then.
    if not settings.WAGTAIL_2FA_ENABLED:
        raise Http404


def _safe_next(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, {request.get_host()}, request.is_secure()):
        return target
    return reverse("wagtailadmin_home")


@never_cache
@sensitive_post_parameters("otp_token")
@login_required(login_url="wagtailadmin_login")
def verify(request):
    _require_enabled()
    device = TOTPDevice.objects.filter(user=request.user, confirmed=True).first()
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        otp_login(request, device)
        return redirect(_safe_next(request))
    return render(
        request, "operations/two_factor/verify.html", {"form": form, "next": _safe_next(request)}
    )


@never_cache
@sensitive_post_parameters("otp_token")
@login_required(login_url="wagtailadmin_login")
def setup(request):
    """Add an authenticator app: show its QR code, confirm with one code."""
    _require_enabled()
    if user_has_device(request.user, confirmed=True) and not request.user.is_verified():
        return redirect(f"{reverse('two_factor_verify')}?next={request.path}")
    device, _created = TOTPDevice.objects.get_or_create(
        user=request.user, confirmed=False, defaults={"name": "authenticator"}
    )
    form = CodeForm(request.POST or None, device=device)
    if request.method == "POST" and form.is_valid():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        otp_login(request, device)
        return render(request, "operations/two_factor/setup.html", {"done": True})
    image = qrcode.make(device.config_url, image_factory=qrcode.image.svg.SvgPathImage)
    buffer = io.BytesIO()
    image.save(buffer)
    return render(
        request,
        "operations/two_factor/setup.html",
        {"form": form, "qr_svg": buffer.getvalue().decode()},
    )


urlpatterns = [
    path("verify/", verify, name="two_factor_verify"),
    path("setup/", setup, name="two_factor_setup"),
]
