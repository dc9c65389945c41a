"""Forms of mentoring in the portal. They validate what people type; the services do the work
(and check the rules again)."""

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from home.forms import BoundedModelChoiceField, BoundedModelMultipleChoiceField
from members.mentoring.models import MAX_CAPACITY, Feedback, Format, Language
from members.mentoring.people import expertise_model

MESSAGE_MAX_LENGTH = 2000


def topics_field(help_text):
    return BoundedModelMultipleChoiceField(
        label=_("Topics"),
        queryset=expertise_model().objects.all(),
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
        error_messages={"required": _("Choose at least one topic.")},
    )


def languages_field(help_text):
    return forms.MultipleChoiceField(
        label=_("Languages"),
        choices=Language.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text=help_text,
        error_messages={"required": _("Choose at least one language from the list.")},
    )


def format_field():
    return forms.ChoiceField(
        label=_("Format"), choices=Format.choices, widget=forms.RadioSelect, initial=Format.EITHER
    )


class OfferForm(forms.Form):
    topics = topics_field(_("What you can help peers with."))
    capacity = forms.TypedChoiceField(
        label=_("How many mentees at once"),
        choices=[(number, str(number)) for number in range(1, MAX_CAPACITY + 1)],
        coerce=int,
        initial=1,
    )
    format = format_field()
    languages = languages_field(_("The languages you can mentor in."))
    years_in_role = forms.IntegerField(
        label=_("Years of experience in your role"),
        min_value=0,
        max_value=60,
        initial=0,
        widget=forms.NumberInput(attrs={"inputmode": "numeric"}),
    )
    availability = forms.CharField(
        label=_("Availability"),
        max_length=300,
        required=False,
        help_text=_("For example: one hour every two weeks, Tuesday afternoons."),
    )
    paused = forms.BooleanField(
        label=_("Pause my offer: I am not suggested to anyone for now"),
        required=False,
    )


class RequestForm(forms.Form):
    topics = topics_field(_("What you would like help with."))
    goals = forms.CharField(
        label=_("Your goals, in your own words"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_(
            "Mentors see this when you ask them. For example: I am a new manager and want to prepare our annual budget."
        ),
    )
    format = format_field()
    languages = languages_field(_("The languages you can talk in."))


class MessageForm(forms.Form):
    """An optional word with a request or an answer."""

    message = forms.CharField(
        label=_("A message (optional)"),
        max_length=MESSAGE_MAX_LENGTH,
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )


class GoalsForm(forms.Form):
    goals = forms.CharField(label=_("Our shared goals"), max_length=2000, widget=forms.Textarea(attrs={"rows": 5}))


class CheckInForm(forms.Form):
    date = forms.DateField(label=_("Date of the meeting or call"), widget=forms.DateInput(attrs={"type": "date"}))
    note = forms.CharField(
        label=_("Note"),
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the two of you see it, not even AMASQ staff."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["date"].initial = timezone.localdate()


class FeedbackForm(forms.Form):
    usefulness = forms.TypedChoiceField(
        label=_("How useful was this mentoring for you? (1: not at all, 5: very)"),
        choices=[(number, str(number)) for number in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
    )
    goals_met = forms.ChoiceField(
        label=_("Were the goals met?"), choices=Feedback.Goals.choices, widget=forms.RadioSelect
    )


class CloseForm(FeedbackForm):
    """Closing, with feedback optional (both answers or none)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            field.required = False

    def clean(self):
        data = super().clean()
        if bool(data.get("usefulness")) != bool(data.get("goals_met")):
            raise forms.ValidationError(_("Answer both questions of the feedback form, or neither."))
        return data


class PersonChoiceField(BoundedModelChoiceField):
    def label_from_instance(self, obj):
        return obj.get_full_name() or obj.get_username()


class ManualMatchForm(forms.Form):
    """AMASQ staff pair a waiting mentee with a mentor (querysets given by the view)."""

    mentee = PersonChoiceField(label=_("Mentee"), queryset=None)
    mentor = PersonChoiceField(label=_("Mentor"), queryset=None)

    def __init__(self, *args, mentees, mentors, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["mentee"].queryset = mentees
        self.fields["mentor"].queryset = mentors
