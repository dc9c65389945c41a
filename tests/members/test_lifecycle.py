"""The apps above members learn when someone becomes or stops being a member, and put what they
keep about a person into the Law 25 export and deletion, without members importing them."""

import pytest
from django.contrib.auth import get_user_model
from wagtail import hooks

from members.models import Invitation, MemberRole
from members.models.accounts import hash_token
from members.public import PersonalData, membership_ended, membership_started
from members.services.accounts import accept_invitation as accept
from members.services.accounts import create_invitation, deactivate_member, reactivate_member
from members.services.lifecycle import HOOK_NAME
from members.services.privacy import delete_account, export_personal_data
from tests.factories.accounts import make_member

pytestmark = pytest.mark.django_db


@pytest.fixture
def received():
    events = []

    def on_start(sender, user, **kwargs):
        events.append(("started", user.email))

    def on_end(sender, user, reason, **kwargs):
        # Receivers of a deletion can still read the account.
        assert get_user_model().objects.filter(pk=user.pk).exists()
        events.append((reason, user.email))

    membership_started.connect(on_start)
    membership_ended.connect(on_end)
    yield events
    membership_started.disconnect(on_start)
    membership_ended.disconnect(on_end)


def test_deactivation_reactivation_and_deletion_are_announced(schools, received):
    coordinator = make_member(schools["levis"], role=MemberRole.COORDINATOR)
    person = make_member(schools["levis"], email="annie@example.org")

    deactivate_member(person, by=coordinator)
    reactivate_member(person, by=coordinator)
    delete_account(person)

    assert received == [
        ("deactivated", "annie@example.org"),
        ("started", "annie@example.org"),
        ("deleted", "annie@example.org"),
    ]


def test_accepting_an_invitation_announces_a_new_member(schools, received):
    coordinator = make_member(schools["levis"], role=MemberRole.COORDINATOR)
    invitation = create_invitation(
        email="nouveau@example.org",
        school=schools["levis"],
        role=MemberRole.STAFF,
        language="fr",
        invited_by=coordinator,
    )

    Invitation.objects.filter(pk=invitation.pk).update(token_hash=hash_token("jeton-connu"))

    accept("jeton-connu", first_name="Noé", last_name="Roy", password="un-mot-de-passe-solide-42")

    assert received == [("started", "nouveau@example.org")]


def test_an_apps_personal_data_is_exported_and_erased_with_the_account(schools):
    person = make_member(schools["levis"], email="annie@example.org")
    erased = []
    source = PersonalData(
        key="mentoring",
        export=lambda user: {"offers": [f"offer of {user.email}"]},
        erase=lambda user: erased.append(user.email),
    )

    with hooks.register_temporarily(HOOK_NAME, lambda: source):
        exported = export_personal_data(person)
        delete_account(person)

    assert exported["mentoring"] == {"offers": ["offer of annie@example.org"]}
    assert erased == ["annie@example.org"]
