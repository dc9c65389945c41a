"""Forms of the member portal: joining, profile, members directory, school management, privacy."""

import io

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model, password_validation
from django.core.files.base import ContentFile
from django.utils.translation import gettext_lazy as _
from PIL import Image, ImageOps

from home.forms import BoundedModelChoiceField, BoundedModelMultipleChoiceField
from home.models.forms import HoneypotForm
from members.models import (
    REGION_CHOICES,
    SHAREABLE_FIELDS,
    Expertise,
    MASPage,
    MemberProfile,
    MemberRole,
    SpokenLanguage,
)
from members.services.accounts import member_schools
from members.services.profiles import newly_shared_fields
from members.services.schools import PROPOSABLE_FIELDS

MAX_PHOTO_BYTES = 5 * 1024 * 1024
PHOTO_SIDE = 600
MAX_QUERY_LENGTH = 100
CONSENT_TEXT = _(
    "I agree that the other members of the portal (staff of AMASQ's member schools) see the "
    "information I chose above. I can change my choice at any time; it is recorded with its date."
)


class SchoolChoiceField(BoundedModelChoiceField):
    def label_from_instance(self, obj):
        return obj.title


class NameFieldsMixin(forms.Form):
    first_name = forms.CharField(
        label=_("First name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "given-name"})
    )
    last_name = forms.CharField(
        label=_("Last name"), max_length=150, widget=forms.TextInput(attrs={"autocomplete": "family-name"})
    )


class AcceptInvitationForm(NameFieldsMixin):
    password1 = forms.CharField(
        label=_("Password"),
        strip=False,
        widget=forms.PasswordInput(attrs={"autocomplete": "new-password"}),
        help_text=password_validation.password_validators_help_text_html,
    )
    password2 = forms.CharField(
        label=_("Password (again)"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "new-password"})
    )

    def __init__(self, *args, email, **kwargs):
        super().__init__(*args, **kwargs)
        self.email = email

    def clean(self):
        cleaned_data = super().clean()
        password1, password2 = cleaned_data.get("password1"), cleaned_data.get("password2")
        if password1 and password2 and password1 != password2:
            self.add_error("password2", _("The two passwords differ."))
        elif password1:
            person = get_user_model()(
                email=self.email,
                first_name=cleaned_data.get("first_name", ""),
                last_name=cleaned_data.get("last_name", ""),
            )
            try:
                password_validation.validate_password(password1, person)
            except forms.ValidationError as error:
                self.add_error("password1", error)
        return cleaned_data


class AccessRequestForm(NameFieldsMixin, HoneypotForm):
    email = forms.EmailField(
        label=_("Work email"),
        help_text=_("The address your school gave you; it becomes your sign-in."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
    )
    school = SchoolChoiceField(label=_("Your school (MAS)"), queryset=MASPage.objects.none(), empty_label=_("Choose…"))
    role = forms.ChoiceField(label=_("Your role"), choices=MemberRole.choices)
    job_title = forms.CharField(label=_("Job title"), max_length=120, required=False)
    message = forms.CharField(
        label=_("Message to AMASQ"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Anything that helps us check your request (optional)."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = member_schools()
        self.fields["school"].error_messages["invalid_choice"] = _("Choose a school from the list.")


class InvitationForm(forms.Form):
    """A coordinator (or AMASQ staff, from the portal) invites someone to a given school."""

    email = forms.EmailField(label=_("Email"), widget=forms.EmailInput(attrs={"autocomplete": "off"}))
    role = forms.ChoiceField(label=_("Role"), choices=MemberRole.choices, initial=MemberRole.STAFF)
    language = forms.ChoiceField(
        label=_("Language of the invitation"), choices=settings.LANGUAGES, initial=settings.LANGUAGE_CODE
    )

    def __init__(self, *args, can_invite_coordinators=False, **kwargs):
        super().__init__(*args, **kwargs)
        if not can_invite_coordinators:
            self.fields["role"].choices = [
                choice for choice in MemberRole.choices if choice[0] != MemberRole.COORDINATOR
            ]


class ChangeRoleForm(forms.Form):
    """A coordinator (their own school) or AMASQ staff give a person of the school another role."""

    role = forms.ChoiceField(
        label=_("New role"),
        choices=MemberRole.choices,
        error_messages={"invalid_choice": _("Choose a role from the list.")},
    )


class MoveMemberForm(forms.Form):
    """AMASQ staff move a person to another member school (not the one they are in)."""

    school = SchoolChoiceField(
        label=_("New school"),
        queryset=MASPage.objects.none(),
        empty_label=_("Choose…"),
        error_messages={"invalid_choice": _("Choose a school from the list.")},
    )

    def __init__(self, *args, current_school, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["school"].queryset = member_schools().exclude(pk=current_school.pk)


def process_photo(upload):
    """Check an uploaded photo and re-encode it as a small JPEG, which also drops its metadata
    (camera, GPS position). Raises ValidationError for anything that is not a usable image."""
    if upload.size > MAX_PHOTO_BYTES:
        raise forms.ValidationError(_("The photo is too large (5 MB at most)."), code="too_large")
    try:
        with Image.open(upload) as image:
            if image.format not in {"JPEG", "PNG", "WEBP", "GIF"}:
                raise forms.ValidationError(_("Use a JPEG, PNG or WebP photo."), code="format")
            image = ImageOps.exif_transpose(image)
            image.thumbnail((PHOTO_SIDE, PHOTO_SIDE))
            if image.mode in {"RGBA", "LA", "P"}:
                image = image.convert("RGBA")
                background = Image.new("RGB", image.size, "white")
                background.paste(image, mask=image.getchannel("A"))
                image = background
            else:
                image = image.convert("RGB")
            output = io.BytesIO()
            image.save(output, "JPEG", quality=85)
    except (OSError, ValueError, Image.DecompressionBombError) as error:
        raise forms.ValidationError(_("This file is not a photo we can read."), code="invalid") from error
    return ContentFile(output.getvalue(), name="photo.jpg")


PROFILE_MODEL_FIELDS = ["job_title", "region", "bio", "listed"] + [f"show_{name}" for name in SHAREABLE_FIELDS]


class ProfileForm(NameFieldsMixin):
    """A person's own profile. A plain form (not a ModelForm) so that validating it leaves the
    profile untouched: update_profile compares old and new values to record consent."""

    expertise = BoundedModelMultipleChoiceField(
        label=_("Areas of expertise"),
        queryset=Expertise.objects.all(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=SpokenLanguage.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    photo = forms.FileField(
        label=_("Photo"),
        required=False,
        widget=forms.FileInput(attrs={"accept": "image/jpeg,image/png,image/webp"}),
        help_text=_("JPEG, PNG or WebP, 5 MB at most. Only members you allow below will see it."),
    )
    remove_photo = forms.BooleanField(label=_("Remove my photo"), required=False)
    consent = forms.BooleanField(label=CONSENT_TEXT, required=False)

    def __init__(self, *args, profile, initial=None, **kwargs):
        self.profile = profile
        current = {name: getattr(profile, name) for name in PROFILE_MODEL_FIELDS}
        current |= {
            "first_name": profile.user.first_name,
            "last_name": profile.user.last_name,
            "languages": profile.languages,
            "expertise": list(profile.expertise.all()),
        }
        super().__init__(*args, initial=current | (initial or {}), **kwargs)
        self.fields.update(
            forms.fields_for_model(
                MemberProfile, fields=PROFILE_MODEL_FIELDS, widgets={"bio": forms.Textarea(attrs={"rows": 5})}
            )
        )
        self.fields["region"].choices = [("", _("My school's region"))] + [
            (code, f"{code} – {name}") for code, name in REGION_CHOICES
        ]
        self.fields["listed"].help_text = _(
            "Other members can then find you by name; they see only what you tick below."
        )

    @property
    def about_fields(self):
        return [self[name] for name in ("first_name", "last_name", "job_title", "region", "bio")]

    @property
    def visibility_fields(self):
        return [self[f"show_{name}"] for name in SHAREABLE_FIELDS]

    def clean_photo(self):
        upload = self.cleaned_data.get("photo")
        return process_photo(upload) if upload else None

    def clean(self):
        cleaned_data = super().clean()
        if newly_shared_fields(self.profile, cleaned_data) and not cleaned_data.get("consent"):
            self.add_error("consent", _("To show more of your profile to other members, tick this box."))
        return cleaned_data


class PeopleSearchForm(forms.Form):
    """The members directory's GET form; every field optional."""

    q = forms.CharField(
        label=_("Name"),
        required=False,
        max_length=MAX_QUERY_LENGTH,
        error_messages={"max_length": _("Use at most %(limit_value)d characters.")},
    )
    expertise = BoundedModelChoiceField(
        label=_("Area of expertise"),
        queryset=Expertise.objects.none(),
        required=False,
        to_field_name="slug",
        empty_label=_("All"),
    )
    region = forms.ChoiceField(label=_("Region"), required=False)
    school = SchoolChoiceField(
        label=_("School (MAS)"), queryset=MASPage.objects.none(), required=False, empty_label=_("All")
    )

    def __init__(self, *args, expertise=(), schools=(), **kwargs):
        super().__init__(*args, **kwargs)
        # The choices come from lists fetched once, so the form adds no query per option.
        self.fields["expertise"].queryset = Expertise.objects.all()
        self.fields["expertise"].choices = [("", _("All"))] + [(item.slug, item.name) for item in expertise]
        self.fields["school"].queryset = member_schools()
        self.fields["school"].choices = [("", _("All"))] + [(school.pk, school.title) for school in schools]
        self.fields["region"].choices = [("", _("All"))] + [
            (code, f"{code} – {name}") for code, name in REGION_CHOICES
        ]
        for name, message in (
            ("expertise", _("Choose an area of expertise from the list.")),
            ("school", _("Choose a school from the list.")),
            ("region", _("Choose a region from the list.")),
        ):
            self.fields[name].error_messages["invalid_choice"] = message


class SchoolEntryForm(forms.ModelForm):
    """The part of a school's public directory entry its coordinator may propose changes to."""

    class Meta:
        model = MASPage
        fields = PROPOSABLE_FIELDS
        field_classes = {"services": BoundedModelMultipleChoiceField}
        widgets = {
            "services": forms.CheckboxSelectMultiple,
            "short_description": forms.Textarea(attrs={"rows": 3}),
            "audience": forms.Textarea(attrs={"rows": 3}),
            "accessibility_notes": forms.Textarea(attrs={"rows": 3}),
        }

    def save(self, commit=True):
        raise NotImplementedError("Save through members.services.schools.propose_school_changes.")


class DeleteAccountForm(forms.Form):
    password = forms.CharField(
        label=_("Your password"), strip=False, widget=forms.PasswordInput(attrs={"autocomplete": "current-password"})
    )
    confirm = forms.BooleanField(
        label=_("I understand that my account and my personal data will be deleted, and that this cannot be undone.")
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password(self):
        password = self.cleaned_data["password"]
        if not self.user.check_password(password):
            raise forms.ValidationError(_("This is not your password."), code="wrong_password")
        return password


class RefuseAccessRequestForm(forms.Form):
    reason = forms.CharField(
        label=_("Reason sent to the person"),
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Optional. The person receives an email in their language either way."),
    )
