from django import forms
from django.utils.html import escape
from django.utils.translation import gettext_lazy as _

from events.models import NEWSLETTER_OPT_IN
from events.questions import MAX_ANSWER_LENGTH


class AnswersForm(forms.Form):
    """The event's questions (events.questions.Question, in the page's language) as form fields.
    The services check the answers again; the form only puts its errors next to the right field."""

    def __init__(self, *args, questions=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.questions = list(questions)
        for question in self.questions:
            if question.kind == "choice":
                field = forms.TypedChoiceField(
                    choices=[("", _("Choose…")), *((str(i), option) for i, option in enumerate(question.options))],
                    error_messages={"invalid_choice": _("Choose one of the options.")},
                )
            else:
                field = forms.CharField(max_length=MAX_ANSWER_LENGTH, widget=forms.Textarea(attrs={"rows": 2}))
            field.label = question.label
            # Help texts render as HTML (components/form_field.html); an editor's are plain text.
            field.help_text = escape(question.help_text)
            field.required = question.required
            self.fields[question.field_name] = field

    def answers(self):
        return {question.id: self.cleaned_data.get(question.field_name, "") for question in self.questions}


class GuestRegistrationForm(AnswersForm):
    name = forms.CharField(label=_("Your name"), max_length=200)
    email = forms.EmailField(label=_("Your email address"))
    newsletter = forms.BooleanField(label=NEWSLETTER_OPT_IN, required=False)

    field_order = ["name", "email"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        # The newsletter's box comes last, after the event's questions.
        self.order_fields([name for name in self.fields if name != "newsletter"] + ["newsletter"])


class AttendeeMessageForm(forms.Form):
    subject_fr = forms.CharField(label=_("Subject (French)"), max_length=200)
    body_fr = forms.CharField(label=_("Message (French)"), max_length=5000, widget=forms.Textarea(attrs={"rows": 8}))
    subject_en = forms.CharField(
        label=_("Subject (English)"),
        max_length=200,
        required=False,
        help_text=_("For those who registered in English. Leave both English fields empty to send the French to all."),
    )
    body_en = forms.CharField(
        label=_("Message (English)"), max_length=5000, required=False, widget=forms.Textarea(attrs={"rows": 8})
    )
    include_waitlist = forms.BooleanField(label=_("Also write to the people on the waitlist"), required=False)

    def clean(self):
        data = super().clean()
        if bool(data.get("subject_en")) != bool(data.get("body_en")):
            raise forms.ValidationError(_("Fill in both the English subject and message, or neither."))
        return data
