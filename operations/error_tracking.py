"""Optional error tracking with Sentry (or any Sentry-compatible service, e.g. GlitchTip).

Nothing is sent anywhere unless SENTRY_DSN is set. Reports carry the request id so an error
can be matched with the log lines of the same request, and never personal data
(the SDK's default: no cookies, no user details, no form bodies; tested).
"""

import os


def init_error_tracker(dsn=None, transport=None, **options):
    """Start the Sentry SDK when a DSN is given; return whether it was started."""
    dsn = dsn if dsn is not None else os.environ.get("SENTRY_DSN", "").strip()
    if not dsn:
        return False

    # Imported only when a DSN is set: production settings call this while they load,
    # before Django (which operations.security needs) is configured.
    import sentry_sdk
    from sentry_sdk.integrations.django import DjangoIntegration

    from operations.security import request_id_var

    def add_request_id(event, hint):
        request_id = request_id_var.get()
        if request_id != "-":
            event.setdefault("tags", {})["request_id"] = request_id
        return event

    sentry_sdk.init(
        dsn=dsn,
        integrations=[DjangoIntegration()],
        environment=os.environ.get("SENTRY_ENVIRONMENT", "production"),
        release=os.environ.get("SENTRY_RELEASE") or None,
        traces_sample_rate=float(os.environ.get("SENTRY_TRACES_SAMPLE_RATE", "0")),
        before_send=add_request_id,
        transport=transport,
        **options,
    )
    return True
