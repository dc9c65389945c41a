"""Double opt-in with a consent ledger: nothing is sent before the link in the confirmation email
is followed; the ledger records what was agreed to, in which words, from where and when."""

import datetime

import pytest
import time_machine
from django.core import signing
from django.core.exceptions import ValidationError
from django.test import Client
from django.urls import reverse
from django.utils import translation

from newsletter.models import ConsentAction, ConsentRecord, Subscriber, Subscription, SubscriptionStatus
from newsletter.services import CONSENT_VERSION, confirm_subscription, purge_unconfirmed, request_subscription
from tests.utils import parse

pytestmark = pytest.mark.django_db


def confirmation_link(message):
    return next(word for word in message.body.split() if "/confirm" in word or "/confirmer" in word)


def signup(client, email="lea@example.org", language="fr", lists=("public",), **extra):
    with translation.override(language):
        url = reverse("newsletter:signup")
    return client.post(
        url, {"email": email, "language": language, "lists": list(lists), **extra}, REMOTE_ADDR="203.0.113.9"
    )


def test_signing_up_records_the_consent_and_sends_only_a_confirmation_request(
    client, home_page, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = signup(client, email="Lea@Example.org", next="/fr/evenements/")

    assert response.status_code == 302
    subscription = Subscription.objects.get()
    assert (subscription.subscriber.email, subscription.status) == ("lea@example.org", SubscriptionStatus.PENDING)
    record = ConsentRecord.objects.get()
    assert (record.action, record.basis, record.wording_language, record.wording_version) == (
        ConsentAction.REQUESTED,
        "express",
        "fr",
        CONSENT_VERSION,
    )
    assert record.wording.startswith("J’accepte de recevoir l’infolettre de l’AMASQ")
    assert (record.source, record.page_url, record.ip_address) == ("form", "/fr/evenements/", "203.0.113.9")
    (message,) = mailoutbox
    assert message.subject == "Confirmez votre abonnement à l’infolettre de l’AMASQ"


def test_following_the_link_confirms_and_following_it_again_changes_nothing(
    client, home_page, mailoutbox, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        signup(client, language="en")
    link = confirmation_link(mailoutbox[0])
    path = link.split("testserver", 1)[1]
    assert path.startswith("/en/")

    page = client.get(path)
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING  # a GET (link scanner) confirms nothing
    first = client.post(path)
    again = client.post(path)

    assert (page.status_code, first.status_code, again.status_code) == (200, 200, 200)
    assert "Your subscription is confirmed" in first.content.decode()
    assert Subscription.objects.get().status == SubscriptionStatus.ACTIVE
    assert list(ConsentRecord.objects.values_list("action", flat=True)) == ["requested", "confirmed"]


def test_a_tampered_or_expired_link_says_so(client, home_page, django_capture_on_commit_callbacks):
    subscriber = request_subscription("lea@example.org", language="fr", list_keys=["public"])
    token = signing.dumps(
        {"s": subscriber.pk, "l": [subscriber.subscriptions.get().mailing_list_id], "lang": "fr"},
        salt="newsletter.confirm",
    )

    tampered = client.post(reverse("newsletter:confirm", kwargs={"token": token[:-3] + "abc"}))
    later = datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=8)
    with time_machine.travel(later), pytest.raises(ValidationError) as expired:
        confirm_subscription(token)

    assert tampered.status_code == 400
    assert "Ce lien n’est pas valide" in tampered.content.decode()
    assert expired.value.code == "link_expired"
    assert Subscription.objects.get().status == SubscriptionStatus.PENDING


@pytest.mark.parametrize(
    ("email", "message"),
    [
        ("pas-une-adresse", "Saisissez une adresse courriel valide."),
        ("x@mailinator.com", "Cette adresse semble temporaire."),
    ],
)
def test_a_bad_address_is_refused_with_a_clear_message(client, home_page, email, message):
    response = signup(client, email=email)

    assert response.status_code == 400
    assert message in parse(response).select_one(".error-summary").get_text()
    assert not Subscriber.objects.exists()


def test_the_members_list_cannot_be_chosen_by_the_public(client, home_page):
    response = signup(client, lists=["members"])

    assert response.status_code == 400
    assert not Subscriber.objects.exists()


def test_every_page_has_the_signup_form_in_its_footer(client, home_page):
    form = parse(client.get(home_page.url)).select_one(".footer-signup form")

    assert form["action"] == reverse("newsletter:signup")
    # No token: the page stays the same for every visitor, so the page cache can serve it.
    assert form.select_one("input[name=csrfmiddlewaretoken]") is None
    assert form.select_one("input[name=lists]")["value"] == "public"
    assert form.select_one("select[name=language] option[selected]")["value"] == "fr"


def test_the_footer_signup_is_taken_without_a_csrf_token(home_page, mailoutbox, django_capture_on_commit_callbacks):
    """It can only ask for a confirmation email: nothing is subscribed until its link is used."""
    browser = Client(enforce_csrf_checks=True)

    with django_capture_on_commit_callbacks(execute=True):
        response = browser.post(
            reverse("newsletter:signup"),
            {"email": "pieton@example.org", "language": "fr", "lists": "public", "next": "/fr/"},
        )

    assert response.status_code == 302
    assert response["Location"] == reverse("newsletter:check_inbox")
    assert [message.to for message in mailoutbox] == [["pieton@example.org"]]
    assert not Subscription.objects.filter(subscriber__email="pieton@example.org", status="active").exists()


def test_unconfirmed_signups_are_forgotten_after_a_week(home_page):
    request_subscription("old@example.org", language="fr", list_keys=["public"])
    with time_machine.travel(datetime.datetime.now(tz=datetime.UTC) + datetime.timedelta(days=8)):
        request_subscription("new@example.org", language="fr", list_keys=["public"])
        forgotten = purge_unconfirmed()

    assert forgotten == 1
    assert list(Subscriber.objects.values_list("email", flat=True)) == ["new@example.org"]


def test_a_providers_bounce_report_stops_mail_to_the_address(client, home_page, settings):
    import base64
    import json

    from newsletter.models import MailingList, Subscription

    settings.ANYMAIL = {"WEBHOOK_SECRET": "postmark:s3cret"}
    subscriber = Subscriber.objects.create(email="parti@example.org")
    Subscription.objects.create(
        subscriber=subscriber,
        mailing_list=MailingList.objects.get(key="public"),
        status=SubscriptionStatus.ACTIVE,
        basis="express",
    )
    # What Postmark posts to its tracking webhook for a hard bounce.
    payload = {
        "RecordType": "Bounce",
        "Type": "HardBounce",
        "TypeCode": 1,
        "ID": 42,
        "MessageID": "883953f4-6105-42a2-a16a-77a8eac79483",
        "Email": "Parti@example.org",
        "BouncedAt": "2026-11-28T16:00:00Z",
        "Description": "The server was unable to deliver your message.",
        "Details": "smtp;550 5.1.1 unknown user",
    }
    auth = "Basic " + base64.b64encode(b"postmark:s3cret").decode()

    response = client.post(
        "/anymail/postmark/tracking/", json.dumps(payload), content_type="application/json", HTTP_AUTHORIZATION=auth
    )
    forged = client.post("/anymail/postmark/tracking/", json.dumps(payload), content_type="application/json")

    assert (response.status_code, forged.status_code) == (200, 400)
    subscriber.refresh_from_db()
    assert (subscriber.suppressed_reason, subscriber.consent_records.get().action) == ("bounced", "bounced")
    assert not Subscription.objects.receiving().exists()


@pytest.mark.parametrize("key", ["x" * 43, "abc-def_ghi", "a\x00b", "z" * 300])
def test_a_tampered_unsubscribe_or_preferences_link_says_so(client, home_page, key):
    request_subscription("lea@example.org", language="fr", list_keys=["public"])

    for name in ("newsletter:unsubscribe", "newsletter:preferences"):
        response = client.post(
            f"/fr/infolettre-abonnement/{'desabonnement' if 'unsub' in name else 'preferences'}/{key}/"
        )
        assert response.status_code == 404
        assert "Ce lien n’est pas valide" in response.content.decode()


def test_changing_the_language_on_the_preferences_page_is_recorded(client, home_page):
    subscriber = request_subscription("lea@example.org", language="fr", list_keys=["public"])
    url = reverse("newsletter:preferences", kwargs={"key": subscriber.key})

    response = client.post(url, {"language": "en", "lists": ["public"]})

    assert response.status_code == 302
    subscriber.refresh_from_db()
    assert subscriber.language == "en"
    assert subscriber.subscriptions.get().status == SubscriptionStatus.ACTIVE  # ticked on the page: express consent
    assert list(subscriber.consent_records.values_list("action", flat=True)) == ["requested", "language", "granted"]


def test_a_nul_byte_in_the_page_address_is_dropped_not_a_500(client, home_page):
    # Found by the property suite: the form's "next" goes into the ledger, and PostgreSQL refuses NUL.
    response = signup(client, next="/fr/\x00page/")

    assert response.status_code == 302
    assert ConsentRecord.objects.get().page_url == "/fr/page/"
