"""Open data of the directory: GeoJSON (RFC 7946) and CSV, served by MASDirectoryPage routes.

The page hands in its own schools (a MASPageQuerySet); this module imports no model, form,
service or view, so the page can import it without a cycle.
"""

import csv
import hashlib
import io
import json

from django.db.models import Count, Max
from django.http import HttpResponse, JsonResponse
from django.utils.cache import get_conditional_response, patch_cache_control

from members import geo

# CSV columns, in order; export writes them and import reads them.
CSV_COLUMNS = [
    "slug",
    "name",
    "membership_kind",
    "carrying_organisation",
    "region",
    "street_address",
    "city",
    "postal_code",
    "latitude",
    "longitude",
    "phone",
    "email",
    "website",
    "services",
    "short_description",
    "audience",
    "schedule",
    "teaching_languages",
    "wheelchair_accessible",
]
OPEN_DATA_MAX_AGE = 60 * 60


def _etag(schools, version):
    """Changes whenever one of `schools` is published, unpublished, added or removed, and whenever
    `version` (the directory page's own identity and publication) changes."""
    state = schools.aggregate(count=Count("pk"), latest=Max("last_published_at"))
    raw = f"{version}:{state['count']}:{state['latest']}"
    return '"' + hashlib.sha256(raw.encode()).hexdigest()[:32] + '"'


def _open_data_response(request, schools, version, build, content_type, filename):
    etag = _etag(schools, version)
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    response = HttpResponse(build(), content_type=content_type)
    response["ETag"] = etag
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=OPEN_DATA_MAX_AGE)
    return response


def geojson_response(request, schools, *, name, version):
    """The located `schools` as a GeoJSON FeatureCollection (RFC 7946), cacheable and CORS-open."""

    def build():
        features = []
        for school in schools.located().alphabetical().prefetch_related("services"):
            features.append(
                {
                    "type": "Feature",
                    "id": school.slug,
                    # RFC 7946: longitude first, WGS 84.
                    "geometry": {
                        "type": "Point",
                        "coordinates": [round(school.longitude, 6), round(school.latitude, 6)],
                    },
                    "properties": {
                        "name": school.title,
                        "url": school.get_full_url(request),
                        "membership_kind": school.membership_kind,
                        "carrying_organisation": school.carrying_organisation,
                        "region": school.region,
                        "region_name": school.region_name,
                        "street_address": school.street_address,
                        "city": school.city,
                        "postal_code": school.postal_code,
                        "phone": school.phone,
                        "email": school.email,
                        "website": school.website,
                        "services": [service.slug for service in school.services.all()],
                    },
                }
            )
        return json.dumps({"type": "FeatureCollection", "features": features}, ensure_ascii=False)

    return _open_data_response(
        request, schools, version, build, "application/geo+json; charset=utf-8", f"{name}.geojson"
    )


def postal_areas(request):
    """The centroid of every postal area, so that "use my location" can pick the visitor's area in
    the browser: their coordinates never reach the server, only the area, as if they had typed it."""
    response = JsonResponse(geo.postal_areas(), safe=False)
    patch_cache_control(response, public=True, max_age=60 * 60 * 24 * 7)
    return response


def csv_response(request, schools, *, name, version):
    """The `schools` as CSV (the columns the staff import reads back), cacheable and CORS-open."""
    return _open_data_response(
        request, schools, version, lambda: schools_csv(schools, request), "text/csv; charset=utf-8", f"{name}.csv"
    )


def schools_csv(schools, request=None):
    """The `schools` as CSV text (the columns the staff import reads back, and their URL)."""
    output = io.StringIO()
    writer = csv.DictWriter(output, fieldnames=[*CSV_COLUMNS, "url"])
    writer.writeheader()
    for school in schools.alphabetical().prefetch_related("services"):
        writer.writerow(
            {
                "slug": school.slug,
                "name": school.title,
                "membership_kind": school.membership_kind,
                "carrying_organisation": school.carrying_organisation,
                "region": school.region,
                "street_address": school.street_address,
                "city": school.city,
                "postal_code": school.postal_code,
                "latitude": "" if school.latitude is None else f"{school.latitude:.6f}",
                "longitude": "" if school.longitude is None else f"{school.longitude:.6f}",
                "phone": school.phone,
                "email": school.email,
                "website": school.website,
                "services": "|".join(service.slug for service in school.services.all()),
                "short_description": school.short_description,
                "audience": school.audience,
                "schedule": school.schedule,
                "teaching_languages": school.teaching_languages,
                "wheelchair_accessible": "yes" if school.wheelchair_accessible else "no",
                "url": school.get_full_url(request),
            }
        )
    return output.getvalue()
