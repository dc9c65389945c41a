import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from django.test import Client
from django.urls import reverse
from django.utils import translation

from members.models import MemberRole
from members.services.accounts import deactivate_member
from tests.factories.accounts import PASSWORD, UserFactory, add_totp, make_member, make_staff

pytestmark = pytest.mark.django_db


def login(client, email, password=PASSWORD, **headers):
    return client.post(reverse("account_login"), {"login": email, "password": password}, **headers)


def test_staff_without_an_authenticator_app_are_sent_to_set_one_up(client, home_page):
    client.force_login(make_staff(totp=False))

    response = client.get("/admin/pages/", headers={"accept-language": "en"})

    with translation.override("en"):
        assert response["Location"] == reverse("mfa_activate_totp")
    follow = client.get(response["Location"], follow=True)
    assert "requires two-factor authentication" in follow.content.decode()


def test_any_account_that_can_reach_the_admin_needs_an_authenticator_app(client, home_page):
    editor = UserFactory()
    editor.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(editor)

    assert client.get("/admin/")["Location"] == reverse("mfa_activate_totp")


def test_staff_with_an_authenticator_app_open_the_admin(client, home_page):
    staff = make_staff()
    add_totp(staff)
    client.force_login(staff)

    assert client.get("/admin/").status_code == 200


def test_members_are_not_asked_for_an_authenticator_app(client, schools):
    client.force_login(make_member(schools["levis"]))

    assert client.get(reverse("members:home")).status_code == 200
    assert client.get("/admin/")["Location"] != reverse("mfa_activate_totp")


def test_admin_sign_in_goes_through_allauth(client, home_page):
    assert client.get("/admin/pages/")["Location"].startswith(reverse("account_login") + "?next=/admin/pages/")
    assert client.get("/admin/login/?next=/admin/pages/")["Location"].startswith(reverse("account_login"))


def test_sign_in_with_two_factor_asks_for_the_code(client, home_page):
    staff = make_staff(email="equipe@example.org")
    add_totp(staff)

    response = login(client, "equipe@example.org")

    assert response["Location"] == reverse("mfa_authenticate")
    assert client.get("/admin/").status_code == 302


def test_password_reset_says_the_same_for_known_and_unknown_addresses(client, schools, mailoutbox):
    make_member(schools["levis"], email="connue@example.org")

    known = client.post(reverse("account_reset_password"), {"email": "connue@example.org"})
    unknown = client.post(reverse("account_reset_password"), {"email": "inconnue@example.org"})

    assert known.status_code == unknown.status_code == 302
    assert known["Location"] == unknown["Location"]


def test_repeated_failed_sign_ins_are_rate_limited(client, schools):
    make_member(schools["levis"], email="cible@example.org")
    for _ in range(5):
        login(client, "cible@example.org", "mauvais")

    response = login(client, "cible@example.org")

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_failed_sign_ins_are_limited_per_client_address_behind_the_proxy(client, schools, settings):
    """DJANGO_TRUSTED_PROXY_COUNT=1: the address nginx appends to X-Forwarded-For is the client's.
    The Wagtail admin signs in through the same form (see the redirect test above)."""
    settings.ALLAUTH_TRUSTED_PROXY_COUNT = 1
    make_member(schools["levis"], email="cible@example.org")
    attacker = {"HTTP_X_FORWARDED_FOR": "203.0.113.7", "REMOTE_ADDR": "10.0.0.2"}
    for attempt in range(5):
        login(client, f"essai{attempt}@example.org", "mauvais", **attacker)

    refused = login(client, "cible@example.org", **attacker)
    # Same proxy, another visitor: the right password still lets them in.
    neighbour = Client()
    accepted = login(neighbour, "cible@example.org", HTTP_X_FORWARDED_FOR="198.51.100.9", REMOTE_ADDR="10.0.0.2")

    assert refused.status_code == 200
    assert "_auth_user_id" not in client.session
    assert accepted.status_code == 302
    assert "_auth_user_id" in neighbour.session


def test_no_open_signup(client, home_page):
    with translation.override("en"):
        url = reverse("account_signup")
    response = client.post(url, {"email": "x@example.org", "password1": "Abc-12345678", "password2": "Abc-12345678"})

    assert "closed" in response.content.decode().lower()
    assert not get_user_model().objects.filter(email="x@example.org").exists()


def test_deactivated_member_is_signed_out_at_the_next_request(client, schools):
    coordinator = make_member(schools["levis"], role=MemberRole.COORDINATOR)
    member = make_member(schools["levis"])
    client.force_login(member)
    assert client.get(reverse("members:home")).status_code == 200

    deactivate_member(member, by=coordinator)

    assert client.get(reverse("members:home"))["Location"].startswith(reverse("account_login"))
    login(client, member.email)
    assert "_auth_user_id" not in client.session


def test_coordinator_deactivates_a_colleague_from_the_portal(client, schools):
    coordinator = make_member(schools["levis"], role=MemberRole.COORDINATOR)
    member = make_member(schools["levis"])
    client.force_login(coordinator)

    client.post(reverse("members:deactivate_member", kwargs={"school_id": schools["levis"].pk, "user_id": member.pk}))

    member.refresh_from_db()
    assert not member.is_active
    assert member.membership.deactivated_by == coordinator


def test_a_coordinator_cannot_deactivate_themselves(client, schools):
    coordinator = make_member(schools["levis"], role=MemberRole.COORDINATOR)
    client.force_login(coordinator)

    client.post(
        reverse("members:deactivate_member", kwargs={"school_id": schools["levis"].pk, "user_id": coordinator.pk})
    )

    coordinator.refresh_from_db()
    assert coordinator.is_active
