"""Form fields and forms shared by every app: the site search, and choice fields that check a
submitted id fits its database column before they query with it."""

import re

from django import forms
from django.core.exceptions import ValidationError
from django.db import connection, models
from django.utils.translation import gettext_lazy as _

SEARCH_QUERY_MAX_LENGTH = 200
DIGITS = re.compile(r"[0-9]+")
# Characters that mean nothing to a plain-text search but that a full-text engine may read as
# syntax: SQLite's FTS5 fails on a lone double quote inside the phrase Wagtail builds.
SEARCH_SYNTAX = re.compile(r"[\"“”«»]")


def fits_key_column(model_field, value):
    """Whether `value`, as submitted, can be looked up in `model_field` without the database
    refusing it: an integer key must be digits within the column's range (a huge or negative id
    overflows SQLite's integer and is never a real row), a text key must hold no NUL byte
    (PostgreSQL refuses them) and fit the column."""
    while model_field.is_relation:  # a child page's key is its parent link: compare with the parent's
        model_field = model_field.target_field
    if isinstance(model_field, models.IntegerField):
        text = str(value).strip()
        if not DIGITS.fullmatch(text) or len(text) > 20:
            return False
        low, high = connection.ops.integer_field_range(model_field.get_internal_type())
        number = int(text)
        return (low is None or number >= low) and (high is None or number <= high) and number > 0
    if isinstance(model_field, models.CharField):
        text = str(value)
        return "\x00" not in text and (model_field.max_length is None or len(text) <= model_field.max_length)
    return True


class BoundedChoiceMixin:
    def key_field(self):
        meta = self.queryset.model._meta
        return meta.get_field(self.to_field_name) if self.to_field_name else meta.pk


class BoundedModelChoiceField(BoundedChoiceMixin, forms.ModelChoiceField):
    """A ModelChoiceField that answers "invalid choice" to an id the database could not even
    compare, instead of letting the query fail."""

    def to_python(self, value):
        submitted = value not in self.empty_values and not isinstance(value, self.queryset.model)
        if submitted and not fits_key_column(self.key_field(), value):
            raise ValidationError(
                self.error_messages["invalid_choice"], code="invalid_choice", params={"value": value}
            )
        return super().to_python(value)


class BoundedModelMultipleChoiceField(BoundedChoiceMixin, forms.ModelMultipleChoiceField):
    """The same check as BoundedModelChoiceField, for each submitted id."""

    def _check_values(self, value):
        key_field = self.key_field()
        for item in value if isinstance(value, list | tuple) else [value]:
            if not isinstance(item, self.queryset.model) and not fits_key_column(key_field, item):
                raise ValidationError(
                    self.error_messages["invalid_choice"], code="invalid_choice", params={"value": item}
                )
        return super()._check_values(value)


class SearchForm(forms.Form):
    """The site search's query. Django's CharField already refuses NUL bytes with a message in
    the visitor's language; full-text syntax characters are read as spaces."""

    q = forms.CharField(
        required=False,
        error_messages={
            "null_characters_not_allowed": _("Your search contains a character that cannot be searched for."),
        },
    )

    def clean_q(self):
        query = self.cleaned_data["q"]
        if len(query) > SEARCH_QUERY_MAX_LENGTH:
            raise ValidationError(
                _("Your search is too long: use at most %(max)s characters."),
                code="max_length",
                params={"max": SEARCH_QUERY_MAX_LENGTH},
            )
        return " ".join(SEARCH_SYNTAX.sub(" ", query).split())
