"""What an issue's body is made of: blocks that read well both on the site and in mail apps
(templates/email/newsletter/issue.html draws each one with inline styles)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from home.blocks import RICH_TEXT_FEATURES, HeadingBlock, LinkBlock


class NewsletterImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    alt_text = blocks.CharBlock(
        max_length=250, label=_("Text alternative"), help_text=_("What the image shows, for those who cannot see it.")
    )
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        label = _("Image")


class ButtonBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=60, label=_("Button label"))
    link = LinkBlock(label=_("Link"))

    class Meta:
        icon = "link"
        label = _("Button")


class FeaturedPageBlock(blocks.StructBlock):
    """A news item, an event or a resource of the site: its title, a short text and a link."""

    page = blocks.PageChooserBlock(label=_("Page"))
    text = blocks.TextBlock(
        required=False, label=_("Text"), help_text=_("Empty: the page's own summary or description.")
    )

    class Meta:
        icon = "doc-full"
        label = _("News, event or resource")


class NewsletterBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(features=[f for f in RICH_TEXT_FEATURES if f != "document-link"], label=_("Text"))
    image = NewsletterImageBlock()
    button = ButtonBlock()
    featured = FeaturedPageBlock()
