"""Sending an issue to its lists: each recipient exactly once, in their language.

A Send creates one Delivery per subscriber receiving one of its lists (unique per issue and
subscriber: a second send of the same issue, or a restart, adds nobody twice). The `deliver` task
works through the queued deliveries: each is claimed under a row lock (skip_locked, so two
workers share the work), sent over an SMTP connection reused for a batch, and marked sent in the
same transaction. A worker killed mid-send leaves the unsent ones queued; the next run
(`manage.py newsletter_send_due`, or a new task) takes them up. Transient failures are retried
with backoff; permanent ones are recorded.
"""

import smtplib
import time
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core.mail import EmailMultiAlternatives, mailers
from django.db import transaction
from django.db.models import Count, Q
from django.tasks import task
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation
from wagtail.models import Locale, Site

from home.mail import clean_subject, inline_css
from home.models import SiteSettings
from newsletter.models import (
    Delivery,
    DeliveryStatus,
    NewsletterPage,
    Send,
    SendStatus,
    Subscription,
)

KEY_PLACEHOLDER = "__SUBSCRIBER_KEY__"
MAX_ATTEMPTS = 5


def batch_size():
    return getattr(settings, "NEWSLETTER_BATCH_SIZE", 100)


def rate_per_minute():
    """At most this many messages a minute (0: as fast as the server takes them)."""
    return getattr(settings, "NEWSLETTER_RATE_PER_MINUTE", 0)


def absolute_url(path):
    return settings.SITE_BASE_URL.rstrip("/") + path


@transaction.atomic
def order_send(issue, lists, *, send_at=None, by=None):
    """Staff send `issue` (any language version: the French one is sent, translated per reader)
    to `lists`, now or at `send_at`. Returns the Send; an immediate one is queued at once."""
    issue = source_issue(issue)
    send = Send.objects.create(issue=issue, send_at=send_at or timezone.now(), created_by=by)
    send.lists.set(lists)
    if send.send_at <= timezone.now():
        transaction.on_commit(partial(deliver.enqueue, send.pk))
    return send


def source_issue(issue):
    default = Locale.get_default()
    if issue.locale_id == default.pk:
        return issue
    return NewsletterPage.objects.filter(translation_key=issue.translation_key, locale=default).first() or issue


def _add_recipients(send):
    """One queued delivery per subscriber now receiving one of the send's lists."""
    subscriber_ids = (
        Subscription.objects.receiving()
        .filter(mailing_list__in=send.lists.all())
        .values_list("subscriber_id", flat=True)
        .distinct()
    )
    Delivery.objects.bulk_create(
        [Delivery(send=send, issue=send.issue, subscriber_id=pk) for pk in subscriber_ids],
        ignore_conflicts=True,
        batch_size=1000,
    )


class Renderer:
    """An issue's email rendered once per language, the subscriber's key put in afterwards."""

    def __init__(self, issue):
        self.issue = issue
        self.rendered = {}

    def version(self, language):
        translated = self.issue.get_translation_or_none(Locale.objects.filter(language_code=language).first())
        return translated if translated is not None and translated.live else self.issue

    def parts(self, language):
        if language not in self.rendered:
            page = self.version(language)
            reader_language = page.locale.language_code
            self.rendered[language] = render_issue(page, reader_language)
        return self.rendered[language]

    def message(self, subscriber):
        subject, text, html, language = self.parts(subscriber.language)
        return build_message(subscriber.email, subscriber.key, subject, text, html, language)


def _links(language, key):
    with translation.override(language):
        return {
            "unsubscribe_url": absolute_url(reverse("newsletter:unsubscribe", kwargs={"key": key})),
            "preferences_url": absolute_url(reverse("newsletter:preferences", kwargs={"key": key})),
        }


def render_issue(page, language, *, key=KEY_PLACEHOLDER):
    """(subject, text, html, language) of `page` for a reader of `language`."""
    context = {
        "issue": page,
        "site_name": settings.SITE_NAME,
        "site_url": settings.SITE_BASE_URL,
        "sender": sender_identity(),
        **_links(language, key),
    }
    with translation.override(language):
        text = render_to_string("email/newsletter/issue.txt", context)
        html = inline_css(render_to_string("email/newsletter/issue.html", context))
    return clean_subject(page.subject), text, html, language


def sender_identity():
    """AMASQ's name and postal address, which every message carries (Canada's anti-spam law)."""
    site = Site.objects.filter(is_default_site=True).first()
    return SiteSettings.for_site(site) if site else None


def build_message(email, key, subject, text, html, language):
    """The email to `email`, its links (preferences, one-click unsubscribe) made with `key`."""
    links = _links(language, key)
    text = text.replace(KEY_PLACEHOLDER, key)
    html = html.replace(KEY_PLACEHOLDER, key)
    message = EmailMultiAlternatives(
        subject=subject,
        body=text,
        from_email=settings.DEFAULT_FROM_EMAIL,
        to=[email],
        headers={
            # RFC 2369 and RFC 8058: mail apps offer "unsubscribe", and a POST to this address
            # unsubscribes at once, without a page to go through.
            "List-Unsubscribe": f"<{links['unsubscribe_url']}>",
            "List-Unsubscribe-Post": "List-Unsubscribe=One-Click",
            "List-Id": f"{settings.SITE_NAME} <newsletter.{settings.SITE_BASE_URL.split('//')[-1].split('/')[0]}>",
            "Precedence": "bulk",
        },
    )
    message.attach_alternative(html, "text/html")
    return message


def _permanent(error):
    if isinstance(error, smtplib.SMTPRecipientsRefused):
        return all(code >= 500 for code, _message in error.recipients.values())
    if isinstance(error, smtplib.SMTPResponseException):
        return error.smtp_code >= 500
    return False


@task()
def deliver(send_id):
    """Send what is due of `send_id`; see the module's docstring. Returns how many were sent."""
    with transaction.atomic():
        send = Send.objects.select_for_update().filter(pk=send_id).first()
        if send is None or send.status == SendStatus.DONE or send.send_at > timezone.now():
            return 0
        if send.status == SendStatus.SCHEDULED:
            _add_recipients(send)
            send.status = SendStatus.SENDING
            send.save(update_fields=["status"])
    renderer = Renderer(send.issue)
    sent = 0
    while True:
        due = list(
            Delivery.objects.filter(
                send=send, status=DeliveryStatus.QUEUED, next_attempt_at__lte=timezone.now()
            ).values_list("pk", flat=True)[: batch_size()]
        )
        if not due:
            break
        sent_in_batch, broken = _send_batch(send, renderer, due)
        sent += sent_in_batch
        if broken:
            break  # the server went away: what is left waits for its retry time
    _finish_if_done(send)
    return sent


def _send_batch(send, renderer, delivery_ids):
    """Send the deliveries over one connection; returns (sent, connection_broken)."""
    sent = 0
    receiving = _still_receiving(send, delivery_ids)
    pause = 60 / rate_per_minute() if rate_per_minute() else 0
    with mailers.default as connection:
        for delivery_id in delivery_ids:
            with transaction.atomic():
                delivery = (
                    Delivery.objects.select_for_update(skip_locked=True)
                    .select_related("subscriber")
                    .filter(pk=delivery_id, status=DeliveryStatus.QUEUED)
                    .first()
                )
                if delivery is None:
                    continue  # another worker has it, or it is done
                if delivery.subscriber_id not in receiving:
                    delivery.status = DeliveryStatus.SKIPPED
                    delivery.save(update_fields=["status"])
                    continue
                try:
                    connection.send_messages([renderer.message(delivery.subscriber)])
                except (smtplib.SMTPException, OSError) as error:
                    _failed(delivery, error)
                    if not _permanent(error):
                        return sent, True
                    continue
                delivery.status = DeliveryStatus.SENT
                delivery.sent_at = timezone.now()
                delivery.attempts += 1
                delivery.save(update_fields=["status", "sent_at", "attempts"])
                sent += 1
            if pause:
                time.sleep(pause)
    return sent, False


def _still_receiving(send, delivery_ids):
    """The subscribers of these deliveries who still receive one of the send's lists: someone who
    unsubscribed or bounced since the send began is skipped. One query per batch, not one per
    email. An unsubscription that arrives while a batch is going out counts from the next batch."""
    return set(
        Subscription.objects.receiving()
        .filter(
            mailing_list__in=send.lists.all(),
            subscriber__deliveries__pk__in=delivery_ids,
        )
        .values_list("subscriber_id", flat=True)
    )


def _failed(delivery, error):
    delivery.attempts += 1
    delivery.error = str(error)[:300]
    if _permanent(error) or delivery.attempts >= MAX_ATTEMPTS:
        delivery.status = DeliveryStatus.FAILED
    else:
        # Backoff: 1, 4, 9, 16 minutes.
        delivery.next_attempt_at = timezone.now() + timedelta(minutes=delivery.attempts**2)
    delivery.save(update_fields=["attempts", "error", "status", "next_attempt_at"])


def _finish_if_done(send):
    with transaction.atomic():
        send = Send.objects.select_for_update().get(pk=send.pk)
        if send.status == SendStatus.SENDING and not send.deliveries.filter(status=DeliveryStatus.QUEUED).exists():
            send.status = SendStatus.DONE
            send.finished_at = timezone.now()
            send.save(update_fields=["status", "finished_at"])


def sends_due(now=None):
    """What `manage.py newsletter_send_due` starts: scheduled sends whose time has come, and sends
    left unfinished (a worker stopped, or retries now due)."""
    now = now or timezone.now()
    return Send.objects.filter(
        Q(status=SendStatus.SCHEDULED, send_at__lte=now)
        | Q(status=SendStatus.SENDING, deliveries__status=DeliveryStatus.QUEUED, deliveries__next_attempt_at__lte=now)
    ).distinct()


def delivery_counts(path=""):
    """Counts of deliveries by status (sent, failed, skipped, left), as expressions for
    `aggregate` over deliveries, or for `annotate` over sends with `path="deliveries__"`."""
    statuses = {
        "sent": DeliveryStatus.SENT,
        "failed": DeliveryStatus.FAILED,
        "skipped": DeliveryStatus.SKIPPED,
        "left": DeliveryStatus.QUEUED,
    }
    return {name: Count(f"{path}pk", filter=Q(**{f"{path}status": status})) for name, status in statuses.items()}


def progress(send):
    """Counts of the send's deliveries: sent, failed, skipped, left (queued)."""
    return send.deliveries.aggregate(**delivery_counts())


def send_test(issue, user):
    """The issue in each language to the staff member's own address, marked as a test; no delivery
    is recorded and nobody else gets it."""
    renderer = Renderer(issue)
    messages = []
    for language in ("fr", "en"):
        subject, text, html, reader_language = renderer.parts(language)
        message = build_message(user.email, "test", f"[TEST] {subject}", text, html, reader_language)
        messages.append(message)
    with mailers.default as connection:
        connection.send_messages(messages)
