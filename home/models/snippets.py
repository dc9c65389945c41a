from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.fields import RichTextField
from wagtail.models import TranslatableMixin


class FooterText(TranslatableMixin, models.Model):
    """The short text at the foot of every page, one per language.

    Edited as a snippet (registered in home/wagtail_hooks.py), shown by the footer_text tag.
    """

    body = RichTextField(_("text"), features=["bold", "italic", "link"])

    panels = [FieldPanel("body")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("footer text")
        verbose_name_plural = _("footer texts")

    def __str__(self):
        return _("Footer text (%(language)s)") % {"language": self.locale.get_display_name()}
