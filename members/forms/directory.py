from django import forms
from django.utils.translation import gettext_lazy as _

from members import geo
from members.models import REGION_CHOICES, MembershipKind, Service

MAX_QUERY_LENGTH = 100


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

    def __init__(self, *args, services=None, **kwargs):
        super().__init__(*args, **kwargs)
        every = [("", _("All"))]
        self.fields["region"].choices = every + [(code, f"{code} – {name}") for code, name in REGION_CHOICES]
        services = Service.objects.all() if services is None else services
        self.fields["service"].choices = every + [(service.slug, service.name) for service in services]
        self.fields["kind"].choices = every + list(MembershipKind.choices)
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
