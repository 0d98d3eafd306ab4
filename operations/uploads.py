"""What editors may upload, and what is removed before anything is published.

- Images: size (WAGTAILIMAGES_MAX_UPLOAD_SIZE) and pixel (WAGTAILIMAGES_MAX_IMAGE_PIXELS)
  limits. Wagtail's own pixel check asks Willow for the size, which decodes the whole
  image first (Pillow only refuses to open one over twice the limit): ``SafeImageForm``
  (WAGTAILIMAGES_IMAGE_FORM_BASE, the single and the multiple upload) reads the size from
  the file header and refuses an image over the limit before anything decodes it, and
  answers a damaged or truncated file with a form error instead of a server error. Pillow
  is held to the same pixel limit everywhere else (renditions, the GPS stripper below), so
  a decompression bomb is refused, never decoded. SVG is not an allowed extension
  (WAGTAILIMAGES_EXTENSIONS): it can carry script.
- GPS: a photo taken on a phone records where it was taken. The location tags are removed
  from the stored original when it is saved; renditions are re-encoded without metadata.
- Documents: only the extensions in WAGTAILDOCS_EXTENSIONS, and the file's first bytes
  must match its extension, so a page of HTML renamed .pdf is refused. Wagtail serves
  documents through its view with Content-Disposition, ``X-Content-Type-Options: nosniff``
  and ``Content-Security-Policy: default-src 'none'``.
"""

import hashlib
import io
import logging
import os
import warnings

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.db.models.signals import pre_save
from django.utils.translation import gettext_lazy as _
from PIL import Image as PILImage
from wagtail.documents.forms import BaseDocumentForm
from wagtail.images import get_image_model
from wagtail.images.fields import WagtailImageField
from wagtail.images.forms import BaseImageForm

logger = logging.getLogger(__name__)

GPS_IFD = 0x8825
# Formats whose EXIF block Pillow can rewrite in place of the original.
REWRITABLE_FORMATS = {"JPEG": "JPEG", "PNG": "PNG", "WEBP": "WEBP"}

# What a document's first bytes must be, by extension. Plain-text formats (txt, csv) are
# checked for markup instead.
DOCUMENT_SIGNATURES = {
    "pdf": (b"%PDF-",),
    "docx": (b"PK\x03\x04",),
    "xlsx": (b"PK\x03\x04",),
    "odt": (b"PK\x03\x04",),
    "zip": (b"PK\x03\x04", b"PK\x05\x06"),
    "rtf": (b"{\\rtf",),
}
TEXT_EXTENSIONS = {"txt", "csv"}
MARKUP_MARKERS = (b"<html", b"<script", b"<svg", b"<!doctype", b"<iframe", b"<body")


def limit_pillow_pixels():
    """Pillow refuses (DecompressionBombError) images over twice MAX_IMAGE_PIXELS and warns
    over it; hold it to the same limit as uploads."""
    PILImage.MAX_IMAGE_PIXELS = settings.WAGTAILIMAGES_MAX_IMAGE_PIXELS


def strip_gps(data):
    """Return the image bytes without GPS tags, or None when there is nothing to remove."""
    with PILImage.open(io.BytesIO(data)) as image:
        image_format = REWRITABLE_FORMATS.get(image.format)
        if image_format is None:
            return None
        exif = image.getexif()
        if GPS_IFD not in exif and not _xmp_has_location(image):
            return None
        exif.pop(GPS_IFD, None)
        options = {"exif": exif.tobytes()}
        if image.info.get("icc_profile"):
            options["icc_profile"] = image.info["icc_profile"]
        if image_format == "JPEG":
            # Keep the original compression: no visible loss from stripping a tag.
            options.update(quality="keep", subsampling="keep")
        elif image_format == "WEBP":
            options.update(lossless=image.info.get("lossless", False), quality=90)
        output = io.BytesIO()
        image.save(output, format=image_format, **options)  # XMP is not copied
        return output.getvalue()


def _xmp_has_location(image):
    xmp = image.info.get("xmp") or image.info.get("XML:com.adobe.xmp") or b""
    if isinstance(xmp, str):
        xmp = xmp.encode()
    return b"GPSLatitude" in xmp or b"GPSLongitude" in xmp


def remove_location_before_save(sender, instance, **kwargs):
    """pre_save on the image model: rewrite a newly uploaded file without its GPS tags."""
    file = instance.file
    if not file or getattr(file, "_committed", True):
        return  # no new file: a title or focal point edit
    file.seek(0)
    data = file.read()
    file.seek(0)
    try:
        cleaned = strip_gps(data)
    except (OSError, SyntaxError, ValueError, PILImage.DecompressionBombError):
        logger.warning("Could not check %s for location data", file.name, exc_info=True)
        return
    if cleaned is None:
        return
    name = os.path.basename(file.name)
    instance.file = ContentFile(cleaned, name=name)
    instance.file_size = len(cleaned)
    instance.file_hash = hashlib.sha1(cleaned).hexdigest()
    logger.info("Removed location data from %s", name)


def connect():
    limit_pillow_pixels()
    pre_save.connect(
        remove_location_before_save, sender=get_image_model(), dispatch_uid="strip-gps"
    )


# What Pillow raises for a file it cannot read to the end (truncated, corrupt).
UNREADABLE_IMAGE_ERRORS = (OSError, SyntaxError, EOFError, ValueError)


class SafeImageField(WagtailImageField):
    """Wagtail's image field, which refuses an image with too many pixels from its header,
    before Willow decodes it, and a file that cannot be decoded with a form error."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_messages["damaged_image"] = _(
            "This image is damaged or incomplete and cannot be read. Save it again in an "
            "image editor, or upload the original."
        )

    def to_python(self, data):
        if data is not None and hasattr(data, "read"):
            self.check_header_pixels(data)
        try:
            return super().to_python(data)
        except UNREADABLE_IMAGE_ERRORS as error:
            raise ValidationError(
                self.error_messages["damaged_image"], code="damaged_image"
            ) from error

    def check_header_pixels(self, file):
        """Refuse ``file`` if its header says it has more pixels than allowed. Pillow's
        ``open`` reads the header only; what it cannot identify is left to Wagtail."""
        file.seek(0)
        try:
            with warnings.catch_warnings():
                # Over MAX_IMAGE_PIXELS Pillow warns: the size is refused just below.
                warnings.simplefilter("ignore", PILImage.DecompressionBombWarning)
                with PILImage.open(file) as image:
                    width, height = image.size
        except PILImage.DecompressionBombError:
            width = height = None  # over twice the limit: Pillow will not even say
        except UNREADABLE_IMAGE_ERRORS:
            return
        finally:
            file.seek(0)
        if self.max_image_pixels is None:
            return
        if width is None or width * height > self.max_image_pixels:
            raise ValidationError(
                self.error_messages["file_too_many_pixels"]
                % {
                    "num_pixels": _("unknown number") if width is None else width * height,
                    "max_pixels_count": self.max_image_pixels,
                },
                code="file_too_many_pixels",
            )


class SafeImageForm(BaseImageForm):
    """Wagtail's image form (WAGTAILIMAGES_IMAGE_FORM_BASE) with ``SafeImageField`` for the
    file, in the single upload, the multiple upload and the edit view."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # Wagtail builds the file field itself (wagtail.images.forms.formfield_for_dbfield,
        # which takes no field class); the multiple upload's edit form has none.
        field = self.fields.get("file")
        if field is not None and not isinstance(field, SafeImageField):
            self.fields["file"] = SafeImageField(
                label=field.label, required=field.required, widget=field.widget
            )


class SafeDocumentForm(BaseDocumentForm):
    """Wagtail's document form, refusing files whose content does not match their name."""

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if not file or not hasattr(file, "read"):
            return file
        extension = os.path.splitext(file.name)[1].lstrip(".").lower()
        file.seek(0)
        head = file.read(2048)
        file.seek(0)
        signatures = DOCUMENT_SIGNATURES.get(extension)
        if signatures and not head.startswith(signatures):
            raise forms.ValidationError(
                _("This file is not a real %(extension)s document."),
                code="content_mismatch",
                params={"extension": extension.upper()},
            )
        if extension in TEXT_EXTENSIONS and any(
            marker in head.lower() for marker in MARKUP_MARKERS
        ):
            raise forms.ValidationError(
                _("Text documents may not contain web page markup."), code="markup_in_text"
            )
        return file
