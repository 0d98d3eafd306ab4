import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def isolated_media_and_cache(settings, tmp_path):
    """Each test writes its generated images and PDFs to its own folder and starts with an
    empty cache, so tests never see each other's files or cached fragments."""
    from caching.values import forget_worker_copies

    settings.MEDIA_ROOT = tmp_path / "media"
    cache.clear()
    forget_worker_copies()
    yield
    cache.clear()
    forget_worker_copies()


@pytest.fixture
def home_page(db):
    from home.factories import default_home_page

    return default_home_page()


@pytest.fixture
def site_settings(db):
    from core.factories import SiteSettingsFactory

    return SiteSettingsFactory()


@pytest.fixture
def article_index(home_page):
    from news.factories import ArticleIndexPageFactory

    return ArticleIndexPageFactory(parent=home_page)
