"""An event's attendee list as a spreadsheet, CSV or Excel (openpyxl): one row per registration,
one column per question of the event, answers as people chose them (in the event's language)."""

import csv
import io

from django.utils import timezone
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.utils import get_column_letter

from events.questions import answer_texts, questions_of

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection); openpyxl
# even stores such a string as a formula. A leading apostrophe keeps it text.
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


def attendee_table(event, registrations):
    """(header, rows) for `event`'s `registrations`, every cell text made spreadsheet-safe."""
    questions = questions_of(event)
    header = [
        _("Name"),
        _("Email"),
        _("School"),
        _("Status"),
        _("Language"),
        _("Registered on"),
        _("Checked in at"),
        *(question.label for question in questions),
    ]
    rows = []
    for registration in registrations:
        answers = answer_texts(event, registration.answers)
        rows.append(
            [
                spreadsheet_safe(value)
                for value in (
                    registration.name,
                    registration.email,
                    registration.school.title if registration.school else "",
                    registration.get_status_display(),
                    registration.language,
                    _local(registration.created_at),
                    _local(registration.checked_in_at),
                    *(answers.get(question.id, "") for question in questions),
                )
            ]
        )
    return header, rows


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def as_csv(header, rows):
    out = io.StringIO()
    out.write("\ufeff")  # so that spreadsheet programs read the accents right
    writer = csv.writer(out)
    writer.writerow(header)
    writer.writerows(rows)
    return out.getvalue().encode("utf-8")


def as_xlsx(header, rows):
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = _("Registrations")
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    sheet.freeze_panes = "A2"
    for index, column in enumerate(zip(header, *rows, strict=False), start=1):
        sheet.column_dimensions[get_column_letter(index)].width = min(60, max(10, *(len(str(v)) + 2 for v in column)))
    out = io.BytesIO()
    workbook.save(out)
    return out.getvalue()
