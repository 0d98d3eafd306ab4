"""What a translator may write in a translated string: the source's own inline tags, and text.

wagtail-localize checks a translation with Python's ``html.parser``, to which a comment, a
CDATA section or a processing instruction is one harmless node. A browser disagrees:
``<!--><img src=x onerror=…>-->`` ends its comment at ``<!-->``, so everything after it is
live markup on the published page. Rather than hope two parsers agree, every ``<`` in a
translation must open or close one of the tags its source string has, written the way
wagtail-localize writes them (``<b>``, ``</b>``, ``<a id="a1">``, ``<br/>``); anything else
is refused. Translators never need more: the source's attributes (link addresses) are kept
aside by wagtail-localize and put back on the ``id``'d ``<a>`` tags when the page is built.

A refused string is stored with wagtail-localize's own error flag: its editor shows the
message beside the string, the translation is not counted as done, and the page built for
a revision or a preview uses the source text instead of it, so it never reaches a revision.
That holds whoever saves the string: the string editor, an uploaded PO file, a machine
translator.
"""

import re

from django.db.models.signals import post_save
from django.utils.translation import gettext_lazy as _
from wagtail_localize.models import StringTranslation

# Sequences that open something other than a tag in HTML5: comments, CDATA sections,
# doctype and bogus comments (<!…>), processing instructions (<?…>).
FORBIDDEN_SEQUENCES = ("<!", "<?", "]]>")

# One tag exactly as wagtail-localize writes strings: a lower-case name, an optional id
# (links only), an optional self-closing slash. Nothing may follow the name but these.
TAG = re.compile(r'<(?P<closing>/?)(?P<name>[a-z][a-z0-9]*)(?: id="(?P<id>[a-z]+[0-9]+)")?/?>')


def source_tags(source_html):
    """The tag names and link ids a source string has (sources come from editors' content,
    serialised by wagtail-localize, so they are always in its own form)."""
    names, ids = set(), set()
    for match in TAG.finditer(source_html):
        names.add(match["name"])
        if match["id"]:
            ids.add(match["id"])
    return names, ids


def refusal_reason(source_html, translated_html):
    """Why this translation may not be used, or None when it is safe."""
    for sequence in FORBIDDEN_SEQUENCES:
        if sequence in translated_html:
            return _(
                "“%(sequence)s” is not allowed in a translation: comments, CDATA sections and "
                "processing instructions could hide markup. Write “<” as “&lt;” in text."
            ) % {"sequence": sequence}
    allowed_names, allowed_ids = source_tags(source_html)
    position = translated_html.find("<")
    while position != -1:
        match = TAG.match(translated_html, position)
        if match is None:
            fragment = translated_html[position : position + 20]
            return _(
                "“%(fragment)s…” is not one of the source text's tags. A translation may "
                "only use the tags of its source (%(tags)s), without attributes; write “<” "
                "as “&lt;” in text."
            ) % {"fragment": fragment, "tags": ", ".join(sorted(allowed_names)) or "—"}
        if match["name"] not in allowed_names:
            return _("The source text has no <%(name)s> tag: remove it from the translation.") % {
                "name": match["name"]
            }
        if match["id"] and (match["closing"] or match["id"] not in allowed_ids):
            return _("This link is not in the source text: keep the source's links only.")
        position = translated_html.find("<", match.end())
    return None


def refuse_unsafe_markup(sender, instance, raw=False, update_fields=None, **kwargs):
    if raw or (update_fields is not None and "data" not in update_fields):
        return
    reason = refusal_reason(instance.translation_of.data, instance.data)
    if reason is None:
        return
    instance.has_error = True
    instance.field_error = str(reason)
    # An update, not a save: wagtail-localize's own save() would check the string again
    # with the parser this module exists to second-guess.
    sender.objects.filter(pk=instance.pk).update(has_error=True, field_error=instance.field_error)


def connect():
    post_save.connect(
        refuse_unsafe_markup,
        sender=StringTranslation,
        dispatch_uid="editions_refuse_unsafe_translated_markup",
    )
