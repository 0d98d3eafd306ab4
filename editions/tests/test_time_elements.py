"""Machine-readable dates in <time datetime> are valid HTML: an article dated "now" (the
admin's default) has microseconds, which HTML forbids (found by the Nu HTML checker)."""

import datetime
import re

import pytest
from django.utils import timezone

from news.factories import ArticlePageFactory

DATETIME_ATTRIBUTE = re.compile(r'<time[^>]* datetime="([^"]*)"')
# HTML's "valid global date and time string": at most three digits of fractional seconds.
VALID_HTML_DATETIME = re.compile(
    r"^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,3})?)?(Z|[+-]\d{2}:?\d{2}))?$"
)


@pytest.mark.django_db
def test_article_dates_with_microseconds_give_valid_datetime_attributes(client, article_index):
    published = timezone.make_aware(datetime.datetime(2026, 11, 28, 15, 30, 3, 814496))
    article = ArticlePageFactory(parent=article_index, title="Now", date=published)

    for url in (article.url, article_index.url, "/en/search/?q=Now"):
        html = client.get(url).content.decode()
        values = DATETIME_ATTRIBUTE.findall(html)
        assert values, url
        for value in values:
            assert VALID_HTML_DATETIME.match(value), (url, value)
        assert any(value.startswith("2026-11-28T15:30:03") for value in values), url
