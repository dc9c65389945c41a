"""The directory page's search: its GET form, and the filtered, sorted, paginated schools.

MASDirectoryPage renders it, so this module sits beside the models and imports none of them (nor
forms, services or views): the page hands in its own schools and the choices to offer.
"""

from dataclasses import dataclass

from django import forms
from django.utils.translation import gettext_lazy as _

from home.pagination import paginate
from members import geo

MAX_QUERY_LENGTH = 100
SCHOOLS_PER_PAGE = 20


class DirectorySearchForm(forms.Form):
    """The directory's GET form: every field optional and freely combined."""

    q = forms.CharField(
        label=_("Name or keyword"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Use at most %(limit_value)d characters.")},
    )
    near = forms.CharField(
        label=_("Postal code or city"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        help_text=_("For example G6V 6N2, H8N or Lévis."),
        error_messages={"max_length": _("Use at most %(limit_value)d characters.")},
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    service = forms.ChoiceField(label=_("Service"), required=False)
    kind = forms.ChoiceField(label=_("Membership"), required=False)

    def __init__(self, *args, regions, services, kinds, **kwargs):
        """regions and kinds: (value, label) choices; services: objects with a slug and a name."""
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["region"].choices = every + [(code, f"{code} – {name}") for code, name in regions]
        self.fields["service"].choices = every + [(service.slug, service.name) for service in services]
        self.fields["kind"].choices = every + list(kinds)
        self.fields["region"].error_messages["invalid_choice"] = _("Choose a region from the list.")
        self.fields["service"].error_messages["invalid_choice"] = _("Choose a service from the list.")
        self.fields["kind"].error_messages["invalid_choice"] = _("Choose a kind of membership from the list.")

    def clean_near(self):
        near = " ".join(self.cleaned_data["near"].split())
        if not near:
            return None
        if geo.is_postal_code_like(near):
            place = geo.place_for_postal_code(near)
            if place is None:
                raise forms.ValidationError(
                    _("“%(value)s” is not a Canadian postal code we know. Check it, or type a city."),
                    params={"value": near},
                    code="unknown_postal_code",
                )
            try:
                label = geo.normalize_postal_code(near)
            except ValueError:
                label = geo.forward_sortation_area(near)
            return geo.Place(place.latitude, place.longitude, label)
        if any(char.isdigit() for char in near):
            raise forms.ValidationError(
                _("“%(value)s” is not a valid postal code. A postal code looks like H8N 1X1."),
                params={"value": near},
                code="invalid_postal_code",
            )
        place = geo.place_for_town(near)
        if place is None:
            raise forms.ValidationError(
                _("We could not find “%(value)s”. Try a postal code or a nearby city."),
                params={"value": near},
                code="unknown_town",
            )
        return geo.Place(place.latitude, place.longitude, near)

    @property
    def origin(self):
        """Where distances are measured from (a geo.Place), or None."""
        return getattr(self, "cleaned_data", {}).get("near")


@dataclass
class SchoolResult:
    page: object  # a MASPage
    distance_km: float | None = None


def search_directory(schools, params, *, regions, services, kinds):
    """Filter, sort and paginate `schools` (a MASPageQuerySet) from the directory's GET parameters.

    Returns the template context: form, results (a Paginator page of SchoolResult), result_count,
    origin (the geo.Place distances are measured from, or None) and is_filtered.
    Invalid parameters are reported on the form and ignored; they never raise.
    """
    form = DirectorySearchForm(params or None, regions=regions, services=services, kinds=kinds)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})

    if data.get("q"):
        schools = schools.matching(data["q"])
    if data.get("region"):
        schools = schools.in_region(data["region"])
    if data.get("service"):
        schools = schools.offering(data["service"])
    if data.get("kind"):
        schools = schools.of_kind(data["kind"])
    origin = form.origin
    schools = schools.nearest_to(origin.latitude, origin.longitude) if origin else schools.alphabetical()

    page = paginate(
        schools.select_related("logo").prefetch_related("services"), params.get("page", 1), SCHOOLS_PER_PAGE
    )

    page.object_list = [
        SchoolResult(
            school,
            geo.distance_km(origin.latitude, origin.longitude, school.latitude, school.longitude)
            if origin and school.latitude is not None
            else None,
        )
        for school in page.object_list
    ]
    return {
        "form": form,
        "results": page,
        "result_count": page.paginator.count,
        "origin": origin,
        "is_filtered": any(data.get(key) for key in ("q", "region", "service", "kind")) or origin is not None,
    }
