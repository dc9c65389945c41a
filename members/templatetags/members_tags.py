import json

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

_JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag
def map_settings():
    return {"tile_url": settings.MAP_TILE_URL, "attribution": settings.MAP_ATTRIBUTION}


@register.simple_tag
def directory_map_data(results, origin, request):
    """The directory map's markers: the schools of this page of results, and the search origin."""
    return {
        "schools": [result.page.map_marker(request, result.distance_km) for result in results.object_list],
        "origin": {"lat": origin.latitude, "lon": origin.longitude} if origin else None,
    }


@register.simple_tag
def school_map_data(school, request):
    return {"schools": [school.map_marker(request)], "origin": None}


@register.filter
def json_ld(data):
    """A schema.org JSON-LD data block (never executed, so the CSP allows it), escaped like
    Django's json_script so that no value can close the <script> element."""
    payload = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False).translate(_JSON_SCRIPT_ESCAPES)
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(payload))  # noqa: S308
