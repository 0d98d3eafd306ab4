"""Whatever a visitor or a bot sends to a public address, the answer is never a 500.

Hypothesis throws random paths, query strings, headers and methods at every public URL
pattern of every edition; only 2xx, 3xx, 400, 404 and 405 are acceptable (403 and 429 as
well on the two reader form endpoints, whose refusals are deliberate).
"""

import string
from urllib.parse import quote, urlencode

from django.test import override_settings
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from hypothesis.extra.django import TestCase

from tests.editions_helpers import make_edition
from tests.site_builder import build_site

ACCEPTABLE = {400, 404, 405}
FORM_REFUSALS = {403, 429}

text = st.text(alphabet=st.characters(codec="utf-8", exclude_categories=("Cs",)), max_size=40)
url_text = st.text(alphabet=string.ascii_letters + string.digits + "-_.~%/", max_size=30)
query = st.dictionaries(
    st.sampled_from(["page", "q", "reply_to", "comment", "next", "utm_source", "x"]) | text,
    st.sampled_from(["0", "-1", "2", "99999999999999999999", "abc", "", "١", "۲"]) | text,
    max_size=4,
)
methods = st.sampled_from(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"])
headers = st.fixed_dictionaries(
    {},
    optional={
        "HTTP_ACCEPT_LANGUAGE": st.sampled_from(["fa", "ar-IQ,ar;q=0.9", "de", "*", ""]) | text,
        "HTTP_COOKIE": st.sampled_from(["django_language=fa", "django_language=xx"]).map(str),
        "HTTP_REFERER": st.sampled_from(["https://evil.example/", "", "not a url"]),
        "HTTP_ORIGIN": st.sampled_from(["null", "https://evil.example", "http://testserver"]),
    },
)


@override_settings(MEDIA_ROOT="/tmp/nejat-test-bad-input-media")
class PublicAddressesNeverFail(TestCase):
    @classmethod
    def setUpTestData(cls):
        # Every page type in English and Persian; Arabic and Albanian editions exist too.
        site = build_site(translate_into=("fa",))
        for code in ("ar", "sq"):
            make_edition(site.home, code)
        pages = list(site.pages().values())
        article = site.article
        cls.page_paths = [page.url for page in pages]
        cls.paths = (
            cls.page_paths
            + [
                f"/{code}/{suffix}"
                for code in ("en", "ar", "fa", "sq")
                for suffix in (
                    "",
                    "search/",
                    "articles/category/iraq/",
                    "articles/tag/families/",
                    "articles/2025/",
                    "articles/2025/6/",
                    "articles/feed/",
                    "articles/feed/atom/",
                    "articles/category/iraq/feed/",
                )
            ]
            + ["/", "/sitemap.xml", "/robots.txt", "/edition/fa/", "/healthz", "/readyz"]
        )
        cls.form_paths = [
            f"/en/comments/{article.pk}/post/",
            f"/en/contact/{site.contact.pk}/send/",
        ]

    def assert_never_fails(self, path, method, params, extra_headers, allowed=ACCEPTABLE):
        url = path + ("?" + urlencode(params) if params else "")
        response = self.client.generic(method, url, **extra_headers)
        status = response.status_code
        assert status < 400 or status in allowed, (method, url, extra_headers, status)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data(), methods, query, headers)
    def test_known_addresses_with_random_queries_methods_and_headers(
        self, data, method, params, extra_headers
    ):
        path = data.draw(st.sampled_from(self.paths))
        self.assert_never_fails(path, method, params, extra_headers)

    @settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data(), url_text | text, methods, headers)
    def test_random_paths_below_every_address(self, data, suffix, method, extra_headers):
        base = data.draw(st.sampled_from(self.paths))
        path = base.rstrip("/") + "/" + quote(suffix, safe="/%")
        self.assert_never_fails(path, method, {}, extra_headers)

    @settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(st.data(), methods, st.dictionaries(text, text, max_size=5), headers)
    def test_reader_form_endpoints_refuse_cleanly(self, data, method, fields, extra_headers):
        path = data.draw(st.sampled_from(self.form_paths))
        response = self.client.generic(
            method,
            path,
            urlencode(fields),
            "application/x-www-form-urlencoded",
            **extra_headers,
        )
        status = response.status_code
        assert status < 400 or status in ACCEPTABLE | FORM_REFUSALS, (method, path, status)
