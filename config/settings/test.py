from config.settings.base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "test-only-secret-key"
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = BASE_DIR / ".test-media"  # noqa: F405
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
WAGTAILADMIN_BASE_URL = "http://testserver"
# Tests must never reach the network: with no oEmbed finder, an embed that is not already
# cached fails fast (tests create Embed rows to stand in for a provider).
WAGTAILEMBEDS_FINDERS = []
# Tests render pages afresh (many inspect response.context or count queries on a second
# request); tests/test_page_cache.py switches the page cache on where it is under test.
PAGE_CACHE_ENABLED = False
FRAGMENT_CACHE_ENABLED = False
CACHES["template_fragments"] = {"BACKEND": "django.core.cache.backends.dummy.DummyCache"}

# Wagtail's test helpers sign in with client.login(), which gives django-axes no request;
# tests/test_admin_security.py turns the lockout on where it is under test.
AXES_ENABLED = False
