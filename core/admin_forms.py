"""Admin form fields that answer malformed posted data with a form error, not a 500.

A StreamField and a rich text field are posted by the admin's JavaScript in a shape their
widgets parse without checking: a StreamField's ``<name>-count``, ``-type``, ``-order`` and
``-deleted`` fields (``StreamBlock.value_from_datadict`` indexes them and calls ``int()``),
and Draftail's contentstate JSON (``DraftailRichTextArea.value_from_datadict`` calls
``json.loads`` and walks the result). A request missing one, or carrying raw HTML instead of
JSON (a browser extension, a script, a form saved from an older admin), raised
``MultiValueDictKeyError`` or ``JSONDecodeError`` from deep in form validation: a server
error for a staff member, and an alert for us.

Every admin model form (pages, snippets, settings) builds these fields through Wagtail's
form field registry, so ``register()`` (``core.apps``) gives StreamFields and rich text
fields a bound field that catches what their widget raises while reading the posted data:
the field then has an error saying so, the form is shown again with the content as it was
saved, and nothing is stored. Rich text inside a StreamField is read by the StreamField's
widget, so it is covered by the StreamField's guard.
"""

import logging

from django import forms
from django.core.exceptions import ValidationError
from django.forms.boundfield import BoundField
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.models import register_form_field_override
from wagtail.blocks import BlockField
from wagtail.fields import RichTextField, StreamField

logger = logging.getLogger(__name__)

# What a widget parsing posted data raises when it is not in the shape it expects: a
# missing key, a number or JSON that does not parse, JSON of the wrong shape.
MALFORMED_DATA_ERRORS = (KeyError, IndexError, ValueError, TypeError, AttributeError)


class _Malformed:
    def __repr__(self):
        return "<malformed form data>"


MALFORMED = _Malformed()


class GuardedBoundField(BoundField):
    @property
    def data(self):
        try:
            return super().data
        except MALFORMED_DATA_ERRORS:
            logger.warning("Malformed data posted for %s", self.html_name, exc_info=True)
            return MALFORMED


class GuardedFieldMixin:
    """A form field whose posted data may fail to parse: an error on the field, and the
    saved value shown again."""

    bound_field_class = GuardedBoundField
    default_error_messages = {
        "malformed": _(
            "This content arrived incomplete or damaged and was not saved. Reload the page "
            "and make your change again."
        ),
    }

    def clean(self, value):
        if value is MALFORMED:
            raise ValidationError(self.error_messages["malformed"], code="malformed")
        return super().clean(value)

    def bound_data(self, data, initial):
        return initial if data is MALFORMED else super().bound_data(data, initial)

    def has_changed(self, initial, data):
        return True if data is MALFORMED else super().has_changed(initial, data)


class GuardedBlockField(GuardedFieldMixin, BlockField):
    """A StreamField in an admin form."""


class GuardedRichTextField(GuardedFieldMixin, forms.CharField):
    """A RichTextField in an admin form (its widget is the configured rich text editor)."""


def register():
    """Admin model forms build StreamFields and rich text fields with the guarded fields
    (Wagtail's ``register_form_field_override``, which ``WagtailAdminModelForm`` reads)."""
    register_form_field_override(StreamField, override={"form_class": GuardedBlockField})
    register_form_field_override(RichTextField, override={"form_class": GuardedRichTextField})
