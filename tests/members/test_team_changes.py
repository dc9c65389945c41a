"""Undoing a deactivation, changing a person's role or school (issue 7, defect 5): coordinators for
their own school, AMASQ staff (with two-factor) for any, every change in the audit log, and no
school left without a coordinator."""

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.urls import reverse
from wagtail.models import ModelLogEntry

from members.models import MemberRole, Membership
from members.public import membership_started
from members.services import audit
from members.services.accounts import (
    change_member_role,
    deactivate_member,
    move_member_to_school,
    reactivate_member,
)
from tests.factories.accounts import PASSWORD, make_member, make_staff

pytestmark = pytest.mark.django_db

HUGE = "99999999999999999999999"


def team_url(name, school, person):
    return reverse(f"members:{name}", kwargs={"school_id": school.pk, "user_id": person.pk})


def membership(person):
    return Membership.objects.select_related("user", "school").get(user=person)


@pytest.fixture
def levis(schools):
    """Lévis with its coordinator and a colleague."""
    school = schools["levis"]
    return {
        "school": school,
        "coordinator": make_member(school, role=MemberRole.COORDINATOR, email="coord@example.org"),
        "colleague": make_member(school, email="collegue@example.org", first_name="Léa", last_name="Roy"),
    }


# Reactivating --------------------------------------------------------------------------------


def test_coordinator_reactivates_their_schools_member_who_can_then_sign_in(client, levis):
    deactivate_member(levis["colleague"], by=levis["coordinator"])
    client.force_login(levis["coordinator"])

    response = client.post(team_url("reactivate_member", levis["school"], levis["colleague"]))

    assert response["Location"] == reverse("members:school", kwargs={"school_id": levis["school"].pk})
    assert membership(levis["colleague"]).user.is_active
    visitor = Client()
    visitor.post(reverse("account_login"), {"login": "collegue@example.org", "password": PASSWORD})
    assert visitor.session["_auth_user_id"] == str(levis["colleague"].pk)
    entry = ModelLogEntry.objects.get(action=audit.MEMBER_REACTIVATED)
    assert (entry.user, entry.object_id) == (levis["coordinator"], str(levis["colleague"].member_profile.pk))


def test_coordinator_of_another_school_gets_a_404_and_reactivates_nobody(client, schools, levis):
    deactivate_member(levis["colleague"], by=levis["coordinator"])
    client.force_login(make_member(schools["lasalle"], role=MemberRole.COORDINATOR))

    response = client.post(team_url("reactivate_member", levis["school"], levis["colleague"]))

    assert response.status_code == 404
    assert not membership(levis["colleague"]).user.is_active


def test_reactivating_through_another_schools_address_finds_nobody(client, schools, levis):
    """The person must belong to the school in the URL, even for AMASQ staff."""
    deactivate_member(levis["colleague"], by=levis["coordinator"])
    client.force_login(make_staff())

    response = client.post(team_url("reactivate_member", schools["lasalle"], levis["colleague"]))

    assert response.status_code == 404
    assert not membership(levis["colleague"]).user.is_active


def test_staff_without_two_factor_cannot_reactivate(client, levis):
    deactivate_member(levis["colleague"], by=levis["coordinator"])
    staff = make_staff(totp=False)
    client.force_login(staff)

    response = client.post(team_url("reactivate_member", levis["school"], levis["colleague"]))

    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        reactivate_member(levis["colleague"], by=staff)
    assert not membership(levis["colleague"]).user.is_active


def test_the_team_page_lists_deactivated_people_with_a_way_back(client, levis):
    deactivate_member(levis["colleague"], by=levis["coordinator"])
    client.force_login(levis["coordinator"])

    content = client.get(reverse("members:school", kwargs={"school_id": levis["school"].pk})).content.decode()

    assert "Léa Roy" in content
    assert "Désactivé" in content
    assert team_url("reactivate_member", levis["school"], levis["colleague"]) in content
    assert team_url("change_role", levis["school"], levis["colleague"]) not in content
    assert team_url("deactivate_member", levis["school"], levis["colleague"]) not in content


def test_the_team_page_offers_role_changes_to_coordinators_and_moves_to_staff_only(client, levis):
    urls = {name: team_url(name, levis["school"], levis["colleague"]) for name in ("change_role", "move_member")}
    team = reverse("members:school", kwargs={"school_id": levis["school"].pk})

    client.force_login(levis["coordinator"])
    for_coordinator = client.get(team).content.decode()
    client.force_login(make_staff())
    for_staff = client.get(team).content.decode()

    assert urls["change_role"] in for_coordinator and urls["move_member"] not in for_coordinator
    assert urls["change_role"] in for_staff and urls["move_member"] in for_staff
    # A coordinator is not offered to change their own role: it would take this page away.
    assert team_url("change_role", levis["school"], levis["coordinator"]) not in for_coordinator


# Changing roles ------------------------------------------------------------------------------


def test_coordinator_changes_a_colleagues_role_and_it_is_logged(client, levis):
    client.force_login(levis["coordinator"])

    response = client.post(team_url("change_role", levis["school"], levis["colleague"]), {"role": "allied"})

    assert response.status_code == 302
    assert membership(levis["colleague"]).role == MemberRole.ALLIED
    entry = ModelLogEntry.objects.get(action=audit.MEMBER_ROLE_CHANGED)
    assert (entry.user, entry.object_id) == (levis["coordinator"], str(levis["colleague"].member_profile.pk))
    assert entry.data == {"from": "staff", "to": "allied"}


def test_the_role_form_starts_from_the_current_role(client, levis):
    client.force_login(levis["coordinator"])

    response = client.get(team_url("change_role", levis["school"], levis["colleague"]))

    assert response.context["form"]["role"].value() == MemberRole.STAFF


def test_a_coordinator_names_a_co_coordinator_who_can_then_manage_the_team(client, levis):
    change_member_role(levis["colleague"], MemberRole.COORDINATOR, by=levis["coordinator"])
    client.force_login(levis["colleague"])

    assert client.get(reverse("members:school", kwargs={"school_id": levis["school"].pk})).status_code == 200


def test_the_last_coordinator_of_a_school_keeps_the_role(client, levis):
    client.force_login(make_staff())

    response = client.post(team_url("change_role", levis["school"], levis["coordinator"]), {"role": "staff"})

    assert response.status_code == 400
    assert "seule personne à la coordination" in response.content.decode()
    assert membership(levis["coordinator"]).role == MemberRole.COORDINATOR
    assert not ModelLogEntry.objects.filter(action=audit.MEMBER_ROLE_CHANGED).exists()


def test_a_deactivated_coordinator_does_not_count_as_the_one_who_stays(levis):
    other = make_member(levis["school"], role=MemberRole.COORDINATOR)
    deactivate_member(other, by=levis["coordinator"])

    with pytest.raises(ValidationError) as error:
        change_member_role(levis["coordinator"], MemberRole.STAFF, by=make_staff())

    assert error.value.code == "last_coordinator"


def test_one_of_two_coordinators_can_be_demoted_by_the_other(levis):
    other = make_member(levis["school"], role=MemberRole.COORDINATOR)

    change_member_role(other, MemberRole.STAFF, by=levis["coordinator"])

    assert membership(other).role == MemberRole.STAFF


def test_a_coordinator_cannot_demote_themselves_out_of_their_team(levis):
    make_member(levis["school"], role=MemberRole.COORDINATOR)

    with pytest.raises(ValidationError) as error:
        change_member_role(levis["coordinator"], MemberRole.STAFF, by=levis["coordinator"])

    assert error.value.code == "self"
    assert membership(levis["coordinator"]).role == MemberRole.COORDINATOR


def test_a_coordinator_demoted_since_their_page_loaded_can_change_nothing(levis):
    """The request's user was read before another change took their role away."""
    other = make_member(levis["school"], role=MemberRole.COORDINATOR)
    stale_coordinator = get_user_model().objects.select_related("membership").get(pk=levis["coordinator"].pk)
    change_member_role(levis["coordinator"], MemberRole.STAFF, by=other)

    with pytest.raises(PermissionDenied):
        change_member_role(levis["colleague"], MemberRole.ALLIED, by=stale_coordinator)
    with pytest.raises(PermissionDenied):
        deactivate_member(other, by=stale_coordinator)


@pytest.mark.parametrize(
    ("role", "code"),
    [("staff", "unchanged"), ("administrator", "role")],
)
def test_a_role_change_that_changes_nothing_or_is_unknown_is_refused(levis, role, code):
    with pytest.raises(ValidationError) as error:
        change_member_role(levis["colleague"], role, by=levis["coordinator"])

    assert error.value.code == code


def test_a_deactivated_person_is_reactivated_before_their_role_changes(levis):
    deactivate_member(levis["colleague"], by=levis["coordinator"])

    with pytest.raises(ValidationError) as error:
        change_member_role(levis["colleague"], MemberRole.ALLIED, by=levis["coordinator"])

    assert error.value.code == "inactive"


def test_staff_without_two_factor_cannot_change_roles(client, levis):
    staff = make_staff(totp=False)
    client.force_login(staff)

    response = client.post(team_url("change_role", levis["school"], levis["colleague"]), {"role": "allied"})

    assert response.status_code == 404
    with pytest.raises(PermissionDenied):
        change_member_role(levis["colleague"], MemberRole.ALLIED, by=staff)
    assert membership(levis["colleague"]).role == MemberRole.STAFF


@pytest.mark.parametrize("role", [HUGE, "-1", "", "coordinator\x00", "<b>staff</b>", "Staff"])
def test_a_hostile_role_answers_400_and_changes_nothing(client, levis, role):
    client.force_login(levis["coordinator"])

    response = client.post(team_url("change_role", levis["school"], levis["colleague"]), {"role": role})

    assert response.status_code == 400
    assert membership(levis["colleague"]).role == MemberRole.STAFF


@pytest.mark.parametrize("user_id", [HUGE, "0", "-1", "1e3", "%00"])
def test_a_hostile_person_id_finds_nobody(client, levis, user_id):
    client.force_login(levis["coordinator"])
    base = team_url("change_role", levis["school"], levis["colleague"])
    url = base.replace(f"/{levis['colleague'].pk}/", f"/{user_id}/")

    assert client.post(url, {"role": "allied"}).status_code == 404
    assert membership(levis["colleague"]).role == MemberRole.STAFF


# Moving to another school --------------------------------------------------------------------


def test_staff_move_a_person_to_another_school_with_their_role(client, schools, levis):
    staff = make_staff()
    client.force_login(staff)

    response = client.post(
        team_url("move_member", levis["school"], levis["colleague"]), {"school": schools["lasalle"].pk}
    )

    assert response["Location"] == reverse("members:school", kwargs={"school_id": levis["school"].pk})
    moved = membership(levis["colleague"])
    assert (moved.school, moved.role) == (schools["lasalle"], MemberRole.STAFF)
    entry = ModelLogEntry.objects.get(action=audit.MEMBER_MOVED)
    assert entry.user == staff
    assert entry.data == {"from_school": levis["school"].pk, "to_school": schools["lasalle"].pk}


def test_the_move_form_offers_every_other_member_school(client, schools, levis):
    client.force_login(make_staff())

    response = client.get(team_url("move_member", levis["school"], levis["colleague"]))

    offered = {choice.instance for choice, _label in response.context["form"].fields["school"].choices if choice}
    assert offered == {schools["lasalle"], schools["la_marge"]}


def test_a_coordinator_moves_nobody(client, schools, levis):
    client.force_login(levis["coordinator"])

    response = client.post(
        team_url("move_member", levis["school"], levis["colleague"]), {"school": schools["lasalle"].pk}
    )

    assert response.status_code == 403
    with pytest.raises(PermissionDenied):
        move_member_to_school(levis["colleague"], schools["lasalle"], by=levis["coordinator"])
    assert membership(levis["colleague"]).school == levis["school"]


def test_staff_without_two_factor_move_nobody(client, schools, levis):
    client.force_login(make_staff(totp=False))

    response = client.post(
        team_url("move_member", levis["school"], levis["colleague"]), {"school": schools["lasalle"].pk}
    )

    assert response.status_code == 404
    assert membership(levis["colleague"]).school == levis["school"]


def test_moving_a_schools_last_coordinator_is_refused(schools, levis):
    with pytest.raises(ValidationError) as error:
        move_member_to_school(levis["coordinator"], schools["lasalle"], by=make_staff())

    assert error.value.code == "last_coordinator"
    assert membership(levis["coordinator"]).school == levis["school"]


def test_moving_into_the_same_school_is_refused(levis):
    with pytest.raises(ValidationError) as error:
        move_member_to_school(levis["colleague"], levis["school"], by=make_staff())

    assert error.value.code == "unchanged"


def test_moving_to_a_page_that_is_not_a_member_school_is_refused(english_schools, levis):
    """The English translation of a school is not a school people belong to."""
    with pytest.raises(ValidationError) as error:
        move_member_to_school(levis["colleague"], english_schools["lasalle"], by=make_staff())

    assert error.value.code == "school"


@pytest.mark.parametrize("school", [HUGE, "-1", "0", "abc", "1\x00", "<script>"])
def test_a_hostile_school_answers_400_and_moves_nobody(client, levis, school):
    client.force_login(make_staff())

    response = client.post(team_url("move_member", levis["school"], levis["colleague"]), {"school": school})

    assert response.status_code == 400
    assert membership(levis["colleague"]).school == levis["school"]


def test_moving_someone_into_a_school_from_none_announces_a_new_member(schools, levis):
    Membership.objects.filter(user=levis["colleague"]).update(school=None)
    received = []

    def on_start(sender, user, **kwargs):
        received.append(user.email)

    membership_started.connect(on_start)
    try:
        move_member_to_school(levis["colleague"], schools["lasalle"], by=make_staff())
        move_member_to_school(levis["colleague"], schools["levis"], by=make_staff())
    finally:
        membership_started.disconnect(on_start)

    # Only the first move made them a member; the second only changed their school.
    assert received == ["collegue@example.org"]
