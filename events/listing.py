"""The events listing's filters (GET, no JavaScript needed): the index page hands its events here.

This module does not import the pages back (the page imports it): choices come as arguments."""

from django import forms
from django.utils.translation import gettext_lazy as _

from home.pagination import paginate

EVENTS_PER_PAGE = 20
PAST_EVENTS_SHOWN = 10


class EventFilterForm(forms.Form):
    kind = forms.ChoiceField(label=_("Kind of event"), required=False)
    audience = forms.ChoiceField(label=_("For"), required=False)
    region = forms.ChoiceField(label=_("Region"), required=False)
    format = forms.ChoiceField(
        label=_("Format"),
        required=False,
        choices=[("", _("In person or online")), ("in_person", _("In person")), ("online", _("Online"))],
    )

    def __init__(self, *args, kinds, audiences, regions, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["kind"].choices = [("", _("All kinds")), *kinds]
        self.fields["audience"].choices = [("", _("Everyone")), *audiences]
        self.fields["region"].choices = [("", _("All regions")), *regions]
        for name in self.fields:
            self.fields[name].error_messages["invalid_choice"] = _("Choose a value from the list.")


def filter_events(events, params, *, kinds, audiences, regions):
    """Template context for `events` (an EventPage queryset with upcoming() and past()) filtered
    by the GET `params`: form, upcoming_events (a page of them), past_events, is_filtered.
    Invalid values are reported on the form and ignored; they never raise."""
    form = EventFilterForm(params or None, kinds=kinds, audiences=audiences, regions=regions)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    if data.get("kind"):
        events = events.filter(kind=data["kind"])
    if data.get("audience"):
        events = events.filter(audience=data["audience"])
    if data.get("region"):
        events = events.filter(region=data["region"])
    if data.get("format"):
        events = events.filter(online=data["format"] == "online")
    return {
        "form": form,
        "upcoming_events": paginate(events.upcoming(), params.get("page"), EVENTS_PER_PAGE),
        "past_events": list(events.past()[:PAST_EVENTS_SHOWN]),
        "is_filtered": any(data.get(name) for name in ("kind", "audience", "region", "format")),
    }
