"""Spam rules shared by the forms readers post: the contact form and article comments.

Both forms are posted by anonymous readers from pages that may be served from a page cache,
so they carry no CSRF token (one baked into cached HTML would be shared by every visitor,
and a token cookie would put ``Vary: Cookie`` on every anonymous page). Their endpoints are
``csrf_exempt`` instead, which is sound because they act on no one's authority: nothing a
logged-in user could do is reachable through them, and a forged post can do no more than
the attacker could do by posting directly. What CSRF protection would still buy, stopping
another site from making its visitors' browsers post here (spam from many addresses at
once), ``is_same_origin`` provides: browsers send ``Origin`` with every POST.

Each form (``AntiSpamFormMixin``) then checks, with a translated error for each rule:

- a honeypot field that people never see and must stay empty;
- a signed timestamp (``django.core.signing``) set when the form is shown: a form sent
  less than ``MIN_FILL_SECONDS`` after it was shown was not typed by a person, and a
  missing, altered or expired token is refused;
- a per-sender rate limit (``reader_input.rate_limits``), counted when a message is accepted.

Limitation: on a page served from the cache, the timestamp is the moment the page was
cached, so the minimum fill time only bites on freshly rendered forms; the honeypot, the
rate limit and moderation (comments) still apply.
"""

import re
import time
from urllib.parse import urlsplit

from django import forms
from django.conf import settings
from django.core import signing
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.utils.translation import gettext_lazy as _

# Names that wagtail's form builder can never give a field (it strips leading underscores
# from clean names), so an editor's "Website" field cannot collide with the honeypot.
HONEYPOT_FIELD = "_website"
TOKEN_FIELD = "_token"

MIN_FILL_SECONDS = 3
# Long enough for a reader who leaves a tab open, and for a page kept in the page cache.
MAX_TOKEN_AGE = 2 * 24 * 60 * 60
TOKEN_SALT = "reader_input.antispam.form-token"

ERRORS = {
    "honeypot": _(
        "Your message was not sent because a field that must stay empty was filled in. "
        "If you are not a robot, please send it again."
    ),
    "token_invalid": _(
        "This form has expired or was changed. Please check your message and send it again."
    ),
    "too_fast": _(
        "That was quicker than anyone can type. Please check your message and send it again."
    ),
    "rate_limited": _(
        "You have sent several messages in a short time. Please wait a few minutes and try again."
    ),
}


def make_token(scope, issued_at=None):
    """A signed record of when the form for ``scope`` (e.g. "comment:42") was shown."""
    issued_at = time.time() if issued_at is None else issued_at
    return signing.dumps({"s": scope, "t": int(issued_at)}, salt=TOKEN_SALT)


def check_token(token, scope, now=None):
    """None when the token is good, else the error code: "token_invalid" or "too_fast"."""
    now = time.time() if now is None else now
    try:
        data = signing.loads(token or "", salt=TOKEN_SALT)
    except signing.BadSignature:
        return "token_invalid"
    if not isinstance(data, dict) or data.get("s") != scope:
        return "token_invalid"
    issued_at = data.get("t")
    if not isinstance(issued_at, int):
        return "token_invalid"
    age = now - issued_at
    if age > MAX_TOKEN_AGE:
        return "token_invalid"
    if age < MIN_FILL_SECONDS:
        return "too_fast"
    return None


def is_same_origin(request):
    """Whether a POST comes from a page of this site: ``Origin`` (sent by browsers with
    every POST), else ``Referer``, must name this host (or a CSRF_TRUSTED_ORIGINS entry).
    A request with neither is refused: no browser sends one."""
    here = f"{request.scheme}://{request.get_host()}".lower()
    trusted = {origin.lower().rstrip("/") for origin in settings.CSRF_TRUSTED_ORIGINS}
    origin = request.META.get("HTTP_ORIGIN")
    if origin is not None:
        origin = origin.lower().rstrip("/")
        return origin != "null" and (origin == here or origin in trusted)
    referer = request.META.get("HTTP_REFERER")
    if referer:
        parts = urlsplit(referer)
        source = f"{parts.scheme}://{parts.netloc}".lower()
        return source == here or source in trusted
    return False


class TokenInput(forms.HiddenInput):
    """A hidden input that always renders a fresh token, even in a re-shown bound form (the
    reader who fixes a mistake gets a new, valid one)."""

    scope = ""

    def format_value(self, value):
        return make_token(self.scope)


class AntiSpamFormMixin:
    """Honeypot, minimum fill time and rate limit for a Django form.

    ``antispam_scope`` ties the token to one form (e.g. "contact:7"); ``sender`` is the
    sender's fingerprint (``reader_input.rate_limits.sender_fingerprint``) and ``rate_limit`` a
    ``RateLimit``; without them the rate limit is not checked. Call ``record()`` once the
    message has been accepted. The anti-spam fields never reach ``cleaned_data``.
    """

    def __init__(self, *args, antispam_scope="", sender="", rate_limit=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.antispam_scope = antispam_scope
        self.sender = sender
        self.rate_limit = rate_limit
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            label=_("Leave this field empty"),
            required=False,
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )
        token_input = TokenInput()
        token_input.scope = antispam_scope
        self.fields[TOKEN_FIELD] = forms.CharField(required=False, widget=token_input)

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]

    def reader_fields(self):
        """The visible fields a reader fills in (all but the honeypot)."""
        return [field for field in self.visible_fields() if field.name != HONEYPOT_FIELD]

    def spam_error(self):
        """The first spam rule the submission breaks (an error code), or None."""
        if self.data.get(HONEYPOT_FIELD):
            return "honeypot"
        token_error = check_token(self.data.get(TOKEN_FIELD), self.antispam_scope)
        if token_error:
            return token_error
        if self.rate_limit is not None and self.sender:
            if self.rate_limit.is_exceeded(self.sender):
                return "rate_limited"
        return None

    def clean(self):
        cleaned_data = super().clean()
        code = self.spam_error()
        if code:
            self.add_error(None, ValidationError(ERRORS[code], code=code))
        cleaned_data.pop(HONEYPOT_FIELD, None)
        cleaned_data.pop(TOKEN_FIELD, None)
        return cleaned_data

    @property
    def is_rate_limited(self):
        return self.has_error(NON_FIELD_ERRORS, "rate_limited")

    def record(self):
        """Count an accepted message against the sender's rate limit."""
        if self.rate_limit is not None and self.sender:
            self.rate_limit.hit(self.sender)


# --- Reader text ---------------------------------------------------------------------------

# Control characters other than tab and line feed: never part of a reader's text.
CONTROL_CHARACTERS = re.compile(r"[\x00-\x08\x0b-\x1f\x7f]")


def clean_text(value, single_line=False):
    """Line breaks as "\\n" (browsers send "\\r\\n", which would count twice against a
    length limit the browser itself counts once), without control characters; on one line
    for names and subjects."""
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    if single_line:
        value = " ".join(value.split())
    return CONTROL_CHARACTERS.sub("", value)


class ReaderTextField(forms.CharField):
    """A CharField for text readers type: ``clean_text`` before the length is checked."""

    def __init__(self, *args, single_line=False, **kwargs):
        self.single_line = single_line
        super().__init__(*args, **kwargs)

    def to_python(self, value):
        if isinstance(value, str):
            value = clean_text(value, self.single_line)
        return super().to_python(value)
