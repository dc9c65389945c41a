"""A person's newsletter subscriptions and consent ledger in their Law 25 export, erased with their
account (registered with members through `register_personal_data` in wagtail_hooks.py)."""

from newsletter.models import ConsentRecord, Subscriber


def _subscriber(user):
    return Subscriber.objects.filter(user=user).first() or (
        Subscriber.objects.filter(email__iexact=user.email).first() if user.email else None
    )


def export_newsletter(user):
    subscriber = _subscriber(user)
    if subscriber is None:
        return None
    return {
        "email": subscriber.email,
        "language": subscriber.language,
        "subscriptions": [
            {"list": s.mailing_list.key, "status": s.status, "basis": s.basis, "since": s.created_at.isoformat()}
            for s in subscriber.subscriptions.select_related("mailing_list")
        ],
        "consent_records": [
            {
                "action": record.action,
                "list": record.mailing_list.key if record.mailing_list else None,
                "basis": record.basis,
                "wording": record.wording,
                "source": record.source,
                "page": record.page_url,
                "ip_address": record.ip_address,
                "at": record.at.isoformat(),
            }
            for record in ConsentRecord.objects.filter(subscriber=subscriber).select_related("mailing_list")
        ],
    }


def erase_newsletter(user):
    """The address, its subscriptions, its ledger and its deliveries go."""
    subscriber = _subscriber(user)
    if subscriber is not None:
        subscriber.delete()
