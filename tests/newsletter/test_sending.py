"""Issue 10's "Done when", against a real SMTP server (aiosmtpd): a send reaches French and English
subscribers in their language; the one-click unsubscribe POST from the received email's header
unsubscribes at once, and the next send skips them; a send cut short resumes without sending
anyone the issue twice."""

import datetime
import re
from urllib.parse import urlsplit

import pytest
import time_machine
from django.test import Client
from django.utils import timezone

from newsletter.models import Delivery, DeliveryStatus, MailingList, Send, SendStatus, Subscriber
from newsletter.sending import deliver, order_send
from newsletter.services import confirm_subscription, request_subscription, subscribe_member
from tests.factories.accounts import make_member
from tests.newsletter.conftest import english

pytestmark = pytest.mark.django_db


def subscribed(email, language):
    from django.core import signing

    subscriber = request_subscription(email, language=language, list_keys=["public"])
    token = signing.dumps(
        {"s": subscriber.pk, "l": [MailingList.objects.get(key="public").pk], "lang": language},
        salt="newsletter.confirm",
    )
    confirm_subscription(token)
    return subscriber


def received(smtp_server):
    return {
        recipients[0]: message
        for recipients, message in zip(smtp_server.recipients, smtp_server.messages, strict=True)
    }


@pytest.fixture
def send_now(django_capture_on_commit_callbacks):
    """order_send, and the delivery task it queues once the transaction commits."""

    def run(issue, lists):
        with django_capture_on_commit_callbacks(execute=True):
            return order_send(issue, lists)

    return run


def public():
    return [MailingList.objects.get(key="public")]


def test_each_subscriber_gets_the_issue_in_their_language_then_unsubscribes_in_one_click(send_now, smtp_server, issue):
    subscribed("lea@example.org", "fr")
    subscribed("sam@example.org", "en")
    smtp_server.messages.clear()
    smtp_server.recipients.clear()

    send_now(english(issue), public())  # from the English page: the French source is what is sent

    mail = received(smtp_server)
    assert sorted(mail) == ["lea@example.org", "sam@example.org"]
    french, english_mail = mail["lea@example.org"], mail["sam@example.org"]
    assert (french["Subject"], english_mail["Subject"]) == ("Les nouvelles de décembre", "December news")
    assert "Bonjour à toutes et à tous." in french.get_body(preferencelist=("plain",)).get_content()
    assert "Hello everyone." in english_mail.get_body(preferencelist=("html",)).get_content()
    # Who sends, with a postal address, and how to leave (CASL), in every message.
    footer = french.get_body(preferencelist=("plain",)).get_content()
    assert "Alliance des milieux adaptés de scolarisation du Québec" in footer
    assert "Se désabonner : http://testserver/fr/infolettre-abonnement/desabonnement/" in footer
    assert english_mail["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"

    # What a mail app does (RFC 8058): POST "List-Unsubscribe=One-Click" to the header's address,
    # with no cookie and no CSRF token.
    unsubscribe_url = re.fullmatch(r"<(.+)>", english_mail["List-Unsubscribe"]).group(1)
    response = Client(enforce_csrf_checks=True).post(urlsplit(unsubscribe_url).path, {"List-Unsubscribe": "One-Click"})
    assert response.status_code == 200

    second = issue.get_parent().add_child(
        instance=type(issue)(title="Janvier", slug="janvier", subject="Janvier", body=issue.body.raw_data)
    )
    second.save_revision().publish()
    smtp_server.messages.clear()
    smtp_server.recipients.clear()
    send_now(second, public())

    assert sorted(received(smtp_server)) == ["lea@example.org"]


def test_a_send_cut_short_resumes_and_nobody_gets_the_issue_twice(send_now, smtp_server, issue, settings):
    for number in range(5):
        subscribed(f"person{number}@example.org", "fr")
    smtp_server.messages.clear()
    smtp_server.recipients.clear()
    settings.NEWSLETTER_BATCH_SIZE = 2
    # The server goes away after three messages (a 421: try again later), as when a worker's
    # connection dies mid-send.
    smtp_server.refuse_after = 3

    send = send_now(issue, public())

    assert len(smtp_server.messages) == 3
    send.refresh_from_db()
    assert send.status == SendStatus.SENDING
    assert Delivery.objects.filter(status=DeliveryStatus.QUEUED).count() == 2

    smtp_server.refuse_after = None
    deliver.call(send.pk)  # the server is back: the one never tried goes; the refused one waits
    assert [r[0] for r in smtp_server.recipients][3:] == ["person4@example.org"]
    with time_machine.travel(timezone.now() + datetime.timedelta(minutes=5)):
        deliver.call(send.pk)  # its retry is due
        deliver.call(send.pk)  # a second worker, or a second run, finds nothing left

    assert sorted(r[0] for r in smtp_server.recipients) == [f"person{n}@example.org" for n in range(5)]
    send.refresh_from_db()
    assert send.status == SendStatus.DONE


def test_sending_the_same_issue_again_reaches_only_the_newcomers(send_now, smtp_server, issue):
    subscribed("lea@example.org", "fr")
    send_now(issue, public())
    subscribed("sam@example.org", "en")
    smtp_server.messages.clear()
    smtp_server.recipients.clear()

    send_now(issue, public())

    assert [r[0] for r in smtp_server.recipients] == ["sam@example.org"]
    assert Send.objects.count() == 2


def test_members_get_members_news_through_their_membership_and_lose_it_when_they_leave(
    send_now, smtp_server, issue, home_page
):
    from members.models import MemberRole
    from members.services.accounts import deactivate_member
    from tests.factories.members import MASDirectoryPageFactory, MASPageFactory

    school = MASPageFactory(parent=MASDirectoryPageFactory(parent=home_page))
    member = make_member(school, email="membre@example.org")
    subscribe_member(member)
    members_news = [MailingList.objects.get(key="members")]
    send_now(issue, members_news)
    assert [r[0] for r in smtp_server.recipients] == ["membre@example.org"]

    deactivate_member(member, by=make_member(school, role=MemberRole.COORDINATOR))
    second = issue.get_parent().add_child(
        instance=type(issue)(title="Février", slug="fevrier", subject="Février", body=issue.body.raw_data)
    )
    second.save_revision().publish()
    smtp_server.messages.clear()
    smtp_server.recipients.clear()
    send_now(second, members_news)

    assert smtp_server.recipients == []
    assert Subscriber.objects.get(email="membre@example.org").consent_records.last().action == "expired"


def test_an_address_the_server_refuses_for_good_is_recorded_and_not_retried(send_now, smtp_server, issue):
    subscribed("lea@example.org", "fr")
    subscribed("nobody@example.org", "fr")
    smtp_server.unknown_addresses = {"nobody@example.org"}

    send = send_now(issue, public())

    failed = Delivery.objects.get(subscriber__email="nobody@example.org")
    assert (failed.status, failed.attempts) == (DeliveryStatus.FAILED, 1)
    assert "550" in failed.error
    assert [r[0] for r in smtp_server.recipients] == ["lea@example.org"]
    send.refresh_from_db()
    assert send.status == SendStatus.DONE


def test_whoever_unsubscribed_or_bounced_after_the_send_was_ordered_is_skipped(smtp_server, issue):
    from newsletter.services import suppress, unsubscribe

    stays = subscribed("reste@example.org", "fr")
    leaves = subscribed("part@example.org", "fr")
    bounces = subscribed("rebond@example.org", "en")
    send = order_send(issue, public())  # the task waits for a commit that a test never makes
    Send.objects.filter(pk=send.pk).update(status=SendStatus.SENDING)
    for subscriber in (stays, leaves, bounces):
        Delivery.objects.create(send=send, issue=send.issue, subscriber=subscriber)
    unsubscribe(leaves)
    suppress("rebond@example.org", reason="bounce")

    deliver.call(send.pk)

    assert [r[0] for r in smtp_server.recipients] == ["reste@example.org"]
    assert dict(Delivery.objects.values_list("subscriber__email", "status")) == {
        "reste@example.org": DeliveryStatus.SENT,
        "part@example.org": DeliveryStatus.SKIPPED,
        "rebond@example.org": DeliveryStatus.SKIPPED,
    }
