"""Settings for the server the browser tests (and `make screenshots`) start.

The test settings (no outside network, mail kept in memory, fast password hashing), plus
what a separate server process needs: its database and media folder from the environment,
static files found in the apps (no collectstatic) and uploaded media served.
"""

import os
from pathlib import Path

from config.settings.test import *  # noqa: F403

MEDIA_ROOT = Path(os.environ["MEDIA_ROOT"]) if os.environ.get("MEDIA_ROOT") else MEDIA_ROOT  # noqa: F405
WHITENOISE_USE_FINDERS = True
WHITENOISE_AUTOREFRESH = True
ROOT_URLCONF = "tests.browser.urls"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": "WARNING"},
}

# The tests stand for many visitors, all connecting from 127.0.0.1: each browser context
# sends its own X-Forwarded-For address, as a proxy would, so per-reader rate limits on
# comments and the contact form apply to each visitor and not to the whole test run.
TRUSTED_PROXY_COUNT = 1

# SQLite and a threaded server: the admin's autosave and preview write at the same time as
# the editor's own requests. Take the write lock at the start of each transaction and wait
# for it, instead of failing with "database is locked".
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":  # noqa: F405
    DATABASES["default"].setdefault("OPTIONS", {}).update(  # noqa: F405
        {"transaction_mode": "IMMEDIATE", "timeout": 30}
    )
