from django import forms
from django.utils.translation import gettext_lazy as _

from members.public import Expertise
from resources.models import MaterialLanguage, ResourceAudience, ResourceKind
from resources.proposals import ALLOWED_EXTENSIONS, check_upload, max_upload_bytes


class ProposalForm(forms.Form):
    """A member's proposal of a resource (resources.proposals.propose_resource does the work)."""

    title = forms.CharField(label=_("Title"), max_length=200)
    summary = forms.CharField(
        label=_("Summary"),
        max_length=600,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("What the resource is for and who made it, in a few sentences."),
    )
    kind = forms.ChoiceField(label=_("Kind"), choices=ResourceKind.choices)
    themes = forms.ModelMultipleChoiceField(
        label=_("Themes"), queryset=Expertise.objects.all(), widget=forms.CheckboxSelectMultiple, required=False
    )
    material_language = forms.ChoiceField(label=_("Language of the material"), choices=MaterialLanguage.choices)
    audience = forms.ChoiceField(
        label=_("Who may see it"),
        choices=ResourceAudience.choices,
        initial=ResourceAudience.MEMBERS,
        widget=forms.RadioSelect,
    )
    file = forms.FileField(label=_("File"))

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["file"].help_text = _("%(types)s, %(limit)s MB at most.") % {
            "types": ", ".join(ext.upper() for ext in ALLOWED_EXTENSIONS),
            "limit": max_upload_bytes() // (1024 * 1024),
        }
        self.fields["file"].widget.attrs["accept"] = ",".join(f".{ext}" for ext in ALLOWED_EXTENSIONS)
        for field in self.fields.values():
            field.error_messages.setdefault("invalid_choice", _("Choose a value from the list."))

    def clean_file(self):
        upload = self.cleaned_data["file"]
        check_upload(upload)
        return upload
