"""Blocks of a resource page. No images: a members-only resource must have nothing that a public
URL serves (an image rendition is a public file), so its body is text and its files are documents."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from home.blocks import RICH_TEXT_FEATURES, DocumentLinkBlock, HeadingBlock, QuoteBlock


class ResourceBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Rich text"), template="blocks/paragraph_block.html"
    )
    quote = QuoteBlock()
    document = DocumentLinkBlock()


class ResourceLinkBlock(blocks.StructBlock):
    """A link to material elsewhere (a video, a publisher's page)."""

    title = blocks.CharBlock(max_length=200, label=_("Link text"))
    url = blocks.URLBlock(label=_("Address"))

    class Meta:
        icon = "link"
        label = _("Link")


class ResourceLinksBlock(blocks.StreamBlock):
    link = ResourceLinkBlock()
