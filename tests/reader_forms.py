"""Posting the reader forms (contact messages, comments) the way a browser does: to their
csrf-exempt endpoints, from the site's own origin, with a form token issued long enough
ago to pass the minimum fill time (see reader_input/antispam.py)."""

import time

from django.urls import reverse
from django.utils import translation

from reader_input.antispam import HONEYPOT_FIELD, TOKEN_FIELD, make_token

ORIGIN = "http://testserver"


def token(scope, age=60):
    return make_token(scope, issued_at=time.time() - age)


def edition_url(name, page):
    with translation.override(page.locale.language_code):
        return reverse(name, args=[page.pk])


def send_contact_message(client, page, data, *, age=60, origin=ORIGIN, **extra):
    payload = {TOKEN_FIELD: token(f"contact:{page.pk}", age), HONEYPOT_FIELD: "", **data}
    if origin:
        extra.setdefault("HTTP_ORIGIN", origin)
    return client.post(edition_url("send_contact", page), payload, **extra)


def post_comment(client, page, data, *, age=60, origin=ORIGIN, **extra):
    payload = {TOKEN_FIELD: token(f"comment:{page.pk}", age), HONEYPOT_FIELD: "", **data}
    if origin:
        extra.setdefault("HTTP_ORIGIN", origin)
    return client.post(edition_url("post_comment", page), payload, **extra)
