"""Subscribing, confirming, changing preferences, unsubscribing; members' subscriptions through
their membership; bounces and complaints. Every change adds to the consent ledger.

Refusals raise ValidationError with a message in the active language; nothing is saved then.
Emails leave after the commit, from tasks that take ids.
"""

from datetime import timedelta
from functools import partial

from django.conf import settings
from django.core import signing
from django.core.exceptions import ValidationError
from django.core.validators import validate_email
from django.db import IntegrityError, transaction
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from newsletter import mail
from newsletter.models import (
    ConsentAction,
    ConsentBasis,
    ConsentRecord,
    ConsentSource,
    MailingList,
    Subscriber,
    Subscription,
    SubscriptionStatus,
)

# The wording people agree to, and its version: recorded with every consent (change the version
# whenever the wording changes).
CONSENT_VERSION = "2026-11"
CONFIRM_SALT = "newsletter.confirm"
DEFAULT_CONFIRM_MAX_AGE = timedelta(days=7)
# Domains of throwaway mailboxes: a subscription from one is most likely not a person's.
DISPOSABLE_DOMAINS = frozenset(
    {
        "mailinator.com",
        "yopmail.com",
        "guerrillamail.com",
        "10minutemail.com",
        "tempmail.com",
        "temp-mail.org",
        "trashmail.com",
        "sharklasers.com",
        "getnada.com",
        "dispostable.com",
        "maildrop.cc",
        "throwawaymail.com",
    }
)


def consent_wording(language):
    with translation.override(language):
        return _(
            "I agree to receive the AMASQ newsletter by email. I can unsubscribe at any time with the "
            "link at the bottom of every message."
        )


def confirm_max_age():
    return getattr(settings, "NEWSLETTER_CONFIRM_MAX_AGE", DEFAULT_CONFIRM_MAX_AGE)


def clean_address(email):
    """The address lowercased, or ValidationError for a malformed or throwaway one."""
    email = (email or "").strip().lower()
    try:
        validate_email(email)
    except ValidationError as error:
        raise ValidationError(_("Enter a valid email address."), code="invalid_email") from error
    if email.rsplit("@", 1)[1] in DISPOSABLE_DOMAINS:
        raise ValidationError(
            _("This looks like a temporary address. Use an address you will keep reading."), code="disposable"
        )
    return email


def _record(subscriber, action, *, source, mailing_list=None, basis="", language="", page_url="", ip=None, at=None):
    wording = consent_wording(language) if basis == ConsentBasis.EXPRESS and language else ""
    ConsentRecord.objects.create(
        subscriber=subscriber,
        mailing_list=mailing_list,
        action=action,
        basis=basis,
        wording=wording,
        wording_language=language if wording else "",
        wording_version=CONSENT_VERSION if wording else "",
        source=source,
        # Where the form was: from the request, so anything; PostgreSQL refuses a NUL byte.
        page_url=(page_url or "").replace("\x00", "")[:500],
        ip_address=ip,
        at=at or timezone.now(),
    )


def _subscriber_for(email, language):
    """The subscriber of `email`, locked, created if new (two signups at once find the same one)."""
    existing = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
    if existing:
        return existing
    try:
        with transaction.atomic():
            return Subscriber.objects.create(email=email, language=language)
    except IntegrityError:
        return Subscriber.objects.select_for_update().get(email__iexact=email)


def public_lists(keys=None):
    lists = MailingList.objects.filter(open_to_public=True)
    return lists.filter(key__in=keys) if keys is not None else lists


@transaction.atomic
def request_subscription(email, *, language, list_keys, source=ConsentSource.FORM, page_url="", ip=None):
    """Someone asks for the lists `list_keys` (open to the public). Nothing is sent to them but a
    confirmation email until they follow its link (double opt-in). Returns the Subscriber.
    Raises ValidationError (invalid_email, disposable, no_list)."""
    email = clean_address(email)
    lists = list(public_lists(list_keys))
    if not lists:
        raise ValidationError(_("Choose at least one newsletter."), code="no_list")
    subscriber = _subscriber_for(email, language)
    asked = []
    for mailing_list in lists:
        subscription, _created = Subscription.objects.get_or_create(
            subscriber=subscriber,
            mailing_list=mailing_list,
            defaults={"status": SubscriptionStatus.PENDING, "basis": ConsentBasis.EXPRESS},
        )
        if subscription.status == SubscriptionStatus.ACTIVE and not subscriber.suppressed_at:
            continue  # already receiving it: nothing to confirm, and nothing said about it
        if subscription.status != SubscriptionStatus.PENDING:
            subscription.status = SubscriptionStatus.PENDING
            subscription.save(update_fields=["status"])
        _record(
            subscriber,
            ConsentAction.REQUESTED,
            source=source,
            mailing_list=mailing_list,
            basis=ConsentBasis.EXPRESS,
            language=language,
            page_url=page_url,
            ip=ip,
        )
        asked.append(mailing_list.pk)
    if asked:
        token = signing.dumps({"s": subscriber.pk, "l": asked, "lang": language}, salt=CONFIRM_SALT)
        transaction.on_commit(partial(mail.send_confirmation_request.enqueue, subscriber.pk, token))
    return subscriber


@transaction.atomic
def confirm_subscription(token, *, ip=None, page_url=""):
    """The person followed the confirmation link: their pending subscriptions become active, and an
    address that had bounced or unsubscribed is mailed again (a fresh opt-in). Following it twice
    changes nothing. Raises ValidationError (link_expired, bad_link)."""
    try:
        data = signing.loads(token, salt=CONFIRM_SALT, max_age=confirm_max_age())
    except signing.SignatureExpired as error:
        raise ValidationError(
            _("This confirmation link has expired. Sign up again to get a new one."), code="link_expired"
        ) from error
    except (signing.BadSignature, ValueError, TypeError) as error:
        raise ValidationError(_("This link is not valid. Check that you copied it whole."), code="bad_link") from error
    subscriber = Subscriber.objects.select_for_update().filter(pk=data.get("s")).first()
    if subscriber is None:
        raise ValidationError(_("This link is not valid. Check that you copied it whole."), code="bad_link")
    now = timezone.now()
    pending = Subscription.objects.select_for_update().filter(
        subscriber=subscriber, mailing_list_id__in=data.get("l", []), status=SubscriptionStatus.PENDING
    )
    for subscription in pending.select_related("mailing_list"):
        subscription.status = SubscriptionStatus.ACTIVE
        subscription.basis = ConsentBasis.EXPRESS
        subscription.confirmed_at = now
        subscription.expires_at = None
        subscription.ended_at = None
        subscription.save()
        _record(
            subscriber,
            ConsentAction.CONFIRMED,
            source=ConsentSource.EMAIL_LINK,
            mailing_list=subscription.mailing_list,
            basis=ConsentBasis.EXPRESS,
            language=data.get("lang", subscriber.language),
            page_url=page_url,
            ip=ip,
            at=now,
        )
        if subscriber.suppressed_at:
            subscriber.suppressed_at = None
            subscriber.suppressed_reason = ""
            subscriber.save(update_fields=["suppressed_at", "suppressed_reason"])
    return subscriber


def subscriber_for_key(key):
    """The subscriber a link's key names, or ValidationError (bad_link)."""
    well_formed = bool(key) and len(key) <= 64 and key.replace("-", "").replace("_", "").isalnum()
    subscriber = Subscriber.objects.filter(key=key).first() if well_formed else None
    if subscriber is None:
        raise ValidationError(_("This link is not valid. Check that you copied it whole."), code="bad_link")
    return subscriber


@transaction.atomic
def unsubscribe(subscriber, *, list_keys=None, source=ConsentSource.EMAIL_LINK, ip=None, page_url=""):
    """Stop sending `subscriber` the lists `list_keys` (all of them when None), at once. Returns how
    many subscriptions ended; unsubscribing twice ends nothing more."""
    now = timezone.now()
    subscriptions = (
        Subscription.objects.select_for_update()
        .filter(subscriber=subscriber)
        .exclude(status=SubscriptionStatus.UNSUBSCRIBED)
    )
    if list_keys is not None:
        subscriptions = subscriptions.filter(mailing_list__key__in=list_keys)
    ended = 0
    for subscription in subscriptions.select_related("mailing_list"):
        subscription.status = SubscriptionStatus.UNSUBSCRIBED
        subscription.ended_at = now
        subscription.save(update_fields=["status", "ended_at"])
        _record(
            subscriber,
            ConsentAction.WITHDRAWN,
            source=source,
            mailing_list=subscription.mailing_list,
            page_url=page_url,
            ip=ip,
            at=now,
        )
        ended += 1
    return ended


@transaction.atomic
def update_preferences(subscriber, *, language, list_keys, ip=None, page_url=""):
    """From the preferences page an email links to: the language, and which lists to receive. A
    list ticked again there is an express consent given from the person's own mailbox."""
    subscriber = Subscriber.objects.select_for_update().get(pk=subscriber.pk)
    if language != subscriber.language:
        subscriber.language = language
        subscriber.save(update_fields=["language"])
        _record(subscriber, ConsentAction.LANGUAGE, source=ConsentSource.EMAIL_LINK, page_url=page_url, ip=ip)
    offered = {subscription.mailing_list.key for subscription in choosable_subscriptions(subscriber)} | {
        mailing_list.key for mailing_list in public_lists()
    }
    wanted = set(list_keys) & offered
    unsubscribe(subscriber, list_keys=offered - wanted, source=ConsentSource.EMAIL_LINK, ip=ip, page_url=page_url)
    now = timezone.now()
    for mailing_list in MailingList.objects.filter(key__in=wanted):
        subscription, _created = Subscription.objects.get_or_create(
            subscriber=subscriber,
            mailing_list=mailing_list,
            defaults={"status": SubscriptionStatus.PENDING, "basis": ConsentBasis.EXPRESS},
        )
        if subscription.status == SubscriptionStatus.ACTIVE:
            continue
        subscription.status = SubscriptionStatus.ACTIVE
        subscription.basis = ConsentBasis.EXPRESS
        subscription.confirmed_at = now
        subscription.ended_at = None
        subscription.save()
        _record(
            subscriber,
            ConsentAction.GRANTED,
            source=ConsentSource.EMAIL_LINK,
            mailing_list=mailing_list,
            basis=ConsentBasis.EXPRESS,
            language=language,
            page_url=page_url,
            ip=ip,
            at=now,
        )
    return subscriber


def choosable_subscriptions(subscriber):
    """The subscriptions the preferences page shows: every public list, and a members' list the
    person has (members cannot sign up for it, only leave it or come back to it)."""
    return Subscription.objects.filter(subscriber=subscriber).select_related("mailing_list")


@transaction.atomic
def suppress(email, *, reason, source=ConsentSource.PROVIDER):
    """A permanent bounce or a complaint: the address is never mailed again, unless the person
    signs up afresh and confirms. Returns the Subscriber, or None for an unknown address."""
    subscriber = Subscriber.objects.select_for_update().filter(email__iexact=email).first()
    if subscriber is None or subscriber.suppressed_at:
        return subscriber
    subscriber.suppressed_at = timezone.now()
    subscriber.suppressed_reason = reason
    subscriber.save(update_fields=["suppressed_at", "suppressed_reason"])
    action = ConsentAction.COMPLAINED if reason == "complained" else ConsentAction.BOUNCED
    _record(subscriber, action, source=source)
    if reason == "complained":
        unsubscribe(subscriber, source=source)
    return subscriber


# Members' news: members get it through their membership (implied consent, CASL), and lose it
# when they leave. Someone who unsubscribed is not subscribed again by a new membership.


@transaction.atomic
def subscribe_member(user, *, language="fr"):
    members_list = MailingList.objects.filter(key=MailingList.MEMBERS).first()
    if members_list is None or not user.email:
        return None
    subscriber = Subscriber.objects.select_for_update().filter(user=user).first() or _subscriber_for(
        user.email.lower(), language
    )
    if subscriber.user_id != user.pk:
        subscriber.user = user
        subscriber.save(update_fields=["user"])
    subscription = Subscription.objects.filter(subscriber=subscriber, mailing_list=members_list).first()
    if subscription and _withdrawn_by_the_person(subscription):
        return subscription
    if subscription is None:
        subscription = Subscription(subscriber=subscriber, mailing_list=members_list)
    elif subscription.status == SubscriptionStatus.ACTIVE:
        return subscription
    subscription.status = SubscriptionStatus.ACTIVE
    subscription.basis = ConsentBasis.IMPLIED_MEMBERSHIP
    subscription.confirmed_at = timezone.now()
    subscription.expires_at = None
    subscription.ended_at = None
    subscription.save()
    _record(
        subscriber,
        ConsentAction.GRANTED,
        source=ConsentSource.MEMBERSHIP,
        mailing_list=members_list,
        basis=ConsentBasis.IMPLIED_MEMBERSHIP,
    )
    return subscription


def _withdrawn_by_the_person(subscription):
    last = (
        ConsentRecord.objects.filter(subscriber=subscription.subscriber, mailing_list=subscription.mailing_list)
        .exclude(action=ConsentAction.LANGUAGE)
        .order_by("-at", "-pk")
        .first()
    )
    return subscription.status == SubscriptionStatus.UNSUBSCRIBED and last and last.action == ConsentAction.WITHDRAWN


@transaction.atomic
def drop_member(user):
    """The person left their school: their implied consent to members' news ends now."""
    subscriptions = Subscription.objects.select_for_update().filter(
        subscriber__user=user, mailing_list__key=MailingList.MEMBERS, status=SubscriptionStatus.ACTIVE
    )
    now = timezone.now()
    for subscription in subscriptions.select_related("subscriber", "mailing_list"):
        subscription.status = SubscriptionStatus.UNSUBSCRIBED
        subscription.expires_at = now
        subscription.ended_at = now
        subscription.save(update_fields=["status", "expires_at", "ended_at"])
        _record(
            subscription.subscriber,
            ConsentAction.EXPIRED,
            source=ConsentSource.MEMBERSHIP,
            mailing_list=subscription.mailing_list,
            basis=ConsentBasis.IMPLIED_MEMBERSHIP,
            at=now,
        )


def purge_unconfirmed(older_than=None, now=None):
    """Forget the signups never confirmed within `older_than` (Law 25: keep no more than needed):
    addresses with nothing but pending subscriptions. Returns how many addresses were deleted."""
    now = now or timezone.now()
    cutoff = now - (older_than or confirm_max_age())
    stale = Subscriber.objects.filter(created_at__lt=cutoff, user__isnull=True).exclude(
        subscriptions__status__in=[SubscriptionStatus.ACTIVE, SubscriptionStatus.UNSUBSCRIBED]
    )
    ids = list(stale.values_list("pk", flat=True))
    Subscriber.objects.filter(pk__in=ids).delete()
    return len(ids)
