import pytest
from django.urls import reverse
from django.utils import translation

from members.models import AccessRequest, Invitation, MemberRole
from tests.factories.accounts import AccessRequestFactory, add_totp, make_member, make_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff(home_page):
    user = make_staff(email="equipe@example.org")
    add_totp(user)
    return user


def request_data(school, **changes):
    data = {
        "first_name": "Sophie",
        "last_name": "Lavoie",
        "email": "sophie.lavoie@example.org",
        "school": school.pk,
        "role": MemberRole.STAFF,
        "job_title": "Enseignante",
        "message": "Je travaille à l’école depuis 2019.",
        "website_url": "",
    }
    return data | changes


def decide(client, access_request, decision, reason=""):
    return client.post(
        reverse("access_requests:edit", args=[access_request.pk]), {"decision": decision, "refusal_reason": reason}
    )


def test_access_request_is_saved_and_staff_are_told(
    client, schools, staff, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(reverse("members:request_access"), request_data(schools["levis"]))

    assert response["Location"] == reverse("members:request_access_sent")
    access_request = AccessRequest.objects.get()
    assert (access_request.email, access_request.school, access_request.language) == (
        "sophie.lavoie@example.org",
        schools["levis"],
        "fr",
    )
    assert mailoutbox[0].to == ["equipe@example.org"]
    assert mailoutbox[0].reply_to == ["sophie.lavoie@example.org"]
    assert reverse("access_requests:edit", args=[access_request.pk]) in mailoutbox[0].body


def test_access_request_with_the_honeypot_filled_saves_nothing(client, schools):
    response = client.post(reverse("members:request_access"), request_data(schools["levis"], website_url="spam"))

    assert response.status_code == 400
    assert not AccessRequest.objects.exists()


def test_access_request_for_an_unknown_school_is_rejected_with_a_message(client, schools):
    with translation.override("en"):
        response = client.post(
            reverse("members:request_access"), request_data(schools["levis"]) | {"school": "999999"}
        )

    assert response.status_code == 400
    assert "Choose a school from the list." in response.content.decode()
    assert not AccessRequest.objects.exists()


def test_access_requests_are_rate_limited_per_address(client, schools, settings):
    settings.PUBLIC_FORM_RATE = "2/h"
    for number in range(2):
        client.post(reverse("members:request_access"), request_data(schools["levis"], email=f"p{number}@example.org"))

    response = client.post(reverse("members:request_access"), request_data(schools["levis"], email="p3@example.org"))

    assert response.status_code == 429
    assert AccessRequest.objects.count() == 2


def test_second_request_from_the_same_address_is_not_duplicated(client, schools):
    client.post(reverse("members:request_access"), request_data(schools["levis"]))
    client.post(reverse("members:request_access"), request_data(schools["levis"], email="SOPHIE.lavoie@example.org"))

    assert AccessRequest.objects.count() == 1


def test_staff_approve_a_request_and_the_person_gets_a_link(
    client, schools, staff, django_capture_on_commit_callbacks, mailoutbox
):
    access_request = AccessRequestFactory(school=schools["lasalle"], language="en", email="ok@example.org")
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, access_request, "approve")

    assert response.status_code == 302
    access_request.refresh_from_db()
    assert (access_request.status, access_request.decided_by) == (AccessRequest.Status.APPROVED, staff)
    invitation = Invitation.objects.get()
    assert (invitation.email, invitation.school, invitation.access_request) == (
        "ok@example.org",
        schools["lasalle"],
        access_request,
    )
    assert mailoutbox[0].to == ["ok@example.org"]
    assert mailoutbox[0].subject == "Your access to the AMASQ member portal is approved"
    assert "/en/portal/invitation/" in mailoutbox[0].body


def test_staff_refuse_a_request_and_the_person_is_told_why(
    client, schools, staff, django_capture_on_commit_callbacks, mailoutbox
):
    access_request = AccessRequestFactory(school=schools["lasalle"], email="non@example.org")
    client.force_login(staff)

    with django_capture_on_commit_callbacks(execute=True):
        decide(client, access_request, "refuse", reason="Cette adresse n’est pas celle de l’école.")

    access_request.refresh_from_db()
    assert access_request.status == AccessRequest.Status.REFUSED
    assert not Invitation.objects.exists()
    assert mailoutbox[0].to == ["non@example.org"]
    assert "Cette adresse n’est pas celle de l’école." in mailoutbox[0].body


def test_a_decided_request_cannot_be_decided_again(
    client, schools, staff, django_capture_on_commit_callbacks, mailoutbox
):
    access_request = AccessRequestFactory(school=schools["lasalle"])
    client.force_login(staff)
    with django_capture_on_commit_callbacks(execute=True):
        decide(client, access_request, "refuse")

    with django_capture_on_commit_callbacks(execute=True):
        response = decide(client, access_request, "approve")

    assert response.status_code == 200
    assert AccessRequest.objects.get().status == AccessRequest.Status.REFUSED
    assert not Invitation.objects.exists()
    assert len(mailoutbox) == 1


def test_members_cannot_decide_access_requests(client, schools):
    access_request = AccessRequestFactory(school=schools["lasalle"])
    coordinator = make_member(schools["lasalle"], role=MemberRole.COORDINATOR)
    client.force_login(coordinator)

    response = decide(client, access_request, "approve")

    # Wagtail turns away a signed-in person without admin access by sending them to sign in again.
    edit_url = reverse("access_requests:edit", args=[access_request.pk])
    assert response.status_code == 302
    assert response["Location"] == f"{reverse('account_login')}?next={edit_url}"
    assert AccessRequest.objects.get().status == AccessRequest.Status.PENDING


def test_signed_in_members_are_sent_to_the_portal_from_the_request_form(client, schools):
    client.force_login(make_member(schools["levis"]))

    response = client.get(reverse("members:request_access"))

    assert response["Location"] == reverse("members:home")


def test_access_request_address_is_stored_lowercased(client, schools):
    client.post(reverse("members:request_access"), request_data(schools["levis"], email="Sophie.Lavoie@Example.ORG"))

    assert AccessRequest.objects.get().email == "sophie.lavoie@example.org"


def test_bidirectional_overrides_in_a_name_never_reach_the_email_subject(
    client, schools, staff, django_capture_on_commit_callbacks, mailoutbox
):
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            reverse("members:request_access"),
            request_data(schools["levis"], first_name="Ana\u202e", last_name="\u2066gpj.exe\u2069\x1b"),
        )

    subject = mailoutbox[0].subject
    assert "Ana" in subject and "gpj.exe" in subject
    assert not any(char in subject for char in "\u202e\u2066\u2069\x1b")
