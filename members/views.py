"""Open data of the directory: GeoJSON (RFC 7946) and CSV, served by MASDirectoryPage routes."""

import hashlib
import json

from django.db.models import Count, Max
from django.http import HttpResponse
from django.utils.cache import get_conditional_response, patch_cache_control

from members.services import export_directory_csv

OPEN_DATA_MAX_AGE = 60 * 60


def _directory_etag(directory):
    """Changes whenever a school of this directory is published, unpublished, added or removed."""
    state = directory.schools().aggregate(count=Count("pk"), latest=Max("last_published_at"))
    raw = f"{directory.pk}:{directory.last_published_at}:{state['count']}:{state['latest']}"
    return '"' + hashlib.sha256(raw.encode()).hexdigest()[:32] + '"'


def _open_data_response(request, directory, build, content_type, filename):
    etag = _directory_etag(directory)
    not_modified = get_conditional_response(request, etag=etag)
    if not_modified is not None:
        return not_modified
    response = HttpResponse(build(), content_type=content_type)
    response["ETag"] = etag
    response["Content-Disposition"] = f'inline; filename="{filename}"'
    response["Access-Control-Allow-Origin"] = "*"
    patch_cache_control(response, public=True, max_age=OPEN_DATA_MAX_AGE)
    return response


def directory_geojson(request, directory):
    def build():
        features = []
        schools = directory.schools().located().order_by("title", "pk").prefetch_related("services")
        for school in schools:
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
        request, directory, build, "application/geo+json; charset=utf-8", f"{directory.slug}.geojson"
    )


def directory_csv(request, directory):
    return _open_data_response(
        request,
        directory,
        lambda: export_directory_csv(directory, request),
        "text/csv; charset=utf-8",
        f"{directory.slug}.csv",
    )
