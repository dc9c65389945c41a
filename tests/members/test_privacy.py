import io
import json

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command
from django.urls import reverse
from PIL import Image
from wagtail.models import ModelLogEntry

from members.forms.accounts import process_photo
from members.models import (
    SHAREABLE_FIELDS,
    AccessRequest,
    Expertise,
    Invitation,
    MemberProfile,
    MemberRole,
    Membership,
)
from members.services import audit
from members.services.accounts import create_invitation
from members.services.profiles import profile_for, update_profile
from tests.factories.accounts import PASSWORD, AccessRequestFactory, make_member, make_staff

pytestmark = pytest.mark.django_db

FIRST, LAST = "Gwenaëlle", "Ouellet-Brassard"


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path / "private"


def photo_file():
    output = io.BytesIO()
    Image.new("RGB", (40, 40), "teal").save(output, "PNG")
    return SimpleUploadedFile("moi.png", output.getvalue(), content_type="image/png")


@pytest.fixture
def person(schools):
    """A coordinator with every personal field filled, who invited someone and once asked for access."""
    user = make_member(
        schools["levis"], role=MemberRole.COORDINATOR, first_name=FIRST, last_name=LAST, email="gwen@example.org"
    )
    profile = profile_for(user)
    expertise = Expertise.objects.get(slug="adapted-teaching")

    update_profile(
        profile,
        {
            "first_name": FIRST,
            "last_name": LAST,
            "job_title": "Coordonnatrice pédagogique",
            "region": "12",
            "languages": ["fr", "en"],
            "bio": "Vingt ans en éducation des adultes.",
            "listed": True,
            **{f"show_{name}": True for name in SHAREABLE_FIELDS},
            "expertise": [expertise],
            "photo": process_photo(photo_file()),
        },
        actor=user,
    )
    create_invitation(
        email="invitee@example.org", school=schools["levis"], role="staff", invited_by=user, language="fr"
    )
    AccessRequestFactory(
        email="gwen@example.org", first_name=FIRST, last_name=LAST, school=schools["levis"], message="Bonjour"
    )
    return user


def export(client):
    response = client.post(reverse("members:export"))
    assert response["Content-Disposition"].startswith('attachment; filename="amasq-my-data-')
    return json.loads(response.content)


def test_export_contains_every_personal_field(client, person):
    staff = make_staff()
    client.force_login(staff)
    client.get(reverse("members:person", kwargs={"pk": person.member_profile.pk}))
    client.force_login(person)

    data = export(client)

    assert data["account"] | {"last_login": None, "date_joined": None} == {
        "email": "gwen@example.org",
        "first_name": FIRST,
        "last_name": LAST,
        "username": person.username,
        "is_active": True,
        "date_joined": None,
        "last_login": None,
    }
    profile = data["profile"]
    assert profile["job_title"] == "Coordonnatrice pédagogique"
    assert (profile["region"], profile["languages"], profile["bio"]) == (
        "12",
        ["fr", "en"],
        "Vingt ans en éducation des adultes.",
    )
    assert profile["areas_of_expertise"] == ["adapted-teaching"]
    assert profile["photo"]["content_type"] == "image/jpeg" and profile["photo"]["base64"]
    assert profile["shown_to_members"] == dict.fromkeys(SHAREABLE_FIELDS, True)
    assert (
        data["membership"]["role"] == "coordinator"
        and data["membership"]["school"]["name"] == "École du milieu de Lévis"
    )
    assert data["email_addresses"] == [{"email": "gwen@example.org", "verified": True, "primary": True}]
    assert data["consents"][0]["granted"] and data["consents"][0]["wording_version"]
    assert data["invitations_sent"][0]["email"] == "invitee@example.org"
    assert data["access_requests"][0]["message"] == "Bonjour"
    actions = [entry["action"] for entry in data["audit_log"]]
    assert audit.PROFILE_VIEWED in actions and audit.PROFILE_EDITED in actions
    viewed = next(entry for entry in data["audit_log"] if entry["action"] == audit.PROFILE_VIEWED)
    assert viewed["by"] == staff.get_full_name()


def test_export_is_logged_and_needs_a_post(client, person):
    client.force_login(person)

    assert client.get(reverse("members:export")).status_code == 405
    export(client)

    assert ModelLogEntry.objects.filter(action=audit.DATA_EXPORTED, user=person).exists()


def test_delete_account_with_a_wrong_password_deletes_nothing(client, person):
    client.force_login(person)

    response = client.post(reverse("members:delete_account"), {"password": "pas-le-bon", "confirm": "on"})

    assert response.status_code == 400
    assert get_user_model().objects.filter(pk=person.pk).exists()


def test_password_guesses_at_deletion_are_limited_per_account_and_then_refused_even_when_right(client, person):
    client.force_login(person)
    for _attempt in range(5):
        client.post(reverse("members:delete_account"), {"password": "pas-le-bon", "confirm": "on"})

    response = client.post(reverse("members:delete_account"), {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 429
    assert "Trop de tentatives" in response.content.decode()
    assert get_user_model().objects.filter(pk=person.pk).exists()


def test_deleted_account_cannot_sign_in_and_its_name_appears_nowhere(
    client, person, settings, django_capture_on_commit_callbacks
):
    photo_path = settings.PRIVATE_MEDIA_ROOT / MemberProfile.objects.get(user=person).photo.name
    assert photo_path.is_file()
    client.force_login(person)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:delete_account"), {"password": PASSWORD, "confirm": "on"})

    assert response.status_code == 302
    assert not get_user_model().objects.filter(pk=person.pk).exists()
    assert client.get(reverse("members:home")).status_code == 302
    client.post(reverse("account_login"), {"login": "gwen@example.org", "password": PASSWORD})
    assert "_auth_user_id" not in client.session
    assert not photo_path.exists()
    invitation = Invitation.objects.get(email="invitee@example.org")
    assert invitation.invited_by is None
    assert AccessRequest.objects.get().email == ""
    assert ModelLogEntry.objects.filter(action=audit.ACCOUNT_DELETED).exists()
    dump = io.StringIO()
    call_command("dumpdata", stdout=dump)
    for trace in (FIRST, LAST, "gwen@example.org", "Vingt ans"):
        assert trace not in dump.getvalue()
        assert json.dumps(trace)[1:-1] not in dump.getvalue()


def test_an_unverified_address_reveals_and_erases_nothing_of_its_owner(client, schools):
    """Anyone can add someone else's address to their account without proving it is theirs."""
    victim_request = AccessRequestFactory(email="victim@example.org", message="Message privé")
    victim_invitation = create_invitation(
        email="Victim@example.org", school=schools["levis"], role="staff", invited_by=None, language="fr"
    )
    intruder = make_member(schools["levis"])
    EmailAddress.objects.create(user=intruder, email="victim@example.org", verified=False, primary=False)
    client.force_login(intruder)

    data = export(client)

    assert data["access_requests"] == [] and data["invitations_received"] == []
    assert "Message privé" not in json.dumps(data)
    client.post(reverse("members:delete_account"), {"password": PASSWORD, "confirm": "on"})
    assert not get_user_model().objects.filter(pk=intruder.pk).exists()
    victim_request.refresh_from_db()
    victim_invitation.refresh_from_db()
    assert (victim_request.email, victim_request.message) == ("victim@example.org", "Message privé")
    assert victim_invitation.email.lower() == "victim@example.org"


def test_records_linked_to_the_account_count_whatever_the_address(client, schools):
    """An invitation the person accepted, and the access request behind it, stay theirs after
    they change the address of their account."""
    access_request = AccessRequestFactory(email="old@example.org", school=schools["levis"], message="Ma demande")
    invitation = create_invitation(
        email="old@example.org",
        school=schools["levis"],
        role="staff",
        invited_by=None,
        language="fr",
        access_request=access_request,
    )
    user = make_member(schools["levis"], email="new@example.org")
    Invitation.objects.filter(pk=invitation.pk).update(accepted_by=user)
    client.force_login(user)

    data = export(client)

    assert [entry["message"] for entry in data["access_requests"]] == ["Ma demande"]
    assert [entry["email"] for entry in data["invitations_received"]] == ["old@example.org"]


def test_export_includes_what_the_person_did_and_their_admin_preferences(client, person, schools):
    from wagtail.users.models import UserProfile

    schools["levis"].save_revision(user=person, log_action=True)
    preferences = UserProfile.get_for_user(person)
    preferences.preferred_language = "en"
    preferences.save()
    client.force_login(person)

    data = export(client)

    assert [proposal["page"] for proposal in data["proposals"]] == ["École du milieu de Lévis"]
    assert data["proposals"][0]["content"]["title"] == "École du milieu de Lévis"
    actions = {entry["action"] for entry in data["actions_recorded"]}
    assert {"wagtail.edit", audit.INVITATION_SENT, audit.PROFILE_EDITED} <= actions
    assert data["admin_preferences"]["preferred_language"] == "en"


# Where each personal field of the models lands in the export. Derived from the models' own field
# lists: a field added to a model without a place here (and in the export) fails the test below.
EXPORTED_FIELDS = {
    "profile": (
        MemberProfile,
        {
            "job_title": "job_title",
            "region": "region",
            "languages": "languages",
            "bio": "bio",
            "photo": "photo",
            "listed": "listed_in_members_directory",
            "updated_at": "updated_at",
            "expertise": "areas_of_expertise",
            **{f"show_{name}": "shown_to_members" for name in SHAREABLE_FIELDS},
        },
    ),
    "membership": (
        Membership,
        {
            "school": "school",
            "role": "role",
            "created_at": "member_since",
            "deactivated_at": "deactivated_at",
            # Who deactivated the person is a staff member's identity, not theirs.
            "deactivated_by": None,
        },
    ),
    "account": (
        get_user_model(),
        {
            "email": "email",
            "first_name": "first_name",
            "last_name": "last_name",
            "username": "username",
            "is_active": "is_active",
            "date_joined": "date_joined",
            "last_login": "last_login",
            # Secrets and permissions, not personal data about the person.
            "password": None,
            "is_superuser": None,
            "is_staff": None,
            "groups": None,
            "user_permissions": None,
        },
    ),
}


def model_fields(model):
    return {
        field.name
        for field in model._meta.get_fields()
        if (field.concrete or field.many_to_many) and not field.auto_created and field.name not in ("id", "user")
    }


@pytest.mark.parametrize("section", EXPORTED_FIELDS)
def test_every_field_of_the_models_has_a_place_in_the_export(client, person, section):
    model, places = EXPORTED_FIELDS[section]
    client.force_login(person)

    exported = export(client)[section]

    assert model_fields(model) == set(places), "a personal field was added: export it and list it here"
    for field, key in places.items():
        if key is not None:
            assert key in exported, f"{model.__name__}.{field} is missing from the export ({key})"
