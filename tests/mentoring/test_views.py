"""Mentoring in the portal, as people use it: forms, suggestions, asking, answering, check-ins,
closing; bad input answers 400 with a message, never a 500."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

from members.mentoring import services
from members.mentoring.models import CheckIn, Feedback, MenteeRequest, MentorOffer, Mentorship, State
from tests.factories.accounts import make_member, make_staff
from tests.factories.mentoring import make_mentee, make_mentor
from tests.property.test_hostile_forms import INJECTED, KNOWN_HOSTILE

pytestmark = pytest.mark.django_db


def url(name, **kwargs):
    return reverse(f"mentoring:{name}", kwargs=kwargs or None)


@pytest.fixture
def mentee(levis, topics):
    return make_mentee(levis, topics[:2], email="lea@example.org", first_name="Léa", last_name="Roy")


@pytest.fixture
def mentor(lasalle, topics):
    return make_mentor(lasalle, topics, email="marc@example.org", first_name="Marc", last_name="Dion")


def test_anonymous_visitors_are_sent_to_sign_in_and_back(client):
    response = client.get(url("suggestions"))

    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))
    assert "next=" in response["Location"]


def test_a_member_offers_to_mentor_from_the_portal(client, levis, topics):
    member = make_member(levis)
    client.force_login(member)

    response = client.post(
        url("offer"),
        {
            "topics": [topics[0].pk, topics[1].pk],
            "capacity": "2",
            "format": "remote",
            "languages": ["fr", "en"],
            "years_in_role": "7",
            "availability": "Le mardi",
        },
    )

    assert response.status_code == 302
    offer = MentorOffer.objects.get(user=member)
    assert (offer.capacity, offer.format, offer.languages, offer.language) == (2, "remote", ["fr", "en"], "fr")


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"topics": ["abc"], "capacity": "1", "format": "remote", "languages": ["fr"], "years_in_role": "1"},
        {
            "topics": ["99999999999999999999"],
            "capacity": "1",
            "format": "x",
            "languages": ["fr"],
            "years_in_role": "1",
        },
        {"topics": ["1"], "capacity": "9", "format": "remote", "languages": ["klingon"], "years_in_role": "-3"},
        {"topics": ["1\x00"], "capacity": "1\x00", "format": "remote", "languages": ["fr"], "years_in_role": "1"},
    ],
)
def test_bad_offers_are_refused_with_a_message(client, levis, topics, data):
    client.force_login(make_member(levis))

    response = client.post(url("offer"), data)

    assert response.status_code == 400
    assert "error-summary" in response.content.decode()
    assert not MentorOffer.objects.exists()


def test_amasq_staff_without_a_school_see_mentoring_but_cannot_take_part(client):
    client.force_login(make_staff())

    assert client.get(url("home")).status_code == 200
    assert client.get(url("offer")).status_code == 403


def test_asking_for_a_mentor_leads_to_suggestions_with_reasons(client, levis, topics, mentor):
    member = make_member(levis)
    client.force_login(member)

    response = client.post(
        url("request"),
        {"topics": [topics[0].pk], "goals": "Préparer un budget", "format": "either", "languages": ["fr"]},
        follow=True,
    )

    assert response.redirect_chain[-1][0] == url("suggestions")
    content = response.content.decode()
    assert "Marc Dion" in content
    assert "1 sujet en commun" in content


def test_a_mentee_asks_a_suggested_mentor_who_gets_an_email(
    client, mentee, mentor, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(mentee)

    assert client.get(url("ask", mentor_id=mentor.pk)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("ask", mentor_id=mentor.pk), {"message": "Bonjour!"})

    mentorship = Mentorship.objects.get()
    assert response["Location"] == url("relationship", pk=mentorship.pk)
    assert (mentorship.mentor, mentorship.request_message) == (mentor, "Bonjour!")
    assert mailoutbox[-1].to == ["marc@example.org"]


def test_a_mentor_the_rules_do_not_suggest_cannot_be_asked(client, mentee, levis, topics):
    colleague = make_mentor(levis, topics)
    client.force_login(mentee)

    assert client.get(url("ask", mentor_id=colleague.pk)).status_code == 404
    assert client.post(url("ask", mentor_id=colleague.pk), {"message": ""}).status_code == 404
    assert client.get(url("ask", mentor_id=99999999)).status_code == 404
    assert not Mentorship.objects.exists()


@pytest.fixture
def requested(mentee, mentor):
    return services.request_mentor(mentee, mentor, message="Message secret de Léa")


def test_the_pair_sees_the_relationship_and_nobody_else(client, requested, mentee, mentor, la_marge):
    page = url("relationship", pk=requested.pk)
    for person, status in [(mentee, 200), (mentor, 200), (make_member(la_marge), 404), (make_staff(), 404)]:
        client.force_login(person)
        response = client.get(page)
        assert response.status_code == status
        assert ("Message secret de Léa" in response.content.decode()) is (status == 200)


def test_the_mentor_accepts_from_the_email_link_after_signing_in(
    client, requested, mentor, mailoutbox, django_capture_on_commit_callbacks
):
    page = url("relationship", pk=requested.pk)

    login = client.get(page)
    assert login["Location"].startswith(reverse("account_login"))
    client.force_login(mentor)
    assert "Accepter" in client.get(page).content.decode()
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(url("accept", pk=requested.pk), {"accept-message": "Avec plaisir"})

    assert response["Location"] == page
    requested.refresh_from_db()
    assert requested.state == State.ACTIVE
    assert mailoutbox[-1].to == ["lea@example.org"]


def test_the_mentee_cannot_accept_their_own_request(client, requested, mentee):
    client.force_login(mentee)

    response = client.post(url("accept", pk=requested.pk), {"accept-message": ""})

    assert response.status_code == 403
    requested.refresh_from_db()
    assert requested.state == State.REQUESTED


def test_a_decline_leads_to_fresh_suggestions(client, requested, mentee, mentor, la_marge, topics):
    other = make_mentor(la_marge, topics[:1], first_name="Nora", last_name="Gagnon")
    client.force_login(mentor)
    client.post(url("decline", pk=requested.pk), {"decline-message": "Pas ce mois-ci"})

    client.force_login(mentee)
    content = client.get(url("suggestions")).content.decode()

    assert other.get_full_name() in content
    assert "Marc Dion" not in content


def test_answering_an_expired_request_says_so(client, requested, mentor):
    Mentorship.objects.filter(pk=requested.pk).update(expires_at=timezone.now() - datetime.timedelta(days=1))
    client.force_login(mentor)

    response = client.post(url("accept", pk=requested.pk), {"accept-message": ""})

    assert response.status_code == 400
    assert "Cette demande a expiré." in response.content.decode()


@pytest.fixture
def active(requested, mentor):
    return services.accept(requested, by=mentor)


def test_check_ins_are_noted_and_a_future_date_is_refused(client, active, mentee):
    client.force_login(mentee)
    today = timezone.localdate()

    ok = client.post(url("check_in", pk=active.pk), {"date": today.isoformat(), "note": "Premier appel"})
    future = client.post(
        url("check_in", pk=active.pk), {"date": (today + datetime.timedelta(days=3)).isoformat(), "note": "x"}
    )
    garbage = client.post(url("check_in", pk=active.pk), {"date": "31/31/31\x00", "note": ""})

    assert ok.status_code == 302
    assert future.status_code == 400
    assert "choisissez aujourd’hui ou une date passée" in future.content.decode()
    assert garbage.status_code == 400
    assert list(CheckIn.objects.values_list("note", flat=True)) == ["Premier appel"]


def test_the_partners_email_is_shown_once_active(client, active, mentee):
    client.force_login(mentee)

    assert "marc@example.org" in client.get(url("relationship", pk=active.pk)).content.decode()


def test_closing_with_half_a_feedback_form_is_refused(client, active, mentor):
    client.force_login(mentor)

    response = client.post(url("close", pk=active.pk), {"usefulness": "4"})

    assert response.status_code == 400
    active.refresh_from_db()
    assert active.state == State.ACTIVE


def test_closing_then_the_other_gives_feedback(
    client, active, mentor, mentee, mailoutbox, django_capture_on_commit_callbacks
):
    client.force_login(mentor)
    assert client.get(url("close", pk=active.pk)).status_code == 200
    with django_capture_on_commit_callbacks(execute=True):
        client.post(url("close", pk=active.pk), {"usefulness": "4", "goals_met": "partly"})
    assert mailoutbox[-1].to == ["lea@example.org"]

    client.force_login(mentee)
    response = client.post(url("feedback", pk=active.pk), {"usefulness": "5", "goals_met": "met"})

    assert response.status_code == 302
    assert sorted(Feedback.objects.values_list("role", flat=True)) == ["mentee", "mentor"]


def test_pause_and_stop_looking(client, mentor, mentee):
    client.force_login(mentor)
    client.post(url("pause"), {"paused": "1"})
    client.force_login(mentee)
    client.post(url("stop_looking"))

    assert MentorOffer.objects.get(user=mentor).paused
    assert not MenteeRequest.objects.get(user=mentee).open


def test_the_portal_home_shows_mentoring_and_links_to_it(client, requested, mentor):
    client.force_login(mentor)

    content = client.get(reverse("members:home")).content.decode()

    assert "1 demande de mentorat attend votre réponse." in content
    assert f'href="{url("home")}"' in content
    assert url("relationship", pk=requested.pk) in content


def test_mentoring_pages_in_english(client, mentee, mentor):
    client.force_login(mentee)

    with_english = client.get("/en/portal/mentoring/suggestions/")

    assert with_english.status_code == 200
    assert "1 topic in common" not in with_english.content.decode()  # two topics in common
    assert "2 topics in common" in with_english.content.decode()


# The pair's forms, with every known hostile value in each field (tests/property covers the
# offer, request and staff forms, and hostile ids in the paths).
PAIR_FORMS = [
    ("accept", "mentor", ["accept-message"]),
    ("decline", "mentor", ["decline-message"]),
    ("goals", "mentee", ["goals"]),
    ("check_in", "mentee", ["date", "note"]),
    ("close", "mentor", ["usefulness", "goals_met"]),
    ("feedback", "mentee", ["usefulness", "goals_met"]),
]


@pytest.mark.parametrize(("name", "who", "fields"), PAIR_FORMS, ids=[form[0] for form in PAIR_FORMS])
def test_hostile_values_in_the_pairs_forms_never_break_them(client, requested, mentor, mentee, name, who, fields):
    if name not in ("accept", "decline"):
        services.accept(requested, by=mentor)
    if name == "feedback":
        services.close(requested, by=mentor)
    client.force_login(mentor if who == "mentor" else mentee)
    page = url(name, pk=requested.pk)

    for field in fields:
        for value in KNOWN_HOSTILE:
            before = (Mentorship.objects.get().state, CheckIn.objects.count(), Feedback.objects.count())
            response = client.post(page, {field: value})
            assert response.status_code < 500, (name, field, value)
            assert INJECTED not in response.content.decode(errors="replace"), (name, field, value)
            if response.status_code >= 400:
                after = (Mentorship.objects.get().state, CheckIn.objects.count(), Feedback.objects.count())
                assert after == before, (name, field, value)
            if Mentorship.objects.get().state != before[0]:
                return  # an accept or a decline with any message is a valid answer: done
