"""StreamField blocks shared by every page type; each renders with templates/blocks/<name>.html."""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.embeds.blocks import EmbedBlock
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "ol", "ul", "link", "document-link", "blockquote"]


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Heading"), max_length=200)
    level = blocks.ChoiceBlock(choices=[("h2", _("Level 2")), ("h3", _("Level 3"))], default="h2", label=_("Level"))

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Heading")


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Image"))
    caption = blocks.CharBlock(required=False, max_length=250, label=_("Caption"))

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        label = _("Image")


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Quotation"))
    attribution = blocks.CharBlock(required=False, max_length=200, label=_("Attribution"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Quote")


class LinkBlock(blocks.StructBlock):
    """A link to a page of the site or to an outside address; exactly one of the two."""

    page = blocks.PageChooserBlock(required=False, label=_("Page"))
    url = blocks.URLBlock(required=False, label=_("External address"))

    class Meta:
        icon = "link"

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            raise blocks.StructBlockValidationError(
                block_errors={"url": ValidationError(_("Choose a page or enter an address, not both."))}
            )
        return value


class CallToActionBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150, label=_("Title"))
    text = blocks.TextBlock(required=False, label=_("Text"))
    button_label = blocks.CharBlock(max_length=60, label=_("Button label"))
    link = LinkBlock(label=_("Link"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Call to action")


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Document"))
    label = blocks.CharBlock(required=False, max_length=150, label=_("Link text"))

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Document")


class KeyFigureBlock(blocks.StructBlock):
    figure = blocks.CharBlock(max_length=20, label=_("Figure"))
    label = blocks.CharBlock(max_length=120, label=_("What it counts"))


class KeyFiguresBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=150, label=_("Heading"))
    figures = blocks.ListBlock(KeyFigureBlock(), min_num=1, label=_("Figures"))
    source = blocks.CharBlock(required=False, max_length=200, label=_("Source"))

    class Meta:
        icon = "table"
        template = "blocks/key_figures_block.html"
        label = _("Key figures")


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=150, label=_("Title"))
    text = blocks.TextBlock(label=_("Text"))


class CardGridBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=150, label=_("Heading"))
    intro = blocks.TextBlock(required=False, label=_("Introduction"))
    numbered = blocks.BooleanBlock(required=False, label=_("Numbered list"))
    cards = blocks.ListBlock(CardBlock(), min_num=1, label=_("Cards"))

    class Meta:
        icon = "list-ul"
        template = "blocks/card_grid_block.html"
        label = _("Cards")


class BaseStreamBlock(blocks.StreamBlock):
    heading = HeadingBlock()
    paragraph = blocks.RichTextBlock(
        features=RICH_TEXT_FEATURES, label=_("Rich text"), template="blocks/paragraph_block.html"
    )
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    embed = EmbedBlock(
        label=_("Embedded media"), help_text=_("A YouTube or Vimeo address"), template="blocks/embed_block.html"
    )
    key_figures = KeyFiguresBlock()
    cards = CardGridBlock()
