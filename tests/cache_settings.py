"""Cache settings for the tests that turn the page cache or fragments back on."""

# As in production: pages, fragments and shared values in the default cache. Those of four
# editions are more than LocMemCache's default 300 entries, past which it would drop a
# third of them at random.
CACHED = {
    "default": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "OPTIONS": {"MAX_ENTRIES": 10000},
    }
}
