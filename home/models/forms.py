from django import forms
from django.db import models
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.forms.forms import BaseForm, FormBuilder
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.contrib.forms.panels import FormSubmissionsPanel
from wagtail.fields import RichTextField

from home.mail import send_templated_email
from home.rate_limits import post_over_limit

HONEYPOT_FIELD = "website_url"


class ContactFormField(AbstractFormField):
    page = ParentalKey("home.ContactPage", related_name="form_fields", on_delete=models.CASCADE)


class HoneypotForm(BaseForm):
    """Adds a field people never see (hidden by the template) and bots tend to fill."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields[HONEYPOT_FIELD] = forms.CharField(
            required=False,
            label=_("Leave this field empty"),
            widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
        )

    def clean(self):
        cleaned_data = super().clean()
        if cleaned_data.pop(HONEYPOT_FIELD, ""):
            raise forms.ValidationError(_("Your message could not be sent. Please try again."), code="spam")
        return cleaned_data

    @property
    def visible_form_fields(self):
        return [field for field in self if field.name != HONEYPOT_FIELD]

    @property
    def honeypot(self):
        return self[HONEYPOT_FIELD]


class ContactFormBuilder(FormBuilder):
    def get_form_class(self):
        return type("ContactForm", (HoneypotForm,), self.formfields)


class ContactPage(AbstractEmailForm):
    """The public contact form (Wagtail form builder): mails AMASQ staff, keeps submissions.

    Guarded by a honeypot field and a per-address rate limit; no third-party captcha.
    """

    intro = RichTextField(_("introduction"), blank=True, features=["bold", "italic", "link"])
    thank_you_text = RichTextField(_("thank-you message"), blank=True, features=["bold", "italic", "link"])

    form_builder = ContactFormBuilder

    content_panels = [
        *AbstractEmailForm.content_panels,
        FormSubmissionsPanel(),
        FieldPanel("intro"),
        InlinePanel("form_fields", label=_("Form fields")),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("from_address"), FieldPanel("to_address")]),
                FieldPanel("subject"),
            ],
            heading=_("Email"),
        ),
    ]

    parent_page_types = ["home.HomePage"]
    subpage_types = []

    class Meta:
        verbose_name = _("contact page")

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and post_over_limit(request, "contact-form"):
            context = self.get_context(request)
            context["form"] = self.get_form(request.POST, page=self, user=request.user)
            context["rate_limited"] = True
            return TemplateResponse(request, self.get_template(request), context, status=429)
        return super().serve(request, *args, **kwargs)

    def send_mail(self, form):
        """Mail the submission to staff, with Reply-To set to the sender's address when given."""
        addresses = [address.strip() for address in self.to_address.split(",") if address.strip()]
        reply_to = [
            value
            for field in form
            if isinstance(field.field, forms.EmailField) and (value := form.cleaned_data.get(field.name))
        ]
        send_templated_email(
            "email/contact_submission",
            to=addresses,
            # In the page's language, like the labels of its fields.
            language=self.locale.language_code,
            context={"page": self, "fields": self._submitted_fields(form)},
            subject=self.subject or _("Message from the website"),
            from_email=self.from_address,
            reply_to=reply_to[:1],
        )

    def _submitted_fields(self, form):
        fields = []
        for field in form:
            if field.name == HONEYPOT_FIELD or field.name not in form.cleaned_data:
                continue
            value = form.cleaned_data[field.name]
            if isinstance(value, list):
                value = ", ".join(value)
            fields.append((field.label, value))
        return fields
