"""Staff send an issue from the admin (a test to themselves first), follow its progress, preview
the email in each language, and import subscribers from a CSV file: all or nothing."""

import pytest
from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from newsletter.models import ConsentRecord, Delivery, MailingList, Send, Subscriber, Subscription
from newsletter.services import subscribe_member
from tests.factories.accounts import make_staff
from tests.newsletter.conftest import english

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff_client(client):
    client.force_login(make_staff(email="equipe@example.org"))
    return client


def test_a_test_send_goes_to_the_staff_member_only_in_both_languages(staff_client, issue, mailoutbox):
    response = staff_client.post(reverse("newsletter_send", kwargs={"issue_id": issue.pk}), {"test": "1"})

    assert response.status_code == 302
    assert sorted(message.subject for message in mailoutbox) == [
        "[TEST] December news",
        "[TEST] Les nouvelles de décembre",
    ]
    assert {message.to[0] for message in mailoutbox} == {"equipe@example.org"}
    assert not Delivery.objects.exists()


def test_a_send_to_a_list_shows_its_progress(staff_client, issue, mailoutbox, django_capture_on_commit_callbacks):
    subscriber = Subscriber.objects.create(email="lea@example.org", language="en")
    Subscription.objects.create(
        subscriber=subscriber, mailing_list=MailingList.objects.get(key="public"), status="active", basis="express"
    )
    public = MailingList.objects.get(key="public")

    with django_capture_on_commit_callbacks(execute=True):
        response = staff_client.post(
            reverse("newsletter_send", kwargs={"issue_id": english(issue).pk}), {"send": "1", "lists": [public.pk]}
        )

    send = Send.objects.get()
    assert response["Location"] == reverse("newsletter_progress", kwargs={"send_id": send.pk})
    progress = staff_client.get(response["Location"]).content.decode()
    assert "Envoyés : 1. Échecs : 0. Sautés (désabonnés depuis) : 0. Restants : 0." in progress
    assert [message.subject for message in mailoutbox] == ["December news"]


def test_sending_needs_a_list(staff_client, issue):
    response = staff_client.post(reverse("newsletter_send", kwargs={"issue_id": issue.pk}), {"send": "1"})

    assert response.status_code == 400
    assert "Choisissez au moins une liste." in response.content.decode()
    assert not Send.objects.exists()


def test_the_preview_is_the_email_in_the_chosen_language(staff_client, issue):
    french = staff_client.get(reverse("newsletter_preview", kwargs={"issue_id": issue.pk, "language": "fr"}))
    text = staff_client.get(
        reverse("newsletter_preview", kwargs={"issue_id": issue.pk, "language": "en"}), {"format": "text"}
    )

    assert "Bonjour à toutes et à tous." in french.content.decode()
    assert 'style="' in french.content.decode()  # CSS inlined, as mail apps need
    assert "Hello everyone." in text.content.decode()


def csv_file(text):
    return SimpleUploadedFile("abonnes.csv", text.encode("utf-8"), content_type="text/csv")


def test_an_import_with_a_bad_row_reports_it_by_line_and_imports_nothing(staff_client, home_page):
    members = MailingList.objects.get(key="members")
    content = (
        "email,language,basis,consent_date,source\n"
        "ok@example.org,fr,express,2025-03-31,Formulaire papier du colloque 2025\n"
        "pas-une-adresse,fr,express,2025-03-31,Colloque\n"
        "autre@example.org,de,implied_membership,2030-01-01,\n"
    )

    response = staff_client.post(reverse("newsletter_import"), {"file": csv_file(content), "mailing_list": members.pk})

    assert response.status_code == 400
    errors = [li.strip() for li in response.content.decode().split("<li>")[1:5]]
    assert any("ligne 3 : l’adresse courriel n’est pas valide." in error for error in errors)
    text = response.content.decode()
    assert "ligne 4 : la langue doit être fr ou en." in text
    assert "ligne 4 : la date du consentement doit être une date passée comme 2025-03-31." in text
    assert "ligne 4 : indiquez où le consentement a été donné (source)." in text
    assert not Subscriber.objects.exists()


def test_an_import_records_each_consent_and_respects_those_who_left(staff_client, home_page):
    public = MailingList.objects.get(key="public")
    left = Subscriber.objects.create(email="parti@example.org")
    Subscription.objects.create(subscriber=left, mailing_list=public, status="unsubscribed", basis="express")
    content = (
        "email,language,basis,consent_date,source\n"
        "Ok@Example.org,en,express,2025-03-31,Colloque 2025\n"
        "parti@example.org,fr,express,2025-03-31,Colloque 2025\n"
    )

    response = staff_client.post(reverse("newsletter_import"), {"file": csv_file(content), "mailing_list": public.pk})

    assert response.status_code == 302
    imported = Subscription.objects.get(subscriber__email="ok@example.org")
    assert (imported.status, imported.subscriber.language) == ("active", "en")
    record = ConsentRecord.objects.get(subscriber=imported.subscriber)
    assert (record.source, record.basis, record.page_url, str(record.at.date())) == (
        "import",
        "express",
        "Colloque 2025",
        "2025-03-31",
    )
    assert Subscription.objects.get(subscriber=left).status == "unsubscribed"


def test_members_cannot_reach_the_newsletter_admin(client, home_page):
    from tests.factories.accounts import make_member
    from tests.factories.members import MASDirectoryPageFactory, MASPageFactory

    school = MASPageFactory(parent=MASDirectoryPageFactory(parent=home_page))
    member = make_member(school)
    subscribe_member(member)
    client.force_login(member)

    response = client.get(reverse("newsletter_index"))

    assert response.status_code == 302
    assert mail.outbox == []


def _sent(issue, send, email, sent_at):
    subscriber = Subscriber.objects.create(email=email, language="fr")
    Delivery.objects.create(send=send, issue=issue, subscriber=subscriber, status="sent", sent_at=sent_at)
    return subscriber


def _withdrew(subscriber, at):
    ConsentRecord.objects.create(subscriber=subscriber, action="withdrawn", source="email_link", at=at)


def test_the_issue_list_counts_who_left_after_the_issue_went_out(staff_client, issue, newsletter_index):
    from datetime import timedelta

    from django.utils import timezone

    from newsletter.models import NewsletterPage

    went_out = timezone.now() - timedelta(days=3)
    send = Send.objects.create(issue=issue, status="done")
    left_after = _sent(issue, send, "apres@example.org", went_out)
    left_before = _sent(issue, send, "avant@example.org", went_out + timedelta(hours=1))
    _sent(issue, send, "reste@example.org", went_out)
    _withdrew(left_after, went_out + timedelta(days=1))
    _withdrew(left_after, went_out + timedelta(days=2))  # twice, still one person
    _withdrew(left_before, went_out - timedelta(days=1))
    never_sent = Subscriber.objects.create(email="jamais@example.org", language="fr")
    _withdrew(never_sent, went_out + timedelta(days=1))
    draft = newsletter_index.add_child(instance=NewsletterPage(title="Brouillon", slug="brouillon", subject="B"))

    response = staff_client.get(reverse("newsletter_index"))

    rows = {row.pk: row for row in response.context["issues"]}
    assert (rows[issue.pk].delivered, rows[issue.pk].unsubscribed) == (3, 1)
    assert (rows[draft.pk].delivered, rows[draft.pk].unsubscribed) == (0, 0)
    assert [(send.sent, send.left) for send in response.context["sends"]] == [(3, 0)]


def test_the_issue_list_costs_the_same_queries_however_many_issues_and_sends(staff_client, issue, newsletter_index):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from newsletter.models import NewsletterPage

    def queries():
        with CaptureQueriesContext(connection) as captured:
            assert staff_client.get(reverse("newsletter_index")).status_code == 200
        return len(captured)

    Send.objects.create(issue=issue, status="done")
    queries()  # the first request fills the layout and locale caches (home/caching.py)
    before = queries()
    for number in range(4):
        more = newsletter_index.add_child(instance=NewsletterPage(title=f"N{number}", slug=f"n{number}", subject="S"))
        Send.objects.create(issue=more, status="done")
    queries()
    assert queries() == before
