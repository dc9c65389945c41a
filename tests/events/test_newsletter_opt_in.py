"""A guest may tick "also send me the newsletter" when registering for a public event: once they
confirm their address, they get it, with that consent in the newsletter's ledger (source: event)."""

import pytest
from django.urls import reverse
from django.utils import translation

from events.models import Registration
from events.services import confirm_guest
from newsletter.models import ConsentRecord, Subscription, SubscriptionStatus

pytestmark = pytest.mark.django_db


def register(client, event, language="fr", **extra):
    with translation.override(language):
        url = reverse("events:guest_register", kwargs={"event_id": event.pk})
    return client.post(url, {"name": "Léa Tremblay", "email": "lea@example.org", **extra})


def test_the_newsletter_comes_once_the_guest_confirms_their_address(client, open_event):
    response = register(client, open_event, language="en", newsletter="on")
    assert response.status_code == 302
    assert not Subscription.objects.exists()  # nothing before the address is confirmed

    confirm_guest(Registration.objects.get().token)

    subscription = Subscription.objects.get()
    assert (subscription.subscriber.email, subscription.subscriber.language, subscription.status) == (
        "lea@example.org",
        "en",
        SubscriptionStatus.ACTIVE,
    )
    record = ConsentRecord.objects.get()
    assert (record.action, record.source, record.basis, record.wording_language) == (
        "confirmed",
        "event",
        "express",
        "en",
    )
    assert record.wording.startswith("Also send me the AMASQ newsletter")
    assert record.page_url == reverse("events:guest_register", kwargs={"event_id": open_event.pk}).replace(
        "/fr/", "/en/"
    )


def test_without_the_box_ticked_the_guest_gets_no_newsletter(client, open_event):
    register(client, open_event)

    confirm_guest(Registration.objects.get().token)

    assert not Subscription.objects.exists()


def test_the_box_is_on_the_guest_form_after_the_questions(client, open_event):
    from tests.utils import parse

    with translation.override("fr"):
        url = reverse("events:guest_register", kwargs={"event_id": open_event.pk})
    names = [
        field["name"]
        for field in parse(client.get(url)).select("main form [name]")
        if field["name"] != "csrfmiddlewaretoken"
    ]

    assert names[-1] == "newsletter"
