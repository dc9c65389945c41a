import math

from django.core.exceptions import ValidationError
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models
from django.db.models import F, FloatField
from django.db.models.expressions import RawSQL
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField
from wagtail.models import Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from members import geo, open_data
from members.directory_search import search_directory
from members.models.taxonomy import REGION_CHOICES, MembershipKind, Schedule, Service, TeachingLanguages

RICH_TEXT_FEATURES = ["bold", "italic", "ol", "ul", "link"]
# cos(47°): how much a degree of longitude counts against one of latitude in the location index of
# migration 0005; the query below must use the very same expression as that index.
LONGITUDE_SCALE = 0.682
KNN_DISTANCE_SQL = f"point(members_maspage.longitude * {LONGITUDE_SCALE}, members_maspage.latitude) <-> point(%s, %s)"
REGION_NAMES = dict(REGION_CHOICES)
# A school's facts that are not words: every translation of a MAS page shows the same ones (kept
# so by members/services/shared_facts.py on every publication). "services" is shared too.
SHARED_FACTS = [
    "membership_kind",
    "region",
    "street_address",
    "city",
    "postal_code",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "schedule",
    "teaching_languages",
    "wheelchair_accessible",
]


class MASPageQuerySet(PageQuerySet):
    def in_region(self, region):
        return self.filter(region=region)

    def offering(self, service_slug):
        return self.filter(services__slug=service_slug)

    def of_kind(self, kind):
        return self.filter(membership_kind=kind)

    def matching(self, text):
        """Accent- and case-blind match on name, town, organisation and descriptions."""
        return self.filter(search_text__contains=geo.fold(text))

    def alphabetical(self):
        # search_text starts with the folded name, so "École" sorts with the E's, as in French.
        return self.order_by("search_text", "pk")

    def located(self):
        return self.filter(latitude__isnull=False, longitude__isnull=False)

    def nearest_to(self, latitude, longitude):
        """Order by distance from a point, nearest first.

        On PostgreSQL the order comes from the GiST index of migration 0005 (the `<->` distance
        between points, longitude scaled by cos 47°); elsewhere from a flat-earth formula the
        database computes for every row. Both rank Quebec's schools as the true distance does, to
        within a few hundred metres; exact distances are computed afterwards for the rows shown.
        """
        if connection.vendor == "postgresql":
            # Constant SQL; the origin travels as query parameters.
            knn_distance = RawSQL(KNN_DISTANCE_SQL, (longitude * LONGITUDE_SCALE, latitude), FloatField())  # noqa: S611
            # The distance alone: a tie-breaker would stop PostgreSQL reading the order off the index.
            return self.located().alias(distance_rank=knn_distance).order_by("distance_rank")
        longitude_scale = math.cos(math.radians(latitude))
        delta_latitude = F("latitude") - latitude
        delta_longitude = (F("longitude") - longitude) * longitude_scale
        return (
            self.located()
            .alias(distance_rank=delta_latitude * delta_latitude + delta_longitude * delta_longitude)
            .order_by("distance_rank", "pk")
        )


MASPageManager = PageManager.from_queryset(MASPageQuerySet)


class MASDirectoryPage(RoutablePageMixin, Page):
    """The public directory of member schools: a filterable list (the primary view), a map,
    a "near me" search, and open data (GeoJSON, CSV). One per language, under the home page."""

    intro = RichTextField(_("introduction"), blank=True, features=RICH_TEXT_FEATURES)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["members.MASPage"]

    class Meta:
        verbose_name = _("school directory page")

    def schools(self):
        return MASPage.objects.child_of(self).live().public()

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context.update(
            search_directory(
                self.schools(),
                request.GET,
                regions=REGION_CHOICES,
                services=list(Service.objects.all()),
                kinds=MembershipKind.choices,
            )
        )
        return context

    def _open_data_version(self):
        """What of the page itself the open data's ETag depends on."""
        return f"{self.pk}:{self.last_published_at}"

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("geojson/", name="geojson")
    def geojson_route(self, request):
        return open_data.geojson_response(request, self.schools(), name=self.slug, version=self._open_data_version())

    @path("postal-areas/", name="postal_areas")
    def postal_areas_route(self, request):
        return open_data.postal_areas(request)

    @path("csv/", name="csv")
    def csv_route(self, request):
        return open_data.csv_response(request, self.schools(), name=self.slug, version=self._open_data_version())


class MASPage(Page):
    """One member school (MAS): what it offers, who it serves, where it is and how to join.

    Edited by AMASQ staff (and, later, proposed by the school's coordinator); listed by the
    MASDirectoryPage it sits under; rendered by templates/members/mas_page.html.
    """

    short_description = models.TextField(_("short description"), max_length=300)
    description = RichTextField(_("description"), blank=True, features=RICH_TEXT_FEATURES)
    membership_kind = models.CharField(
        _("membership"), max_length=10, choices=MembershipKind.choices, default=MembershipKind.REGULAR
    )
    carrying_organisation = models.CharField(
        _("carrying organisation"),
        max_length=200,
        blank=True,
        help_text=_("The community organisation that runs the school."),
    )
    region = models.CharField(_("administrative region"), max_length=2, choices=REGION_CHOICES)
    street_address = models.CharField(_("street address"), max_length=200, blank=True)
    city = models.CharField(_("city"), max_length=100)
    postal_code = models.CharField(_("postal code"), max_length=7, help_text=_("For example H8N 1X1."))
    latitude = models.FloatField(
        _("latitude"),
        null=True,
        blank=True,
        validators=[MinValueValidator(-90), MaxValueValidator(90)],
        help_text=_("Leave both coordinates empty to place the school from its postal code."),
    )
    longitude = models.FloatField(
        _("longitude"), null=True, blank=True, validators=[MinValueValidator(-180), MaxValueValidator(180)]
    )
    phone = models.CharField(_("phone"), max_length=30, blank=True)
    email = models.EmailField(_("email"), blank=True)
    website = models.URLField(_("website"), blank=True)
    services = ParentalManyToManyField(Service, blank=True, related_name="schools", verbose_name=_("services"))
    audience = models.TextField(
        _("who it serves"), blank=True, help_text=_("Ages and profile of the students the school welcomes.")
    )
    admission_steps = RichTextField(_("admission steps"), blank=True, features=RICH_TEXT_FEATURES)
    schedule = models.CharField(_("schedule"), max_length=12, choices=Schedule.choices, default=Schedule.DAY)
    teaching_languages = models.CharField(
        _("languages of instruction"),
        max_length=5,
        choices=TeachingLanguages.choices,
        default=TeachingLanguages.FRENCH,
    )
    wheelchair_accessible = models.BooleanField(_("wheelchair-accessible premises"), default=False)
    accessibility_notes = models.TextField(_("accessibility of the premises"), blank=True)
    logo = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("logo"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    is_demo = models.BooleanField(
        _("demo content"), default=False, help_text=_("Shows a notice that the details are illustrative.")
    )
    # Folded copy of the searchable text, so the directory's text filter ignores accents on every
    # database (kept up to date in save()).
    search_text = models.TextField(editable=False, default="")

    objects = MASPageManager()

    search_fields = [
        *Page.search_fields,
        index.SearchField("short_description"),
        index.SearchField("description"),
        index.SearchField("city"),
        index.SearchField("carrying_organisation"),
        index.FilterField("region"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("short_description"),
        FieldPanel("description"),
        MultiFieldPanel(
            [FieldPanel("membership_kind"), FieldPanel("carrying_organisation"), FieldPanel("logo")],
            heading=_("Membership"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("street_address"),
                FieldRowPanel([FieldPanel("city"), FieldPanel("postal_code")]),
                FieldPanel("region"),
                FieldRowPanel([FieldPanel("latitude"), FieldPanel("longitude")]),
            ],
            heading=_("Address"),
        ),
        MultiFieldPanel(
            [FieldPanel("phone"), FieldPanel("email"), FieldPanel("website")], heading=_("Contact details")
        ),
        MultiFieldPanel(
            [
                FieldPanel("services"),
                FieldPanel("audience"),
                FieldPanel("admission_steps"),
                FieldRowPanel([FieldPanel("schedule"), FieldPanel("teaching_languages")]),
            ],
            heading=_("Studies"),
        ),
        MultiFieldPanel(
            [FieldPanel("wheelchair_accessible"), FieldPanel("accessibility_notes")], heading=_("Accessibility")
        ),
        InlinePanel("gallery_images", label=_("Photos")),
        FieldPanel("is_demo"),
    ]

    parent_page_types = ["members.MASDirectoryPage"]
    subpage_types = []
    # wagtail-localize copies these from the source instead of asking translators for them.
    override_translatable_fields = [SynchronizedField(name) for name in SHARED_FACTS]

    class Meta:
        verbose_name = _("member school (MAS)")
        verbose_name_plural = _("member schools (MAS)")

    def clean(self):
        super().clean()
        errors = {}
        if self.postal_code:
            try:
                self.postal_code = geo.normalize_postal_code(self.postal_code)
            except ValueError:
                errors["postal_code"] = _("Enter a Canadian postal code such as H8N 1X1.")
        if (self.latitude is None) != (self.longitude is None):
            errors["longitude"] = _("Give both coordinates, or neither.")
        elif (
            self.latitude is None
            and self.postal_code
            and "postal_code" not in errors
            and not geo.place_for_postal_code(self.postal_code)
        ):
            errors["postal_code"] = _("This postal code is not known; enter the coordinates yourself.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.latitude is None and self.longitude is None and self.postal_code:
            place = geo.place_for_postal_code(self.postal_code)
            if place:
                self.latitude, self.longitude = place.latitude, place.longitude
        self.search_text = geo.fold(
            " ".join([self.title, self.city, self.carrying_organisation, self.short_description])
        )
        return super().save(*args, **kwargs)

    @property
    def region_name(self):
        return REGION_NAMES.get(self.region, "")

    @property
    def directions_url(self):
        """OpenStreetMap directions to the school (no account, no tracking)."""
        if self.latitude is None:
            return ""
        return f"https://www.openstreetmap.org/directions?to={self.latitude:.5f}%2C{self.longitude:.5f}"

    @cached_property
    def full_address(self):
        parts = [self.street_address, f"{self.city} (Québec) {self.postal_code}".strip()]
        return ", ".join(part for part in parts if part)

    def map_marker(self, request, distance_km=None):
        """What the map needs to show this school (see static/js/members-map.js)."""
        return {
            "name": self.title,
            "url": self.get_url(request),
            "city": self.city,
            "lat": self.latitude,
            "lon": self.longitude,
            "distance_km": round(distance_km, 1) if distance_km is not None else None,
        }

    def json_ld(self):
        """schema.org EducationalOrganization description with geo coordinates."""
        data = {
            "@context": "https://schema.org",
            "@type": "EducationalOrganization",
            "name": self.title,
            "description": self.short_description,
            "url": self.full_url,
            "address": {
                "@type": "PostalAddress",
                "streetAddress": self.street_address,
                "addressLocality": self.city,
                "addressRegion": "QC",
                "postalCode": self.postal_code,
                "addressCountry": "CA",
            },
        }
        if self.latitude is not None:
            data["geo"] = {"@type": "GeoCoordinates", "latitude": self.latitude, "longitude": self.longitude}
        for key, value in (("telephone", self.phone), ("email", self.email), ("sameAs", self.website)):
            if value:
                data[key] = value
        if self.carrying_organisation:
            data["parentOrganization"] = {"@type": "Organization", "name": self.carrying_organisation}
        return data


class MASPageImage(Orderable):
    page = ParentalKey(MASPage, related_name="gallery_images", on_delete=models.CASCADE)
    image = models.ForeignKey("wagtailimages.Image", on_delete=models.CASCADE, related_name="+")
    alt_text = models.CharField(
        _("image description"), max_length=250, help_text=_("What the photo shows, for people who cannot see it.")
    )

    panels = [FieldPanel("image"), FieldPanel("alt_text")]
