import datetime

import pytest
from allauth.account.models import EmailAddress
from django.core.exceptions import PermissionDenied, ValidationError
from django.urls import reverse
from django.utils import timezone

from members.models import Invitation, MemberProfile, MemberRole, Membership
from members.models.accounts import hash_token
from members.services.accounts import create_invitation
from tests.factories.accounts import UserFactory, make_member, make_staff

pytestmark = pytest.mark.django_db

NEW_PASSWORD = "Tr3s-bonne-phrase-secrete"


@pytest.fixture
def staff(home_page):
    return make_staff(first_name="Annie", last_name="Tremblay")


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Create an invitation and run what waits for the commit (the email task)."""

    def create(school, by, email="nouvelle@example.org", role=MemberRole.COORDINATOR, language="fr"):
        with django_capture_on_commit_callbacks(execute=True):
            return create_invitation(email=email, school=school, role=role, invited_by=by, language=language)

    return create


def link_path(message):
    """The invitation link of an email, as a path the test client can open."""
    line = next(line for line in message.body.splitlines() if "/invitation/" in line)
    return line[line.index("/", len("http://")) :].strip()


def accept(client, path, **fields):
    data = {"first_name": "Marie", "last_name": "Gagnon", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD}
    return client.post(path, data | fields)


def test_invitation_email_holds_a_single_use_link_in_the_invitees_language(schools, staff, send, mailoutbox):
    invitation = send(schools["levis"], staff, language="en")

    message = mailoutbox[0]
    assert message.to == ["nouvelle@example.org"]
    assert message.subject == "You are invited to the AMASQ member portal"
    assert 'lang="en"' in message.alternatives[0].content
    path = link_path(message)
    assert path.startswith("/en/portal/invitation/")
    token = path.rstrip("/").rsplit("/", 1)[-1]
    assert invitation.token_hash == hash_token(token)
    assert invitation.expires_at - invitation.created_at == datetime.timedelta(days=14)


def test_invitation_is_delivered_through_smtp(schools, staff, send, smtp_server):
    send(schools["levis"], staff)

    assert smtp_server.recipients == [["nouvelle@example.org"]]
    message = smtp_server.messages[0]
    assert message.get_content_type() == "multipart/alternative"
    assert "/fr/" in message.get_body(preferencelist=("plain",)).get_content()


def test_accepting_an_invitation_creates_a_verified_member_and_signs_them_in(client, schools, staff, send, mailoutbox):
    send(schools["levis"], staff, role=MemberRole.COORDINATOR)
    path = link_path(mailoutbox[0])

    assert client.get(path).status_code == 200
    response = accept(client, path)

    assert response.status_code == 302
    assert response["Location"] == reverse("members:profile")
    user = Membership.objects.get(school=schools["levis"]).user
    assert (user.email, user.first_name, user.get_full_name()) == ("nouvelle@example.org", "Marie", "Marie Gagnon")
    assert user.membership.role == MemberRole.COORDINATOR
    assert EmailAddress.objects.get(user=user).verified
    assert MemberProfile.objects.filter(user=user).exists()
    assert Invitation.objects.get().accepted_by == user
    assert client.get(reverse("members:home")).status_code == 200


def test_used_invitation_link_says_so_and_creates_nothing(client, schools, staff, send, mailoutbox):
    send(schools["levis"], staff)
    path = link_path(mailoutbox[0])
    accept(client, path)
    client.logout()

    response = accept(client, path, first_name="Intrus")

    assert response.status_code == 410
    assert "a déjà servi à créer un compte" in response.content.decode()
    assert Membership.objects.count() == 1


def test_expired_invitation_link_says_so(client, schools, staff, send, mailoutbox):
    invitation = send(schools["levis"], staff)
    Invitation.objects.filter(pk=invitation.pk).update(expires_at=timezone.now() - datetime.timedelta(minutes=1))

    response = client.get(link_path(mailoutbox[0]))

    assert response.status_code == 410
    assert "Cette invitation est expirée" in response.content.decode()


def test_unknown_invitation_token_gives_a_clear_404(client, home_page):
    response = client.get(reverse("members:accept_invitation", kwargs={"token": "x" * 43}))

    assert response.status_code == 404
    assert "lien complet du courriel" in response.content.decode()


def test_new_invitation_to_the_same_address_cancels_the_older_link(client, schools, staff, send, mailoutbox):
    send(schools["levis"], staff)
    send(schools["levis"], staff, role=MemberRole.STAFF)

    assert client.get(link_path(mailoutbox[0])).status_code == 410
    assert client.get(link_path(mailoutbox[1])).status_code == 200


def test_invitation_with_a_weak_password_rerenders_with_errors(client, schools, staff, send, mailoutbox):
    send(schools["levis"], staff)

    response = accept(client, link_path(mailoutbox[0]), password1="123", password2="123")

    assert response.status_code == 400
    assert "aria-invalid" in response.content.decode()
    assert not Membership.objects.exists()


def test_invitation_to_an_address_that_has_an_account_is_refused(schools, staff):
    UserFactory(email="deja@example.org")

    with pytest.raises(ValidationError):
        create_invitation(
            email="DEJA@example.org", school=schools["levis"], role="staff", invited_by=staff, language="fr"
        )


def test_coordinator_cannot_invite_to_another_school(schools):
    coordinator = make_member(schools["levis"], role=MemberRole.COORDINATOR)

    with pytest.raises(PermissionDenied):
        create_invitation(
            email="x@example.org", school=schools["lasalle"], role="staff", invited_by=coordinator, language="fr"
        )


def test_coordinator_invites_a_colleague_from_the_portal(
    client, schools, django_capture_on_commit_callbacks, mailoutbox
):
    coordinator = make_member(schools["levis"], role=MemberRole.COORDINATOR, first_name="Luc")
    client.force_login(coordinator)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("members:invite", kwargs={"school_id": schools["levis"].pk}),
            {"email": "collegue@example.org", "role": "staff", "language": "fr"},
        )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.school, invitation.invited_by, invitation.role) == (schools["levis"], coordinator, "staff")
    assert coordinator.get_full_name() in mailoutbox[0].body


def test_coordinator_cancels_a_pending_invitation(client, schools, send, mailoutbox):
    coordinator = make_member(schools["levis"], role=MemberRole.COORDINATOR)
    invitation = send(schools["levis"], coordinator, role="staff")
    client.force_login(coordinator)

    client.post(reverse("members:revoke_invitation", kwargs={"school_id": schools["levis"].pk, "pk": invitation.pk}))

    assert Invitation.objects.get().status == Invitation.Status.REVOKED
    client.logout()
    assert client.get(link_path(mailoutbox[0])).status_code == 410


def test_staff_invite_from_the_wagtail_admin(client, schools, staff, django_capture_on_commit_callbacks, mailoutbox):
    from tests.factories.accounts import add_totp

    add_totp(staff)
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("invitations:add"),
            {
                "email": "directrice@example.org",
                "school": schools["la_marge"].pk,
                "role": "coordinator",
                "language": "en",
            },
        )

    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.school, invitation.invited_by) == (
        "directrice@example.org",
        schools["la_marge"],
        staff,
    )
    assert mailoutbox[0].to == ["directrice@example.org"]


def test_an_unverified_address_blocks_no_invitation_and_tells_nothing(schools, staff, send):
    """Any member can add any address to their account unverified: that must not stop the
    address's owner from being invited, nor tell the coordinator the address is known."""
    member = make_member(schools["levis"])
    EmailAddress.objects.create(user=member, email="cible@example.org", verified=False, primary=False)

    invitation = send(schools["levis"], staff, email="cible@example.org")

    assert invitation.is_pending


def test_a_verified_address_in_another_case_has_an_account(schools, staff, send):
    make_member(schools["levis"], email="deja@example.org")

    with pytest.raises(ValidationError) as error:
        send(schools["levis"], staff, email="  DEJA@Example.org ")

    assert error.value.code == "exists"


def test_addresses_are_stored_lowercased_and_compared_without_case(schools, staff, send):
    first = send(schools["levis"], staff, email="Nouvelle@Example.ORG")
    second = send(schools["levis"], staff, email="nouvelle@example.org")

    first.refresh_from_db()
    assert first.email == second.email == "nouvelle@example.org"
    assert not first.is_pending and second.is_pending


def test_inviting_an_address_another_school_invited_leaves_its_invitation(schools, staff, send):
    other_school = schools["lasalle"]
    theirs = send(other_school, staff, email="convoitee@example.org")

    ours = send(schools["levis"], staff, email="Convoitee@example.org")

    theirs.refresh_from_db()
    assert theirs.is_pending and ours.is_pending


def test_migration_lowercases_stored_addresses(schools, staff, send):
    from importlib import import_module

    from django.apps import apps

    invitation = send(schools["levis"], staff, email="typed@example.org")
    Invitation.objects.filter(pk=invitation.pk).update(email="Typed@EXAMPLE.org")

    import_module("members.migrations.0007_lowercase_invitation_emails").lowercase_addresses(apps, None)

    invitation.refresh_from_db()
    assert invitation.email == "typed@example.org"
