"""Importing subscribers from a CSV file, with the consent basis of each row (CASL: staff must
know why each address may be mailed). All or nothing: any bad row is reported by its line number
and nothing is imported."""

import csv
import io
from datetime import date, datetime, time

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from newsletter.models import (
    ConsentAction,
    ConsentBasis,
    ConsentRecord,
    ConsentSource,
    Subscriber,
    Subscription,
    SubscriptionStatus,
)
from newsletter.services import clean_address

MAX_BYTES = 5 * 1024 * 1024
REQUIRED_COLUMNS = ("email", "language", "basis", "consent_date", "source")


def _rows(uploaded):
    if uploaded.size > MAX_BYTES:
        raise ValidationError(_("The file is larger than 5 MB."), code="too_large")
    try:
        text = uploaded.read().decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise ValidationError(_("The file is not UTF-8 text. Save it as “CSV UTF-8”."), code="encoding") from error
    reader = csv.DictReader(io.StringIO(text))
    missing = [column for column in REQUIRED_COLUMNS if column not in (reader.fieldnames or [])]
    if missing:
        raise ValidationError(_("Columns missing: %(columns)s.") % {"columns": ", ".join(missing)}, code="columns")
    return list(reader)


def _check(line, row, seen):
    errors = []
    try:
        email = clean_address(row.get("email"))
    except ValidationError:
        email = None
        errors.append(_("line %(line)d: the email address is not valid.") % {"line": line})
    if email and email in seen:
        errors.append(
            _("line %(line)d: %(email)s is already on line %(first)d.")
            % {"line": line, "email": email, "first": seen[email]}
        )
    language = (row.get("language") or "").strip()
    if language not in ("fr", "en"):
        errors.append(_("line %(line)d: the language must be fr or en.") % {"line": line})
    basis = (row.get("basis") or "").strip()
    if basis not in ConsentBasis.values:
        errors.append(_("line %(line)d: the basis must be express or implied_membership.") % {"line": line})
    try:
        consented = date.fromisoformat((row.get("consent_date") or "").strip())
        if consented > timezone.localdate():
            raise ValueError
    except ValueError:
        consented = None
        errors.append(_("line %(line)d: the consent date must be a past date like 2025-03-31.") % {"line": line})
    if not (row.get("source") or "").strip():
        errors.append(_("line %(line)d: say where the consent was given (source).") % {"line": line})
    return email, language, basis, consented, errors


def import_subscribers(uploaded, *, mailing_list):
    """Import the file's rows into `mailing_list`. Returns how many rows; raises ValidationError
    with every problem, by line, and imports nothing then. Addresses that unsubscribed or bounced
    stay so: an import never overrides a person's own choice."""
    rows = _rows(uploaded)
    checked, errors, seen = [], [], {}
    for line, row in enumerate(rows, start=2):  # line 1 is the header
        email, language, basis, consented, row_errors = _check(line, row, seen)
        errors += row_errors
        if email:
            seen.setdefault(email, line)
        checked.append((email, language, basis, consented, (row.get("source") or "").strip()[:200]))
    if not rows:
        errors.append(_("The file has no rows."))
    if errors:
        raise ValidationError(errors)
    with transaction.atomic():
        for email, language, basis, consented, source_note in checked:
            _import_one(email, language, basis, consented, source_note, mailing_list)
    return len(checked)


def _import_one(email, language, basis, consented, source_note, mailing_list):
    subscriber = Subscriber.objects.filter(email__iexact=email).first() or Subscriber.objects.create(
        email=email, language=language
    )
    subscription = Subscription.objects.filter(subscriber=subscriber, mailing_list=mailing_list).first()
    if subscriber.suppressed_at or (subscription and subscription.status == SubscriptionStatus.UNSUBSCRIBED):
        return
    consented_at = timezone.make_aware(datetime.combine(consented, time(12)))
    Subscription.objects.update_or_create(
        subscriber=subscriber,
        mailing_list=mailing_list,
        defaults={"status": SubscriptionStatus.ACTIVE, "basis": basis, "confirmed_at": consented_at},
    )
    ConsentRecord.objects.create(
        subscriber=subscriber,
        mailing_list=mailing_list,
        action=ConsentAction.GRANTED,
        basis=basis,
        source=ConsentSource.IMPORT,
        page_url=source_note,
        at=consented_at,
    )
