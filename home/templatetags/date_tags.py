"""Dates as Quebec writes them: "1er novembre 2026", the ordinal Django's formats cannot express."""

from django import template
from django.template.defaultfilters import date as date_filter
from django.utils.translation import get_language

register = template.Library()


@register.filter(expects_localtime=True, is_safe=False)
def long_date(value, arg="DATE_FORMAT"):
    """`value|date:arg` ("DATE_FORMAT" unless told), with the first of the month as "1er" in French."""
    text = date_filter(value, arg)
    if text and (get_language() or "").startswith("fr") and value.day == 1 and text.startswith("1 "):
        return "1er" + text[1:]
    return text
