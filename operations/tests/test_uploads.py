"""What the admin accepts as images and documents, and how they are served."""

import io
import struct
import zipfile
import zlib
from unittest import mock

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from PIL import Image, ImageFile
from wagtail.documents import get_document_model
from wagtail.images import get_image_model

GPS = {1: "N", 2: (51.0, 30.0, 12.5), 3: "E", 4: (0.0, 7.0, 39.0)}
ARTIST = 0x013B


def photo_with_location(image_format="JPEG", size=(64, 48)):
    exif = Image.Exif()
    exif[ARTIST] = "Nejat photographer"
    exif[0x8825] = GPS
    buffer = io.BytesIO()
    Image.new("RGB", size, "teal").save(buffer, image_format, exif=exif.tobytes())
    return buffer.getvalue()


def bomb_png(width=20_000, height=20_000):
    """A few hundred bytes that claim 400 million pixels: only the header is real."""

    def chunk(kind, data):
        return (
            struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
        )

    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    pixels = zlib.compress(b"\x00" * 64)
    return (
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", pixels) + chunk(b"IEND", b"")
    )


@pytest.fixture
def admin_client(client, admin_user):
    client.force_login(admin_user)
    return client


def upload_image(admin_client, name, content, content_type="image/jpeg"):
    return admin_client.post(
        "/admin/images/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type)},
    )


def upload_document(admin_client, name, content, content_type="application/octet-stream"):
    return admin_client.post(
        "/admin/documents/add/",
        {"title": name, "file": SimpleUploadedFile(name, content, content_type)},
    )


def form_errors(response):
    return " ".join(str(error) for error in response.context["form"].errors.get("file", []))


# Images ----------------------------------------------------------------------------------------


@pytest.mark.django_db
@pytest.mark.parametrize("image_format", ["JPEG", "PNG", "WEBP"])
def test_location_is_removed_from_uploaded_photos(admin_client, image_format):
    extension = {"JPEG": "jpg", "PNG": "png", "WEBP": "webp"}[image_format]
    original = photo_with_location(image_format)
    assert Image.open(io.BytesIO(original)).getexif().get_ifd(0x8825)

    response = upload_image(admin_client, f"march.{extension}", original, f"image/{extension}")
    assert response.status_code == 302, form_errors(response)

    image = get_image_model().objects.get(title=f"march.{extension}")
    with image.open_file() as stored:
        data = stored.read()
    stored_image = Image.open(io.BytesIO(data))
    exif = stored_image.getexif()
    assert not exif.get_ifd(0x8825)
    assert b"GPS" not in data
    assert exif.get(ARTIST) == "Nejat photographer"  # other credits are kept
    assert stored_image.size == (64, 48)
    assert image.file_size == len(data)

    rendition = image.get_rendition("width-32")
    with rendition.file.open() as stored:
        assert not Image.open(stored).getexif().get_ifd(0x8825)


@pytest.mark.django_db
def test_location_is_removed_from_images_created_in_code():
    """The importer and the demo loader save images without the admin form."""
    from django.core.files.images import ImageFile

    image = get_image_model()(title="imported")
    image.file = ImageFile(io.BytesIO(photo_with_location()), name="imported.jpg")
    image.save()
    with image.open_file() as stored:
        assert not Image.open(stored).getexif().get_ifd(0x8825)


@pytest.mark.django_db
def test_a_photo_without_location_is_stored_unchanged(admin_client):
    buffer = io.BytesIO()
    Image.new("RGB", (40, 30), "navy").save(buffer, "JPEG", quality=83)
    assert upload_image(admin_client, "plain.jpg", buffer.getvalue()).status_code == 302
    with get_image_model().objects.get(title="plain.jpg").open_file() as stored:
        assert stored.read() == buffer.getvalue()


@pytest.mark.django_db
def test_a_decompression_bomb_is_refused_with_a_clear_error(admin_client):
    response = upload_image(admin_client, "bomb.png", bomb_png(), "image/png")
    assert response.status_code == 200
    assert "too many pixels" in form_errors(response)
    assert not get_image_model().objects.exists()


def upload_images(admin_client, name, content, content_type="image/png"):
    """The multiple upload (drag and drop): JSON, ``success`` or an ``error_message``."""
    return admin_client.post(
        "/admin/images/multiple/add/",
        {"files[]": SimpleUploadedFile(name, content, content_type)},
    )


def never_decoded(*args, **kwargs):
    raise AssertionError("the image was decoded")


@pytest.mark.django_db
def test_an_image_over_the_pixel_limit_is_refused_from_its_header_without_decoding(admin_client):
    """81 megapixels: over WAGTAILIMAGES_MAX_IMAGE_PIXELS (60), under the twice as many at
    which Pillow refuses to open a file. Wagtail's own check decoded it (+460 MB, seconds)
    before refusing it; the header is enough."""
    content = bomb_png(9000, 9000)
    with mock.patch.object(ImageFile.ImageFile, "load", never_decoded):
        response = upload_image(admin_client, "wide.png", content, "image/png")
        assert response.status_code == 200
        assert "too many pixels (81000000)" in form_errors(response)

        response = upload_images(admin_client, "wide.png", content)
        assert response.status_code == 200
        assert response.json()["success"] is False
        assert "too many pixels (81000000)" in response.json()["error_message"]
    assert not get_image_model().objects.exists()


def truncated_png():
    buffer = io.BytesIO()
    Image.effect_noise((200, 200), 60).convert("RGB").save(buffer, "PNG")
    return buffer.getvalue()[: len(buffer.getvalue()) // 2]


@pytest.mark.django_db
def test_a_truncated_image_is_refused_with_a_clear_error(admin_client):
    """Its header is fine, its pixels stop halfway: a form error, not a server error."""
    response = upload_image(admin_client, "cut.png", truncated_png(), "image/png")
    assert response.status_code == 200
    assert "damaged or incomplete" in form_errors(response)

    response = upload_images(admin_client, "cut.png", truncated_png())
    assert response.status_code == 200
    assert response.json()["success"] is False
    assert "damaged or incomplete" in response.json()["error_message"]
    assert not get_image_model().objects.exists()


@pytest.mark.django_db
def test_images_within_the_limits_are_still_accepted_by_the_multiple_upload(admin_client):
    response = upload_images(admin_client, "march.png", photo_with_location("PNG"))
    assert response.json()["success"] is True
    assert get_image_model().objects.get().width == 64


def test_pillow_refuses_to_decode_a_bomb_anywhere_else(settings):
    assert Image.MAX_IMAGE_PIXELS == settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS
    with pytest.raises(Image.DecompressionBombError):
        Image.open(io.BytesIO(bomb_png())).load()


@pytest.mark.django_db
def test_an_image_over_the_size_limit_is_refused(admin_client, settings):
    settings.WAGTAILIMAGES_MAX_UPLOAD_SIZE = 500
    response = upload_image(admin_client, "large.jpg", photo_with_location(size=(200, 200)))
    assert response.status_code == 200
    assert "too big" in form_errors(response)


SVG = (
    b'<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10">'
    b"<script>alert(document.cookie)</script></svg>"
)


@pytest.mark.django_db
def test_svg_is_refused_as_an_image_and_as_a_document(admin_client):
    response = upload_image(admin_client, "logo.svg", SVG, "image/svg+xml")
    assert response.status_code == 200
    assert "Not a supported image format" in form_errors(response)
    response = upload_document(admin_client, "logo.svg", SVG, "image/svg+xml")
    assert response.status_code == 200
    assert not get_image_model().objects.exists()
    assert not get_document_model().objects.exists()


# Documents -------------------------------------------------------------------------------------


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content",
    [
        ("report.html", b"<html><script>alert(1)</script></html>"),
        ("report.pdf", b"<html><script>alert(1)</script></html>"),
        ("report.docx", b"<html><body>not a word file</body></html>"),
        ("notes.txt", b"Hello <script>alert(1)</script>"),
        ("tool.exe", b"MZ\x90\x00"),
    ],
)
def test_documents_that_are_not_what_they_claim_are_refused(admin_client, name, content):
    response = upload_document(admin_client, name, content)
    assert response.status_code == 200, name
    assert form_errors(response)
    assert not get_document_model().objects.exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    "name, content, disposition",
    [
        ("annual-report.pdf", PDF, "inline"),
        ("minutes.docx", docx_bytes(), "attachment"),
        ("figures.csv", b"year,count\n2011,4\n", "attachment"),
    ],
)
def test_documents_are_accepted_and_served_with_safe_headers(
    admin_client, client, name, content, disposition
):
    assert upload_document(admin_client, name, content).status_code == 302
    document = get_document_model().objects.get(title=name)
    client.logout()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(disposition)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(response.streaming_content) == content
