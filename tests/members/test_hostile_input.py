"""Issue 7, finding 13: ids no database can hold, and bytes no search can read, answer a clear
400 (or 404 for a URL), never a 500; nothing is saved."""

import pytest
from django.urls import reverse
from django.utils import translation

from members.models import AccessRequest, Expertise, MemberProfile, MemberRole
from tests.factories.accounts import make_member
from tests.members.test_accounts_requests import request_data
from tests.members.test_portal import entry_data, profile_data

pytestmark = pytest.mark.django_db

HOSTILE_IDS = ["99999999999999999999999", "9223372036854775808", "-1", "0", "1e3", " 1 2", "١"]


def message(language, text):
    with translation.override(language):
        return translation.gettext(text)


@pytest.mark.parametrize("school_id", HOSTILE_IDS)
def test_people_search_school_filter_refuses_ids_it_cannot_hold(client, schools, school_id):
    client.force_login(make_member(schools["levis"]))

    response = client.get(reverse("members:people"), {"school": school_id})

    # The directory stays usable, unfiltered, and says what was wrong.
    assert response.status_code == 200
    assert message("fr", "Choose a school from the list.") in response.content.decode()


@pytest.mark.parametrize("school_id", HOSTILE_IDS)
def test_access_request_refuses_a_school_id_it_cannot_hold(client, schools, school_id):
    response = client.post(reverse("members:request_access"), request_data(schools["levis"]) | {"school": school_id})

    assert response.status_code == 400
    assert not AccessRequest.objects.exists()


@pytest.mark.parametrize("expertise_id", HOSTILE_IDS)
def test_profile_refuses_an_expertise_id_it_cannot_hold(client, schools, expertise_id):
    member = make_member(schools["levis"], first_name="Julie", last_name="Roy")
    client.force_login(member)

    response = client.post(reverse("members:profile"), profile_data(first_name="Autre", expertise=[expertise_id]))

    assert response.status_code == 400
    member.refresh_from_db()
    assert member.first_name == "Julie"
    assert not MemberProfile.objects.get(user=member).expertise.exists()


def test_profile_refuses_a_huge_id_next_to_a_real_one(client, schools):
    member = make_member(schools["levis"], first_name="Julie", last_name="Roy")
    client.force_login(member)
    real = Expertise.objects.create(name_fr="Numératie", name_en="Numeracy", slug="numeratie")

    response = client.post(
        reverse("members:profile"), profile_data(expertise=[str(real.pk), "99999999999999999999999"])
    )

    assert response.status_code == 400
    assert not MemberProfile.objects.get(user=member).expertise.exists()


@pytest.mark.parametrize("service_id", HOSTILE_IDS)
def test_directory_entry_refuses_a_service_id_it_cannot_hold(client, schools, service_id):
    school = schools["levis"]
    client.force_login(make_member(school, role=MemberRole.COORDINATOR))

    response = client.post(
        reverse("members:school_entry", kwargs={"school_id": school.pk}),
        entry_data(school, phone="418 555-0199", services=[service_id]),
    )

    assert response.status_code == 400
    school.refresh_from_db()
    assert school.phone != "418 555-0199"
    assert not school.get_latest_revision() or "418 555-0199" not in str(school.get_latest_revision().content)


@pytest.mark.parametrize("huge", ["99999999999999999999999", "9223372036854775808", "0"])
@pytest.mark.parametrize(
    ("name", "kwargs"),
    [
        ("person", {"pk": 1}),
        ("person_photo", {"pk": 1}),
        ("school", {"school_id": 1}),
        ("invite", {"school_id": 1}),
        ("school_entry", {"school_id": 1}),
        ("deactivate_member", {"school_id": 1, "user_id": 1}),
    ],
)
def test_ids_no_column_can_hold_are_not_found_in_urls(client, schools, name, kwargs, huge):
    client.force_login(make_member(schools["levis"], role=MemberRole.COORDINATOR))
    path = reverse(f"members:{name}", kwargs=kwargs).replace("/1/", f"/{huge}/")

    response = client.get(path)

    assert response.status_code == 404
