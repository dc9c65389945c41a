"""CSV import and export of the directory for AMASQ staff."""

import csv
import io
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from django.utils.translation import gettext as _

from members import geo
from members.models import (
    REGION_CHOICES,
    MASDirectoryPage,
    MASPage,
    MembershipKind,
    Schedule,
    Service,
    TeachingLanguages,
)
from members.open_data import schools_csv

MAX_IMPORT_ROWS = 2000
TRUE_VALUES = {"1", "true", "yes", "oui", "vrai", "x"}


def export_directory_csv(directory, request=None):
    """The directory's live schools as CSV text (the same columns import_directory_csv reads)."""
    return schools_csv(directory.schools(), request)


@dataclass
class ImportReport:
    created: int = 0
    updated: int = 0


class DirectoryImportError(ValidationError):
    """Raised with one message per bad row ("Line 4: …"); nothing has been saved."""


def import_directory_csv(directory, csv_file, user=None):
    """Create or update the schools of `directory` from CSV (columns: open_data.CSV_COLUMNS; "url" ignored).

    Rows are matched to existing schools by slug (made from the name when empty). New schools are
    also created in the directory's other languages, as copies to translate. All or nothing: any bad
    row raises DirectoryImportError listing every problem with its line number, and nothing is saved.
    """
    rows = _read_rows(csv_file)
    services = {service.slug: service for service in Service.objects.all()}
    existing = {school.slug: school for school in directory.schools().specific()}
    errors, cleaned = [], []
    for line_number, row in rows:
        try:
            cleaned.append((line_number, _clean_row(row, services)))
        except ValidationError as error:
            errors.extend(_("Line %(line)d: %(error)s") % {"line": line_number, "error": m} for m in error.messages)
    slugs = [values["slug"] for _line, values in cleaned]
    for slug in {slug for slug in slugs if slugs.count(slug) > 1}:
        errors.append(_("The slug “%(slug)s” appears on more than one line.") % {"slug": slug})
    if errors:
        raise DirectoryImportError(errors)

    report = ImportReport()
    with transaction.atomic():
        for line_number, values in cleaned:
            school = existing.get(values["slug"])
            try:
                if school is None:
                    _create_school(directory, values, user)
                    report.created += 1
                else:
                    _update_school(school, values, user)
                    report.updated += 1
            except ValidationError as error:
                transaction.set_rollback(True)
                raise DirectoryImportError(
                    [_("Line %(line)d: %(error)s") % {"line": line_number, "error": m} for m in error.messages]
                ) from error
    return report


def _read_rows(csv_file):
    raw = csv_file.read()
    if isinstance(raw, bytes):
        try:
            raw = raw.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            raise DirectoryImportError(
                [_("The file is not UTF-8 text. Save it as “CSV UTF-8” and try again.")]
            ) from error
    try:
        dialect = csv.Sniffer().sniff(raw[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.DictReader(io.StringIO(raw), dialect=dialect)
    missing = [
        column for column in ("name", "city", "postal_code", "region") if column not in (reader.fieldnames or [])
    ]
    if missing:
        raise DirectoryImportError([_("The file has no column named: %(columns)s.") % {"columns": ", ".join(missing)}])
    rows = []
    try:
        for row in reader:
            # Line numbers as a spreadsheet shows them: the header is line 1.
            if any((value or "").strip() for value in row.values() if isinstance(value, str)):
                rows.append((reader.line_num, row))
            if len(rows) > MAX_IMPORT_ROWS:
                raise DirectoryImportError([_("The file has more than %(max)d rows.") % {"max": MAX_IMPORT_ROWS}])
    except csv.Error as error:
        raise DirectoryImportError([_("Line %(line)d: unreadable CSV.") % {"line": reader.line_num}]) from error
    if not rows:
        raise DirectoryImportError([_("The file has no rows to import.")])
    return rows


def _clean_row(row, services):
    def value(column):
        return (row.get(column) or "").strip()

    problems = []
    name = value("name")
    if not name:
        problems.append(_("the name is missing."))
    region = value("region").zfill(2) if value("region") else ""
    if region not in dict(REGION_CHOICES):
        problems.append(_("“%(value)s” is not a region number from 01 to 17.") % {"value": value("region")})
    try:
        postal_code = geo.normalize_postal_code(value("postal_code"))
    except ValueError:
        postal_code = ""
        problems.append(_("“%(value)s” is not a postal code.") % {"value": value("postal_code")})
    if not value("city"):
        problems.append(_("the city is missing."))
    latitude = longitude = None
    if value("latitude") or value("longitude"):
        try:
            latitude, longitude = float(value("latitude")), float(value("longitude"))
            if not (-90 <= latitude <= 90 and -180 <= longitude <= 180):
                raise ValueError
        except ValueError:
            problems.append(_("the coordinates are not valid numbers."))
    elif postal_code and not geo.place_for_postal_code(postal_code):
        problems.append(_("the postal code is unknown; give the coordinates."))
    kind = value("membership_kind") or MembershipKind.REGULAR
    if kind not in MembershipKind.values:
        problems.append(_("membership_kind must be “regular” or “allied”."))
    schedule = value("schedule") or Schedule.DAY
    if schedule not in Schedule.values:
        problems.append(_("schedule must be one of: %(values)s.") % {"values": ", ".join(Schedule.values)})
    languages = value("teaching_languages") or TeachingLanguages.FRENCH
    if languages not in TeachingLanguages.values:
        problems.append(
            _("teaching_languages must be one of: %(values)s.") % {"values": ", ".join(TeachingLanguages.values)}
        )
    service_slugs = [slug.strip() for slug in value("services").split("|") if slug.strip()]
    unknown = [slug for slug in service_slugs if slug not in services]
    if unknown:
        problems.append(_("unknown services: %(slugs)s.") % {"slugs": ", ".join(unknown)})
    slug = slugify(value("slug") or name)[:255]
    if not slug:
        problems.append(_("no slug can be made from the name."))
    values = {
        "slug": slug,
        "title": name[:255],
        "membership_kind": kind,
        "carrying_organisation": value("carrying_organisation")[:200],
        "region": region,
        "street_address": value("street_address")[:200],
        "city": value("city")[:100],
        "postal_code": postal_code,
        "latitude": latitude,
        "longitude": longitude,
        "phone": value("phone")[:30],
        "email": value("email"),
        "website": value("website"),
        "short_description": value("short_description")[:300] or name,
        "audience": value("audience"),
        "schedule": schedule,
        "teaching_languages": languages,
        "wheelchair_accessible": value("wheelchair_accessible").lower() in TRUE_VALUES,
        "services": [services[slug] for slug in service_slugs if slug in services],
    }
    for field in ("email", "website"):
        try:
            MASPage._meta.get_field(field).clean(values[field], None)
        except ValidationError as error:
            problems.extend(f"{field}: {message}" for message in error.messages)
    if problems:
        raise ValidationError(problems)
    return values


def _assign(school, values):
    for field, field_value in values.items():
        if field != "services":
            setattr(school, field, field_value)
    school.services.set(values["services"])


def _publish(school, user):
    school.full_clean()
    school.save()
    school.save_revision(user=user, log_action=True).publish(user=user)


def _create_school(directory, values, user):
    school = MASPage(locale=directory.locale)
    _assign(school, values)
    school.full_clean(exclude=["path", "depth", "translation_key", "draft_title", "url_path"])
    directory.add_child(instance=school)
    school.save_revision(user=user, log_action=True).publish(user=user)
    for other_directory in directory.get_translations().specific():
        if isinstance(other_directory, MASDirectoryPage):
            translation = school.copy_for_translation(other_directory.locale)
            translation.save_revision(user=user).publish(user=user)


def _update_school(school, values, user):
    _assign(school, values)
    _publish(school, user)
