"""Open data of the directory: GeoJSON (RFC 7946) and CSV, served by MASDirectoryPage routes."""

import hashlib
import json

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.validators import FileExtensionValidator
from django.db.models import Count, Max
from django.http import HttpResponse, JsonResponse
from django.shortcuts import redirect
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from members import geo
from members.models import MASDirectoryPage
from members.services.directory import CSV_COLUMNS, DirectoryImportError, export_directory_csv, import_directory_csv

OPEN_DATA_MAX_AGE = 60 * 60
MAX_IMPORT_BYTES = 2 * 1024 * 1024


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
        schools = directory.schools().located().alphabetical().prefetch_related("services")
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


def postal_areas(request):
    """The centroid of every postal area, so that "use my location" can pick the visitor's area in
    the browser: their coordinates never reach the server, only the area, as if they had typed it."""
    response = JsonResponse(geo.postal_areas(), safe=False)
    patch_cache_control(response, public=True, max_age=60 * 60 * 24 * 7)
    return response


def directory_csv(request, directory):
    return _open_data_response(
        request,
        directory,
        lambda: export_directory_csv(directory, request),
        "text/csv; charset=utf-8",
        f"{directory.slug}.csv",
    )


def may_import_into(user, directory):
    """Whether `user` may create and publish schools under `directory` and its translations, as
    Wagtail's page permissions say (they live on pages, not in Django's has_perm)."""
    for page in [directory, *directory.get_translations()]:
        permissions = page.permissions_for_user(user)
        if not (permissions.can_add_subpage() and permissions.can_publish_subpage()):
            return False
    return True


def importable_directories(user):
    """The directories `user` may import into (a queryset, possibly empty)."""
    directories = MASDirectoryPage.objects.all()
    allowed = [directory.pk for directory in directories if may_import_into(user, directory)]
    return directories.filter(pk__in=allowed).select_related("locale")


class DirectoryImportForm(forms.Form):
    directory = forms.ModelChoiceField(
        label=_("Directory"),
        queryset=MASDirectoryPage.objects.none(),
        help_text=_("New schools are also created in the other languages' directories, to be translated."),
    )
    csv_file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, with the columns of the export. One school per line; the first line names the columns."),
        validators=[FileExtensionValidator(["csv", "txt"])],
    )

    def __init__(self, *args, directories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directory"].queryset = directories

    def clean_csv_file(self):
        csv_file = self.cleaned_data["csv_file"]
        if csv_file.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is too large (2 MB at most)."))
        return csv_file


class DirectoryImportView(WagtailAdminTemplateMixin, FormView):
    """Staff load or update the whole member list from a spreadsheet; all or nothing."""

    form_class = DirectoryImportForm
    template_name = "members/admin/directory_import.html"
    page_title = _("Import the directory")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.directories = importable_directories(request.user)
        if not self.directories:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "directories": self.directories}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = CSV_COLUMNS
        context["directories"] = self.directories
        return context

    def form_valid(self, form):
        try:
            report = import_directory_csv(
                form.cleaned_data["directory"].specific, form.cleaned_data["csv_file"], user=self.request.user
            )
        except DirectoryImportError as error:
            for message in error.messages:
                form.add_error("csv_file", message)
            messages.error(self.request, _("Nothing was imported: correct the lines below and try again."))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Import done: %(created)d schools created, %(updated)d updated.")
            % {"created": report.created, "updated": report.updated},
        )
        return redirect("members_directory_import")
