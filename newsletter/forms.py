from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from newsletter.models import MailingList

LANGUAGE_CHOICES = [("fr", "Français"), ("en", "English")]


class ListsField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj):
        return obj.name


class SignupForm(forms.Form):
    email = forms.EmailField(label=_("Your email address"), max_length=254)
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=LANGUAGE_CHOICES)
    lists = ListsField(
        label=_("Newsletters"),
        queryset=MailingList.objects.filter(open_to_public=True),
        to_field_name="key",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": _("Choose at least one newsletter.")},
    )

    def __init__(self, *args, language="fr", **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].initial = language if language in dict(settings.LANGUAGES) else "fr"
        self.fields["lists"].initial = [MailingList.PUBLIC]
        for field in self.fields.values():
            field.error_messages.setdefault("invalid_choice", _("Choose a value from the list."))


class PreferencesForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=LANGUAGE_CHOICES)
    lists = forms.MultipleChoiceField(
        label=_("I want to receive"), required=False, widget=forms.CheckboxSelectMultiple
    )

    def __init__(self, *args, lists, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["lists"].choices = [(mailing_list.key, mailing_list.name) for mailing_list in lists]


class SendForm(forms.Form):
    lists = forms.ModelMultipleChoiceField(
        label=_("Send to"),
        queryset=MailingList.objects.all(),
        widget=forms.CheckboxSelectMultiple,
        required=False,
        error_messages={"required": _("Choose at least one list.")},
    )
    send_at = forms.DateTimeField(
        label=_("Send at"),
        required=False,
        help_text=_("Empty: now. Montréal time, for example 2026-12-03 09:00."),
    )

    def clean(self):
        data = super().clean()
        # A test goes to oneself only: the lists matter for a real send.
        if "lists" in data and not data["lists"] and not self.data.get("test"):
            self.add_error("lists", _("Choose at least one list."))
        return data


class ImportForm(forms.Form):
    file = forms.FileField(
        label=_("CSV file"),
        help_text=_(
            "One address per line, with the columns email, language (fr or en), basis (express or "
            "implied_membership), consent_date (YYYY-MM-DD) and source (where the consent was given)."
        ),
    )
    mailing_list = forms.ModelChoiceField(label=_("Into the list"), queryset=MailingList.objects.all())
