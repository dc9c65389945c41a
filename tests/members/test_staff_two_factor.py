"""AMASQ staff powers in the portal need two-factor authentication, as the admin does (issue 7, #3)."""

import pytest
from django.urls import reverse

from members.models import SHAREABLE_FIELDS, MemberRole, Membership
from tests.factories.accounts import add_totp, make_member, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def hidden_person(schools):
    """A member listed in the directory who keeps their job title and school from other members."""
    return make_member(
        schools["lasalle"],
        first_name="Zoé",
        profile={"listed": True, "job_title": "Conseillère secrète", "show_job_title": False, "show_school": False},
    )


def test_staff_without_two_factor_see_only_what_members_see(client, schools, hidden_person):
    """A staff account that also belongs to a school gets the ordinary member view."""
    staff = make_staff(totp=False)
    Membership.objects.create(user=staff, school=schools["levis"], role=MemberRole.STAFF)
    client.force_login(staff)

    people = client.get(reverse("members:people"))
    person = client.get(reverse("members:person", kwargs={"pk": hidden_person.member_profile.pk}))
    home = client.get(reverse("members:home"))

    assert people.status_code == 200 and "Zoé" in people.content.decode()
    assert "Conseillère secrète" not in people.content.decode()
    assert person.status_code == 200 and "Conseillère secrète" not in person.content.decode()
    assert reverse("mfa_activate_totp") in home.content.decode()
    assert reverse("members:school", kwargs={"school_id": schools["lasalle"].pk}) not in home.content.decode()


def test_staff_without_two_factor_nor_school_are_sent_to_set_it_up(client, schools, hidden_person):
    client.force_login(make_staff(totp=False))

    response = client.get(reverse("members:people"))

    assert response["Location"] == reverse("mfa_activate_totp")


def test_staff_with_two_factor_see_hidden_fields(client, schools, hidden_person):
    client.force_login(make_staff())

    response = client.get(reverse("members:person", kwargs={"pk": hidden_person.member_profile.pk}))

    assert "Conseillère secrète" in response.content.decode()


@pytest.mark.parametrize(
    "url_name",
    ["members:school", "members:invite", "members:school_entry"],
)
def test_staff_without_two_factor_cannot_manage_any_school(client, schools, url_name):
    client.force_login(make_staff(totp=False))

    response = client.get(reverse(url_name, kwargs={"school_id": schools["lasalle"].pk}))

    assert response.status_code == 404


def test_staff_without_two_factor_cannot_invite_nor_deactivate(client, schools):
    target = make_member(schools["lasalle"])
    staff = make_staff(totp=False)
    client.force_login(staff)

    invite = client.post(
        reverse("members:invite", kwargs={"school_id": schools["lasalle"].pk}),
        {"email": "quelquun@example.org", "role": MemberRole.STAFF, "language": "fr"},
    )
    deactivate = client.post(
        reverse("members:deactivate_member", kwargs={"school_id": schools["lasalle"].pk, "user_id": target.pk})
    )

    assert (invite.status_code, deactivate.status_code) == (404, 404)
    target.refresh_from_db()
    assert target.is_active
    add_totp(staff)
    client.force_login(staff)
    assert client.get(reverse("members:school", kwargs={"school_id": schools["lasalle"].pk})).status_code == 200
    assert Membership.objects.filter(user=target).exists()


def test_staff_seeing_hidden_fields_in_the_people_list_is_logged(client, schools, hidden_person):
    from wagtail.models import ModelLogEntry

    from members.services import audit

    make_member(schools["levis"], profile={"listed": True, **{f"show_{name}": True for name in SHAREABLE_FIELDS}})
    staff = make_staff()
    client.force_login(staff)

    client.get(reverse("members:people"))

    entry = ModelLogEntry.objects.get(action=audit.HIDDEN_FIELDS_LISTED)
    assert (entry.user, entry.object_id) == (staff, str(hidden_person.member_profile.pk))
    assert "job_title" in entry.data["fields"]


def test_staff_opening_a_private_photo_is_logged(client, schools, hidden_person, settings, tmp_path):
    from django.core.files.base import ContentFile
    from wagtail.models import ModelLogEntry

    from members.services import audit

    settings.PRIVATE_MEDIA_ROOT = tmp_path
    profile = hidden_person.member_profile
    profile.photo.save("p.jpg", ContentFile(b"jpeg"), save=True)
    staff = make_staff()
    client.force_login(staff)

    response = client.get(reverse("members:person_photo", kwargs={"pk": profile.pk}))

    assert response.status_code == 200
    assert ModelLogEntry.objects.filter(action=audit.PRIVATE_PHOTO_VIEWED, user=staff).count() == 1
