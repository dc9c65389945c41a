"""Every portal and account URL, for each kind of visitor: the expected answer, and no leak.

The URL lists come from the URL resolver (the "members" namespace and allauth's URLs), so a new
URL without a row in the tables below fails the test instead of going unchecked.
"""

import json
from urllib.parse import urlsplit

import pytest
from django.urls import URLResolver, get_resolver, reverse

from events.models import Audience
from events.services import register_guest
from members.mentoring.services import request_mentor, save_offer, save_request
from members.models import Expertise, Invitation, MemberRole, Membership
from members.models.accounts import hash_token
from members.services.accounts import create_invitation, deactivate_member
from newsletter.models import NewsletterIndexPage, NewsletterPage, Send
from newsletter.services import request_subscription
from resources.models import DocumentVersion
from tests.factories.accounts import add_totp, make_member, make_staff
from tests.factories.events import EventIndexPageFactory, EventPageFactory
from tests.factories.resources import (
    DocumentFactory,
    ResourceFileFactory,
    ResourceIndexPageFactory,
    ResourcePageFactory,
)

pytestmark = pytest.mark.django_db

ROLES = ["anonymous", "member_a", "coordinator_b", "amasq_staff"]

# Expected answers. LOGIN: a redirect to the sign-in page that comes back here (next=).
LOGIN = "login"
OK, FORBIDDEN, NOT_FOUND, NOT_ALLOWED, GONE, CONFLICT = 200, 403, 404, 405, 410, 409
TO_PORTAL = ("redirect", "members:home")
REAUTHENTICATE = ("redirect", "account_reauthenticate")
TO_PASSWORD_CHANGE = ("redirect", "account_change_password")
ANYWHERE = ("redirect", None)

# name: (url kwargs builder, {role: expected}); the builders read the `world` fixture.
PORTAL_URLS = {
    "home": (None, [LOGIN, OK, OK, OK]),
    "accept_invitation": (lambda w: {"token": w["token_b"]}, [OK, CONFLICT, CONFLICT, CONFLICT]),
    "request_access": (None, [OK, TO_PORTAL, TO_PORTAL, TO_PORTAL]),
    "request_access_sent": (None, [OK, OK, OK, OK]),
    "profile": (None, [LOGIN, OK, OK, OK]),
    "people": (None, [LOGIN, OK, OK, OK]),
    # An unlisted member of school A: only AMASQ staff find them, not even their colleagues.
    "person": (lambda w: {"pk": w["private_a"].member_profile.pk}, [LOGIN, NOT_FOUND, NOT_FOUND, OK]),
    # A listed member of school B who keeps their photo to themselves.
    "person_photo": (lambda w: {"pk": w["listed_b"].member_profile.pk}, [LOGIN, NOT_FOUND, NOT_FOUND, OK]),
    "school": (lambda w: {"school_id": w["school_b"].pk}, [LOGIN, NOT_FOUND, OK, OK]),
    "invite": (lambda w: {"school_id": w["school_b"].pk}, [LOGIN, NOT_FOUND, OK, OK]),
    "revoke_invitation": (
        lambda w: {"school_id": w["school_b"].pk, "pk": w["invitation_b"].pk},
        [LOGIN, NOT_FOUND, NOT_ALLOWED, NOT_ALLOWED],
    ),
    "deactivate_member": (
        lambda w: {"school_id": w["school_b"].pk, "user_id": w["listed_b"].pk},
        [LOGIN, NOT_FOUND, OK, OK],
    ),
    "reactivate_member": (
        lambda w: {"school_id": w["school_b"].pk, "user_id": w["deactivated_b"].pk},
        [LOGIN, NOT_FOUND, OK, OK],
    ),
    "change_role": (
        lambda w: {"school_id": w["school_b"].pk, "user_id": w["role_b"].pk},
        [LOGIN, NOT_FOUND, OK, OK],
    ),
    # Moves touch two schools: AMASQ staff only, even for the school's coordinator.
    "move_member": (
        lambda w: {"school_id": w["school_b"].pk, "user_id": w["move_b"].pk},
        [LOGIN, NOT_FOUND, FORBIDDEN, OK],
    ),
    "school_entry": (lambda w: {"school_id": w["school_b"].pk}, [LOGIN, NOT_FOUND, OK, OK]),
    "privacy": (None, [LOGIN, OK, OK, OK]),
    "export": (None, [LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED]),
    "delete_account": (None, [LOGIN, OK, OK, OK]),
}

# Registration for events (events/urls.py). Registering is a POST; links from emails work for
# whoever holds them.
EVENT_URLS = {
    # GET shows the registration form (the event's questions); registering is a POST.
    "register": (lambda w: {"event_id": w["members_event"].pk}, [LOGIN, OK, OK, OK]),
    # The calendar file carries the event's details: members-only ones are for members.
    "ics": (lambda w: {"event_id": w["members_event"].pk}, [NOT_FOUND, OK, OK, OK]),
    # Public events only (test_calendar checks a members-only event is never in it).
    "feed": (None, [OK, OK, OK, OK]),
    "guest_register": (lambda w: {"event_id": w["public_event"].pk}, [OK, OK, OK, OK]),
    "confirm": (lambda w: {"token": w["guest_token"]}, [OK, OK, OK, OK]),
    "cancel": (lambda w: {"token": w["guest_token"]}, [OK, OK, OK, OK]),
}

# Mentoring (members/mentoring/urls.py). Member A has asked member B (school B) to be their mentor:
# the request is theirs alone, not even AMASQ staff's. Taking part is for members of a school
# (staff without one: 403); the pool and reports for AMASQ staff; actions are POSTs.
TAKING_PART = [LOGIN, OK, OK, FORBIDDEN]
MENTORING_POST = [LOGIN, NOT_ALLOWED, NOT_ALLOWED, FORBIDDEN]
PAIR_POST = [LOGIN, NOT_ALLOWED, NOT_ALLOWED, NOT_ALLOWED]
PAIR_ONLY = [LOGIN, OK, NOT_FOUND, NOT_FOUND]
MENTORING_STAFF_ONLY = [LOGIN, FORBIDDEN, FORBIDDEN, OK]
MENTORING_URLS = {
    "home": (None, [LOGIN, OK, OK, OK]),
    "offer": (None, TAKING_PART),
    "pause": (None, MENTORING_POST),
    "request": (None, TAKING_PART),
    "stop_looking": (None, MENTORING_POST),
    "suggestions": (None, TAKING_PART),
    # Only a mentor the rules suggest to the person can be looked at: A has a request waiting, and
    # B's coordinator is in the mentor's school.
    "ask": (lambda w: {"mentor_id": w["member_b"].pk}, [LOGIN, NOT_FOUND, NOT_FOUND, FORBIDDEN]),
    "dismiss": (lambda w: {"mentor_id": w["member_b"].pk}, MENTORING_POST),
    "relationship": (lambda w: {"pk": w["mentorship"].pk}, PAIR_ONLY),
    "accept": (lambda w: {"pk": w["mentorship"].pk}, PAIR_POST),
    "decline": (lambda w: {"pk": w["mentorship"].pk}, PAIR_POST),
    "withdraw": (lambda w: {"pk": w["mentorship"].pk}, PAIR_POST),
    "goals": (lambda w: {"pk": w["mentorship"].pk}, PAIR_POST),
    "check_in": (lambda w: {"pk": w["mentorship"].pk}, PAIR_POST),
    "close": (lambda w: {"pk": w["mentorship"].pk}, PAIR_ONLY),
    "feedback": (lambda w: {"pk": w["mentorship"].pk}, PAIR_POST),
    "pool": (None, MENTORING_STAFF_ONLY),
    "proposal": (None, MENTORING_STAFF_ONLY),
    "reports": (None, MENTORING_STAFF_ONLY),
    "reports_csv": (None, MENTORING_STAFF_ONLY),
}

# Resource files (resources/urls.py): a members-only resource's file is for members and staff,
# who are sent on to Wagtail's document view (which checks again).
RESOURCE_URLS = {
    "file": (lambda w: {"document_id": w["members_document"].pk}, [LOGIN, ANYWHERE, ANYWHERE, ANYWHERE]),
}
# Proposing a resource from the portal: members (and staff, who get the form).
RESOURCE_PORTAL_URLS = {
    "propose": (None, [LOGIN, OK, OK, OK]),
}

# The staff's registration pages in the Wagtail admin (events/wagtail_hooks.py): for those who may
# edit the event, with two-factor. The admin sends everyone else to the sign-in page.
TO_ADMIN_LOGIN = ("redirect", "account_login")
STAFF_ONLY = [TO_ADMIN_LOGIN, TO_ADMIN_LOGIN, TO_ADMIN_LOGIN, OK]
EVENT_ADMIN_URLS = {
    "events_registrations": (None, STAFF_ONLY),
    "events_attendees": (lambda w: {"event_id": w["members_event"].pk}, STAFF_ONLY),
    "events_message": (lambda w: {"event_id": w["members_event"].pk}, STAFF_ONLY),
    "events_check_in": (lambda w: {"event_id": w["members_event"].pk}, STAFF_ONLY),
    "newsletter_index": (None, STAFF_ONLY),
    "newsletter_import": (None, STAFF_ONLY),
    "newsletter_send": (lambda w: {"issue_id": w["issue"].pk}, STAFF_ONLY),
    "newsletter_preview": (lambda w: {"issue_id": w["issue"].pk, "language": "en"}, STAFF_ONLY),
    "newsletter_progress": (lambda w: {"send_id": w["send"].pk}, STAFF_ONLY),
}

# The newsletter's public side: anyone may sign up; the links in its emails work without signing
# in, for whoever holds them (their key is the secret), and show nothing of anyone else.
NEWSLETTER_URLS = {
    "signup": (None, [OK, OK, OK, OK]),
    "check_inbox": (None, [OK, OK, OK, OK]),
    # GET shows the button only; a made-up token is refused on POST (tests/newsletter).
    "confirm": (lambda w: {"token": "not-a-token"}, [OK, OK, OK, OK]),
    "preferences": (lambda w: {"key": w["subscriber_key"]}, [OK, OK, OK, OK]),
    "unsubscribe": (lambda w: {"key": w["subscriber_key"]}, [OK, OK, OK, OK]),
}
# Earlier versions of replaced resource files (resources/wagtail_hooks.py): staff only.
RESOURCE_ADMIN_URLS = {
    "resources_document_versions": (None, STAFF_ONLY),
    "resources_document_version": (lambda w: {"version_id": w["earlier_version"].pk}, STAFF_ONLY),
}

# The site's own URLs outside the language prefixes (amasq_site/urls.py): the same for everyone;
# /health/ tells whether the database, cache and task queue answer, and nothing about anyone.
SITE_URLS = {
    "sitemap": (None, [OK, OK, OK, OK]),
    "robots_txt": (None, [OK, OK, OK, OK]),
    "health": (None, [OK, OK, OK, OK]),
}

SIGNED_IN_ONLY = [LOGIN, OK, OK, OK]
ACCOUNT_URLS = {
    "account_login": (None, [OK, TO_PORTAL, TO_PORTAL, TO_PORTAL]),
    # Signing out asks for confirmation; with no one signed in there is nothing to confirm.
    "account_logout": (None, [ANYWHERE, OK, OK, OK]),
    "account_inactive": (None, [OK, OK, OK, OK]),
    # Signup is closed: the page says so (and signed-in people are sent to the portal).
    "account_signup": (None, [OK, TO_PORTAL, TO_PORTAL, TO_PORTAL]),
    "account_reauthenticate": (None, SIGNED_IN_ONLY),
    "account_email": (None, SIGNED_IN_ONLY),
    "account_email_verification_sent": (None, [OK, OK, OK, OK]),
    "account_change_password": (None, SIGNED_IN_ONLY),
    "account_set_password": (None, [LOGIN, TO_PASSWORD_CHANGE, TO_PASSWORD_CHANGE, TO_PASSWORD_CHANGE]),
    "account_reset_password": (None, [OK, OK, OK, OK]),
    "account_confirm_login_code": (None, [("redirect", "account_login"), TO_PORTAL, TO_PORTAL, TO_PORTAL]),
    # A bad key gets allauth's "this link is invalid" page.
    "account_confirm_email": (lambda w: {"key": "not-a-key"}, [OK, OK, OK, OK]),
    "account_reset_password_from_key_done": (None, [OK, OK, OK, OK]),
    "account_reset_password_from_key": (lambda w: {"uidb36": "0", "key": "not-a-key"}, [OK, OK, OK, OK]),
    "account_reset_password_done": (None, [OK, OK, OK, OK]),
    "mfa_index": (None, SIGNED_IN_ONLY),
    "mfa_authenticate": (None, [("redirect", "account_login"), TO_PORTAL, TO_PORTAL, TO_PORTAL]),
    "mfa_reauthenticate": (None, [LOGIN, REAUTHENTICATE, REAUTHENTICATE, OK]),
    # Setting up or removing a second factor asks for the password again first.
    "mfa_activate_totp": (None, [LOGIN, REAUTHENTICATE, REAUTHENTICATE, REAUTHENTICATE]),
    "mfa_deactivate_totp": (None, [LOGIN, NOT_FOUND, NOT_FOUND, REAUTHENTICATE]),
    "mfa_view_recovery_codes": (None, [LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
    "mfa_generate_recovery_codes": (None, [LOGIN, REAUTHENTICATE, REAUTHENTICATE, REAUTHENTICATE]),
    "mfa_download_recovery_codes": (None, [LOGIN, NOT_FOUND, NOT_FOUND, NOT_FOUND]),
}

# Text that must appear in no page but those of the roles (or URLs) allowed to see it.
SECRETS = {
    # School B's pending invitation: B's coordinator, staff, and whoever holds its link.
    "invitee-b@example.org": ({"coordinator_b", "amasq_staff"}, {"members:accept_invitation"}),
    # A listed member of B keeps their bio to themselves.
    "Bio gardée secrète": ({"amasq_staff"}, set()),
    # An unlisted member of A.
    "prive.a@example.org": ({"amasq_staff"}, set()),
    # A guest's registration: only the link in their email shows it.
    "invite.public@example.org": (set(), set()),
    # A newsletter subscriber: only the links in their own emails show the address.
    "abonne.secret@example.org": (set(), {"newsletter:preferences", "newsletter:unsubscribe"}),
    # What member A wrote to the mentor they asked: the pair's only (member B never signs in here).
    "Message secret au mentor": ({"member_a"}, set()),
}


def _allauth_resolver(resolver):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            if getattr(pattern.urlconf_module, "__name__", "") == "allauth.urls":
                return pattern
            found = _allauth_resolver(pattern)
            if found:
                return found
    return None


def _names(resolver):
    for pattern in resolver.url_patterns:
        if isinstance(pattern, URLResolver):
            yield from _names(pattern)
        else:
            yield pattern.name


def portal_url_names():
    return sorted(_names(get_resolver().namespace_dict["members"][1]))


def account_url_names():
    return sorted(_names(_allauth_resolver(get_resolver())))


def event_url_names():
    return sorted(_names(get_resolver().namespace_dict["events"][1]))


def mentoring_url_names():
    return sorted(_names(get_resolver().namespace_dict["mentoring"][1]))


def resource_url_names():
    return sorted(_names(get_resolver().namespace_dict["resources"][1]))


def resource_portal_url_names():
    return sorted(_names(get_resolver().namespace_dict["resources_portal"][1]))


def resource_admin_url_names():
    return sorted(name for name in _names(get_resolver()) if name and name.startswith("resources_"))


def event_admin_url_names():
    return sorted(name for name in _names(get_resolver()) if name and name.startswith(("events_", "newsletter_")))


def newsletter_url_names():
    return sorted(_names(get_resolver().namespace_dict["newsletter"][1]))


def site_url_names():
    return sorted(pattern.name for pattern in get_resolver().url_patterns if not isinstance(pattern, URLResolver))


def test_every_portal_and_account_url_has_a_row():
    assert set(portal_url_names()) == set(PORTAL_URLS)
    assert set(event_admin_url_names()) == set(EVENT_ADMIN_URLS)
    assert set(newsletter_url_names()) == set(NEWSLETTER_URLS)
    assert set(event_url_names()) == set(EVENT_URLS)
    assert set(mentoring_url_names()) == set(MENTORING_URLS)
    assert set(resource_url_names()) == set(RESOURCE_URLS)
    assert set(resource_portal_url_names()) == set(RESOURCE_PORTAL_URLS)
    assert set(resource_admin_url_names()) == set(RESOURCE_ADMIN_URLS)
    assert set(account_url_names()) == set(ACCOUNT_URLS)
    assert set(site_url_names()) == set(SITE_URLS)


@pytest.fixture
def world(schools, django_capture_on_commit_callbacks):
    school_a, school_b = schools["levis"], schools["lasalle"]
    people = {
        "member_a": make_member(school_a, email="membre.a@example.org"),
        "coordinator_b": make_member(school_b, role=MemberRole.COORDINATOR, email="coord.b@example.org"),
        "amasq_staff": make_staff(email="equipe@example.org"),
        "private_a": make_member(school_a, email="prive.a@example.org", profile={"listed": False}),
        "listed_b": make_member(
            school_b,
            email="public.b@example.org",
            profile={
                "listed": True,
                "show_school": True,
                "bio": "Bio gardée secrète",
                "photo": "profile-photos/x.jpg",
            },
        ),
        # School B's people that the people-management URLs act on, and who else looks at them.
        "member_b": make_member(school_b, email="membre.b@example.org"),
        "coordinator_a": make_member(school_a, role=MemberRole.COORDINATOR, email="coord.a@example.org"),
        "staff_without_totp": make_staff(totp=False, email="equipe.sans.2fa@example.org"),
        "deactivated_b": make_member(school_b, email="parti.b@example.org"),
        "role_b": make_member(school_b, email="role.b@example.org"),
        "move_b": make_member(school_b, email="demenage.b@example.org"),
    }
    add_totp(people["amasq_staff"])
    deactivate_member(people["deactivated_b"], by=people["coordinator_b"])
    with django_capture_on_commit_callbacks(execute=True):
        invitation_b = create_invitation(
            email="invitee-b@example.org",
            school=school_b,
            role="staff",
            invited_by=people["coordinator_b"],
            language="fr",
        )
    token_b = "matrix-token"
    Invitation.objects.filter(pk=invitation_b.pk).update(token_hash=hash_token(token_b))
    events = EventIndexPageFactory(parent=school_a.get_parent().get_parent())
    members_event = EventPageFactory(
        parent=events, audience=Audience.MEMBERS, summary="Détails réservés aux membres", meeting_link=""
    )
    public_event = EventPageFactory(parent=events, audience=Audience.PUBLIC)
    guest = register_guest(public_event, name="Invité public", email="invite.public@example.org")
    newsletter = events.get_parent().add_child(instance=NewsletterIndexPage(title="Infolettre", slug="infolettre"))
    issue = newsletter.add_child(
        instance=NewsletterPage(title="Numéro", slug="numero", subject="Numéro", body=json.dumps([]))
    )
    subscriber = request_subscription("abonne.secret@example.org", language="fr", list_keys=["public"])
    topic = Expertise.objects.create(slug="matrix-topic", name_fr="Gestion", name_en="Management")
    save_request(
        people["member_a"], topics=[topic], goals="Apprendre", format="either", languages=["fr"], language="fr"
    )
    save_offer(
        people["member_b"],
        topics=[topic],
        capacity=1,
        format="either",
        languages=["fr"],
        years_in_role=3,
        availability="",
        paused=False,
        language="fr",
    )
    mentorship = request_mentor(people["member_a"], people["member_b"], message="Message secret au mentor")
    resources = ResourceIndexPageFactory(parent=school_a.get_parent().get_parent())
    members_resource = ResourcePageFactory(parent=resources, audience="members")
    members_document = DocumentFactory()
    ResourceFileFactory(page=members_resource, document=members_document)
    # Its file is written by the test, in the private folder it sets up.
    earlier_version = DocumentVersion.objects.create(document=members_document, file="document-versions/earlier.txt")
    return {
        "issue": issue,
        "send": Send.objects.create(issue=issue),
        "subscriber_key": subscriber.key,
        "school_a": school_a,
        "school_b": school_b,
        "invitation_b": invitation_b,
        "token_b": token_b,
        "members_event": members_event,
        "public_event": public_event,
        "guest_token": guest.token,
        "mentorship": mentorship,
        "members_document": members_document,
        "earlier_version": earlier_version,
        **people,
    }


def check(response, expected, url):
    if expected == LOGIN:
        assert response.status_code == 302, url
        location = urlsplit(response["Location"])
        assert location.path == reverse("account_login"), url
        assert "next=" in location.query, url
    elif isinstance(expected, tuple):
        assert response.status_code == 302, url
        if expected[1]:
            assert urlsplit(response["Location"]).path == reverse(expected[1]), url
    else:
        assert response.status_code == expected, url


def sign_in(client, world, role):
    client.logout()
    if role != "anonymous":
        client.force_login(world[role])


@pytest.mark.parametrize("role", ROLES)
def test_every_url_answers_as_expected_with_no_leak(client, world, role, settings, tmp_path):
    settings.PRIVATE_MEDIA_ROOT = tmp_path
    (tmp_path / "profile-photos").mkdir()
    (tmp_path / "profile-photos" / "x.jpg").write_bytes(b"\xff\xd8\xff")
    (tmp_path / "document-versions").mkdir()
    (tmp_path / "document-versions" / "earlier.txt").write_bytes(b"earlier")
    sign_in(client, world, role)
    rows = (
        [("members:" + name, row) for name, row in PORTAL_URLS.items()]
        + [("events:" + name, row) for name, row in EVENT_URLS.items()]
        + [("mentoring:" + name, row) for name, row in MENTORING_URLS.items()]
        + [("resources:" + name, row) for name, row in RESOURCE_URLS.items()]
        + [("resources_portal:" + name, row) for name, row in RESOURCE_PORTAL_URLS.items()]
        + list(RESOURCE_ADMIN_URLS.items())
        + list(EVENT_ADMIN_URLS.items())
        + [("newsletter:" + name, row) for name, row in NEWSLETTER_URLS.items()]
        + list(ACCOUNT_URLS.items())
        + list(SITE_URLS.items())
    )

    for name, (kwargs, expectations) in rows:
        url = reverse(name, kwargs=kwargs(world) if kwargs else None)
        response = client.get(url)
        check(response, expectations[ROLES.index(role)], url)
        if response.status_code == 200 and response.get("Content-Type", "").startswith("text/html"):
            content = response.content.decode()
            for secret, (roles, url_names) in SECRETS.items():
                if role not in roles and name not in url_names:
                    assert secret not in content, f"{secret!r} leaked to {role} on {url}"
        sign_in(client, world, role)


def test_a_member_cannot_act_on_another_schools_people_or_invitations(client, world):
    client.force_login(world["member_a"])
    school_b = world["school_b"].pk

    deactivate = client.post(
        reverse("members:deactivate_member", kwargs={"school_id": school_b, "user_id": world["listed_b"].pk})
    )
    revoke = client.post(
        reverse("members:revoke_invitation", kwargs={"school_id": school_b, "pk": world["invitation_b"].pk})
    )
    invite = client.post(
        reverse("members:invite", kwargs={"school_id": school_b}),
        {"email": "x@example.org", "role": "staff", "language": "fr"},
    )

    assert (deactivate.status_code, revoke.status_code, invite.status_code) == (404, 404, 404)
    world["listed_b"].refresh_from_db()
    assert world["listed_b"].is_active
    assert Invitation.objects.get(pk=world["invitation_b"].pk).revoked_at is None
    assert not Invitation.objects.filter(email="x@example.org").exists()


def test_a_coordinator_cannot_manage_another_school(client, world):
    client.force_login(world["coordinator_b"])
    school_a = world["school_a"].pk

    response = client.post(
        reverse("members:deactivate_member", kwargs={"school_id": school_a, "user_id": world["member_a"].pk})
    )

    assert response.status_code == 404
    world["member_a"].refresh_from_db()
    assert world["member_a"].is_active


def test_a_member_gets_a_403_on_their_own_schools_management_pages(client, world):
    client.force_login(world["member_a"])

    assert client.get(reverse("members:school", kwargs={"school_id": world["school_a"].pk})).status_code == 403


def test_hidden_profile_fields_are_not_shown_to_other_members(client, world):
    client.force_login(world["member_a"])

    response = client.get(reverse("members:person", kwargs={"pk": world["listed_b"].member_profile.pk}))

    assert response.status_code == 200
    content = response.content.decode()
    assert "École du milieu LaSalle" in content
    assert "Bio gardée secrète" not in content
    assert "public.b@example.org" not in content
    assert reverse("members:person_photo", kwargs={"pk": world["listed_b"].member_profile.pk}) not in content


@pytest.mark.parametrize(("role", "sees_details"), [("anonymous", False), ("member_a", True), ("amasq_staff", True)])
def test_members_only_event_details_are_for_members(client, world, role, sees_details):
    sign_in(client, world, role)

    response = client.get(world["members_event"].url)

    assert response.status_code == 200
    content = response.content.decode()
    assert world["members_event"].title in content
    assert ("Détails réservés aux membres" in content) is sees_details
    assert (reverse("events:register", kwargs={"event_id": world["members_event"].pk}) in content) is sees_details


def test_guests_cannot_register_for_a_members_only_event(client, world):
    url = reverse("events:guest_register", kwargs={"event_id": world["members_event"].pk})

    assert client.get(url).status_code == 404
    assert client.post(url, {"name": "X", "email": "x@example.org"}).status_code == 404


# The people-management URLs of school B, GET and POST, for every kind of visitor around the
# school: one of its members, the coordinator of another school, its own coordinator, AMASQ
# staff with and without two-factor. TO_TEAM: done, back to the team page.
TEAM_ROLES = ["anonymous", "member_b", "coordinator_a", "coordinator_b", "amasq_staff", "staff_without_totp"]
TO_TEAM = "to_team"
MANAGERS_ONLY = [LOGIN, FORBIDDEN, NOT_FOUND, OK, OK, NOT_FOUND]
MANAGERS_DO_IT = [LOGIN, FORBIDDEN, NOT_FOUND, TO_TEAM, TO_TEAM, NOT_FOUND]

# name: (the person acted on, POST data, [GET answers], [POST answers], whether the change is made)
TEAM_URLS = {
    "deactivate_member": ("listed_b", {}, MANAGERS_ONLY, MANAGERS_DO_IT, lambda m: not m.user.is_active),
    "reactivate_member": ("deactivated_b", {}, MANAGERS_ONLY, MANAGERS_DO_IT, lambda m: m.user.is_active),
    "change_role": (
        "role_b",
        {"role": MemberRole.ALLIED},
        MANAGERS_ONLY,
        MANAGERS_DO_IT,
        lambda m: m.role == MemberRole.ALLIED,
    ),
    "move_member": (
        "move_b",
        {"school": "school_a"},
        [LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, OK, NOT_FOUND],
        [LOGIN, FORBIDDEN, NOT_FOUND, FORBIDDEN, TO_TEAM, NOT_FOUND],
        lambda m: m.school.title == "École du milieu de Lévis",
    ),
}


def test_every_team_url_has_a_row():
    assert set(TEAM_URLS) == {name for name in portal_url_names() if name.endswith(("_member", "_role"))}


@pytest.mark.parametrize("role", TEAM_ROLES)
@pytest.mark.parametrize("name", TEAM_URLS)
def test_people_management_answers_each_visitor_exactly(client, world, role, name):
    person, data, get_answers, post_answers, changed = TEAM_URLS[name]
    data = {key: world[value].pk if value in world else value for key, value in data.items()}
    url = reverse(f"members:{name}", kwargs={"school_id": world["school_b"].pk, "user_id": world[person].pk})
    team = reverse("members:school", kwargs={"school_id": world["school_b"].pk})
    sign_in(client, world, role)

    check(client.get(url), get_answers[TEAM_ROLES.index(role)], url)
    response = client.post(url, data)

    expected = post_answers[TEAM_ROLES.index(role)]
    if expected == TO_TEAM:
        assert (response.status_code, response["Location"]) == (302, team)
    else:
        check(response, expected, url)
    membership = Membership.objects.select_related("user", "school").get(user=world[person])
    assert changed(membership) is (expected == TO_TEAM)
