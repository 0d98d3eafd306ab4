"""Media on S3-compatible storage (django-storages), against moto's S3 emulator running on
127.0.0.1 in this process: no network, no AWS account."""

import os
import subprocess
import sys
import uuid

import boto3
import pytest
from django.conf import settings as django_settings
from moto.server import ThreadedMotoServer
from wagtail.images import get_image_model

from core.factories import DocumentFactory, ImageFactory
from news.factories import ArticlePageFactory

CREDENTIALS = {"access_key": "testing", "secret_key": "testing"}
REGION = "us-east-1"


@pytest.fixture(scope="module")
def s3_endpoint():
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def bucket(s3_endpoint, settings):
    """A new bucket, and the site's media storage pointed at it."""
    name = f"nejat-media-{uuid.uuid4().hex[:12]}"
    client = boto3.client(
        "s3",
        endpoint_url=s3_endpoint,
        region_name=REGION,
        aws_access_key_id="testing",
        aws_secret_access_key="testing",
    )
    client.create_bucket(Bucket=name)
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {
            "BACKEND": "storages.backends.s3.S3Storage",
            "OPTIONS": {
                "bucket_name": name,
                "endpoint_url": s3_endpoint,
                "region_name": REGION,
                "addressing_style": "path",
                "querystring_auth": False,
                "file_overwrite": False,
                **CREDENTIALS,
            },
        },
    }
    settings.WAGTAILDOCS_SERVE_METHOD = "serve_view"

    def keys():
        listing = client.list_objects_v2(Bucket=name)
        return {item["Key"] for item in listing.get("Contents", [])}

    return {
        "endpoint": s3_endpoint,
        "name": name,
        "url": f"{s3_endpoint}/{name}/",
        "keys": keys,
        "client": client,
    }


@pytest.mark.django_db
def test_uploaded_images_and_documents_are_stored_in_the_bucket(bucket, client):
    image = ImageFactory(title="Harbour")
    document = DocumentFactory(title="Annual report")

    assert image.file.name in bucket["keys"]()
    assert document.file.name in bucket["keys"]()
    assert image.file.url.startswith(bucket["url"])
    assert not (django_settings.MEDIA_ROOT / image.file.name).exists()

    response = client.get(document.url)
    assert response.status_code == 200
    assert b"".join(response.streaming_content).startswith(b"%PDF")


@pytest.mark.django_db
def test_page_renditions_are_made_in_the_bucket_and_linked_from_it(
    bucket, client, article_index, django_capture_on_commit_callbacks
):
    article = ArticlePageFactory(parent=article_index, with_hero=True, title="Harbour day")
    with django_capture_on_commit_callbacks(execute=True):
        article.save_revision().publish()

    renditions = get_image_model().get_rendition_model().objects.filter(image=article.hero_image)
    assert renditions.count() >= 10
    keys = bucket["keys"]()
    assert all(rendition.file.name in keys for rendition in renditions)
    assert any(key.endswith(".avif") for key in keys)

    html = client.get(article.url).content.decode()
    hero = article.hero_image.get_rendition("fill-480x270|format-jpeg")
    assert f'src="{bucket["url"]}{hero.file.name}"' in html
    assert "/media/" not in html
    # The browser connects to the bucket while it reads the page.
    assert f'<link rel="preconnect" href="{bucket["endpoint"]}">' in html


@pytest.mark.django_db
def test_deleting_an_image_removes_it_and_its_renditions_from_the_bucket(
    bucket, django_capture_on_commit_callbacks
):
    image = ImageFactory()
    other = ImageFactory()
    image.get_renditions("fill-360x203|format-webp", "fill-360x203|format-jpeg")
    assert len(bucket["keys"]()) == 4

    with django_capture_on_commit_callbacks(execute=True):
        image.delete()
    assert bucket["keys"]() == {other.file.name}


def test_the_bucket_is_configured_from_the_environment():
    """Production reads the bucket, endpoint and CDN domain from the environment."""
    env = {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "config.settings.production",
        "SECRET_KEY": "x" * 50,
        "ALLOWED_HOSTS": "nejatngo.org",
        "AWS_STORAGE_BUCKET_NAME": "nejat-media",
        "AWS_S3_ENDPOINT_URL": "https://s3.example.test",
        "AWS_S3_CUSTOM_DOMAIN": "media.nejatngo.org",
    }
    code = (
        "import django; django.setup(); "
        "from django.core.files.storage import storages; s = storages['default']; "
        "print(type(s).__name__, s.bucket_name, s.endpoint_url, s.url('a/b.jpg'), "
        "s.querystring_auth)"
    )
    output = subprocess.run(
        [sys.executable, "-c", code],
        env=env,
        capture_output=True,
        text=True,
        check=True,
        cwd=django_settings.BASE_DIR,
    ).stdout.split()
    assert output == [
        "S3Storage",
        "nejat-media",
        "https://s3.example.test",
        "https://media.nejatngo.org/a/b.jpg",
        "False",
    ]
