from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.search import index

# Quebec's 17 administrative regions with their official numbers; the names are proper nouns,
# the same in French and English.
REGION_CHOICES = [
    ("01", "Bas-Saint-Laurent"),
    ("02", "Saguenay–Lac-Saint-Jean"),
    ("03", "Capitale-Nationale"),
    ("04", "Mauricie"),
    ("05", "Estrie"),
    ("06", "Montréal"),
    ("07", "Outaouais"),
    ("08", "Abitibi-Témiscamingue"),
    ("09", "Côte-Nord"),
    ("10", "Nord-du-Québec"),
    ("11", "Gaspésie–Îles-de-la-Madeleine"),
    ("12", "Chaudière-Appalaches"),
    ("13", "Laval"),
    ("14", "Lanaudière"),
    ("15", "Laurentides"),
    ("16", "Montérégie"),
    ("17", "Centre-du-Québec"),
]


class MembershipKind(models.TextChoices):
    REGULAR = "regular", _("Regular member")
    ALLIED = "allied", _("Allied member")


class Schedule(models.TextChoices):
    DAY = "day", _("Daytime")
    EVENING = "evening", _("Evening")
    DAY_AND_EVENING = "day_evening", _("Daytime and evening")


class TeachingLanguages(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    BOTH = "fr_en", _("French and English")


class BilingualTerm(index.Indexed, models.Model):
    """A staff-managed term with its French and English names on one row, so that pages in both
    languages, filters and profiles share the very same objects."""

    slug = models.SlugField(_("slug"), unique=True, help_text=_("Used in addresses; do not change it."))
    name_fr = models.CharField(_("name in French"), max_length=120)
    name_en = models.CharField(_("name in English"), max_length=120)
    sort_order = models.PositiveSmallIntegerField(_("order"), default=0)

    panels = [FieldPanel("name_fr"), FieldPanel("name_en"), FieldPanel("slug"), FieldPanel("sort_order")]
    search_fields = [index.SearchField("name_fr"), index.SearchField("name_en")]

    class Meta:
        abstract = True
        ordering = ["sort_order", "name_fr"]

    def __str__(self):
        return self.name

    @property
    def name(self):
        return self.name_en if (get_language() or "fr").startswith("en") else self.name_fr


class Service(BilingualTerm):
    """A service a member school offers (diploma studies, psychosocial support, literacy…).

    Used by MAS pages and the directory's service filter. Snippet, see members/wagtail_hooks.py.
    """

    class Meta(BilingualTerm.Meta):
        verbose_name = _("service")
        verbose_name_plural = _("services")
