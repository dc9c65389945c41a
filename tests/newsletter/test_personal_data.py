"""A member's newsletter data is theirs under Law 25: in their export with its consent ledger,
erased with their account; the portal home shows their subscriptions."""

import pytest

from members.services.privacy import export_personal_data
from newsletter.models import ConsentRecord, Subscriber
from newsletter.services import subscribe_member
from tests.factories.accounts import make_member
from tests.factories.members import MASDirectoryPageFactory, MASPageFactory
from tests.utils import parse

pytestmark = pytest.mark.django_db


@pytest.fixture
def member(home_page):
    school = MASPageFactory(parent=MASDirectoryPageFactory(parent=home_page))
    person = make_member(school, email="annie@example.org")
    subscribe_member(person)
    return person


def test_the_export_holds_the_subscriptions_and_the_ledger(member):
    exported = export_personal_data(member)["newsletter"]

    assert exported["email"] == "annie@example.org"
    assert [(s["list"], s["status"], s["basis"]) for s in exported["subscriptions"]] == [
        ("members", "active", "implied_membership")
    ]
    assert [(r["action"], r["source"]) for r in exported["consent_records"]] == [("granted", "membership")]


def test_the_erasure_removes_the_address_and_its_ledger(member):
    from members.services.privacy import delete_account

    delete_account(member)

    assert not Subscriber.objects.exists()
    assert not ConsentRecord.objects.exists()


def test_the_portal_home_shows_the_members_newsletters(client, member):
    client.force_login(member)

    page = parse(client.get("/fr/portail/"))

    section = page.select_one(".portal-section--newsletter-subscriptions")
    assert "Nouvelles des membres : Abonné" in section.get_text(" ", strip=True)
