"""The one registry of StreamField blocks used by every page type."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock, EmbedValue
from wagtail.embeds.exceptions import EmbedException
from wagtail.images.blocks import ImageBlock

from core.embeds import cached_embed, fetch_for_editor


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=255)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Level 2")), ("h3", _("Level 3")), ("h4", _("Level 4"))],
        default="h2",
        label=_("Level"),
    )

    class Meta:
        icon = "title"
        template = "core/blocks/heading.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=500, label=_("Caption"))
    credit = blocks.CharBlock(required=False, max_length=255, label=_("Credit"))

    class Meta:
        icon = "image"
        template = "core/blocks/image.html"


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(required=False, max_length=255, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "core/blocks/quote.html"


class PullQuoteBlock(blocks.TextBlock):
    class Meta:
        icon = "openquote"
        label = _("Pull quote")
        template = "core/blocks/pull_quote.html"


class CachedEmbedBlock(EmbedBlock):
    """An embed rendered from the cache filled at save time, or a link when there is none."""

    def clean(self, value):
        if isinstance(value, EmbedValue):
            try:
                fetch_for_editor(value.url, value.max_width, value.max_height)
            except EmbedException as error:
                raise ValidationError(_("Cannot find an embed for this URL.")) from error
        # Wagtail's own check would refuse an embed whose provider cannot be reached now.
        return blocks.URLBlock.clean(self, value)

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["embed"] = cached_embed(value.url) if value else None
        return context

    class Meta:
        icon = "media"
        template = "core/blocks/embed.html"


class DocumentDownloadBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Link text"),
        help_text=_("Defaults to “Download” followed by the document title."),
    )

    class Meta:
        icon = "doc-full"
        template = "core/blocks/document.html"


class SourceLinkBlock(blocks.StructBlock):
    url = blocks.URLBlock(label=_("Address"))
    label = blocks.CharBlock(
        required=False,
        max_length=255,
        label=_("Link text"),
        help_text=_("Leave empty to show the address itself."),
    )

    class Meta:
        icon = "link"
        label = _("Read more link")
        template = "core/blocks/source_link.html"


class BodyBlock(blocks.StreamBlock):
    paragraph = blocks.RichTextBlock(icon="pilcrow", label=_("Paragraph"))
    heading = HeadingBlock(label=_("Heading"))
    image = CaptionedImageBlock(label=_("Image"))
    quote = QuoteBlock(label=_("Block quote"))
    pull_quote = PullQuoteBlock()
    embed = CachedEmbedBlock(label=_("Embed"), help_text=_("A video or post address, e.g. YouTube"))
    document = DocumentDownloadBlock(label=_("Document download"))
    source_link = SourceLinkBlock()
