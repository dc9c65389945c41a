import datetime

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.utils import timezone

from members.mentoring import services
from members.mentoring.models import CheckIn, ClosedReason, Decline, Feedback, MenteeRequest, MentorOffer, State
from tests.factories.accounts import make_member, make_staff
from tests.factories.mentoring import make_mentee, make_mentor

pytestmark = pytest.mark.django_db


def refusal_code(call, *args, **kwargs):
    with pytest.raises(ValidationError) as error:
        call(*args, **kwargs)
    return error.value.code


@pytest.fixture
def pair(levis, lasalle, topics):
    """A mentor in LaSalle and a mentee in Lévis who share a topic and French."""
    mentor = make_mentor(lasalle, topics[:2], email="mentor@example.org", first_name="Marc")
    mentee = make_mentee(levis, topics[:1], email="mentee@example.org", first_name="Léa")
    return mentor, mentee


@pytest.fixture
def send(django_capture_on_commit_callbacks):
    """Run a service call and the emails it queues on commit."""

    def call(service, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return service(*args, **kwargs)

    return call


OFFER = {
    "capacity": 2,
    "format": "either",
    "languages": ["fr"],
    "years_in_role": 8,
    "availability": "",
    "paused": False,
}


def test_a_member_offers_to_mentor(levis, topics):
    member = make_member(levis)

    offer = services.save_offer(member, topics=topics[:2], language="en", **OFFER)

    assert (offer.capacity, offer.language, set(offer.topics.all())) == (2, "en", set(topics[:2]))


def test_offer_refused_without_topics_or_languages_or_with_a_bad_capacity(levis, topics):
    member = make_member(levis)

    assert refusal_code(services.save_offer, member, topics=[], language="fr", **OFFER) == "no_topics"
    assert (
        refusal_code(services.save_offer, member, topics=topics, language="fr", **{**OFFER, "languages": ["xx"]})
        == "bad_languages"
    )
    assert (
        refusal_code(services.save_offer, member, topics=topics, language="fr", **{**OFFER, "capacity": 9})
        == "bad_capacity"
    )
    assert not MentorOffer.objects.exists()


def test_amasq_staff_without_a_school_cannot_take_part(topics):
    staff = make_staff()

    assert refusal_code(services.save_offer, staff, topics=topics, language="fr", **OFFER) == "not_member"


def test_an_offer_cannot_drop_below_the_current_mentees(pair, send):
    mentor, mentee = pair
    services.accept(services.request_mentor(mentee, mentor), by=mentor)

    code = refusal_code(
        services.save_offer, mentor, topics=mentor.mentor_offer.topics.all(), language="fr", **{**OFFER, "capacity": 0}
    )

    assert code == "bad_capacity"


def test_a_request_needs_goals_and_reopens_a_closed_one(levis, topics):
    member = make_member(levis)
    fields = {"topics": topics[:1], "format": "remote", "languages": ["fr"], "language": "fr"}

    assert refusal_code(services.save_request, member, goals="  ", **fields) == "no_goals"
    services.save_request(member, goals="Apprendre à gérer un budget", **fields)
    services.stop_looking(member)
    request = services.save_request(member, goals="Gérer une équipe", **fields)

    assert (request.open, request.goals) == (True, "Gérer une équipe")


def test_a_request_reaches_the_mentor_by_email_in_their_language(pair, send, mailoutbox):
    mentor, mentee = pair
    MentorOffer.objects.filter(user=mentor).update(language="en")

    mentorship = send(services.request_mentor, mentee, mentor, message="Bonjour Marc !")

    assert mentorship.state == State.REQUESTED
    assert mentorship.expires_at == mentorship.requested_at + services.request_validity()
    assert [message.to for message in mailoutbox] == [["mentor@example.org"]]
    assert "would like you to be their mentor" in mailoutbox[0].body
    assert f"/en/portal/mentoring/relationships/{mentorship.pk}/" in mailoutbox[0].body


def test_a_request_to_a_mentor_of_the_same_school_is_refused(levis, topics):
    mentor = make_mentor(levis, topics)
    mentee = make_mentee(levis, topics)

    assert refusal_code(services.request_mentor, mentee, mentor) == "same_school"


def test_a_request_without_a_common_language_is_refused(levis, lasalle, topics):
    mentor = make_mentor(lasalle, topics, offer={"languages": ["en"]})
    mentee = make_mentee(levis, topics, request={"languages": ["fr", "es"]})

    assert refusal_code(services.request_mentor, mentee, mentor) == "language"


def test_a_request_to_a_paused_mentor_is_refused(levis, lasalle, topics):
    mentor = make_mentor(lasalle, topics, offer={"paused": True})

    assert refusal_code(services.request_mentor, make_mentee(levis, topics), mentor) == "paused"


def test_a_request_to_a_full_mentor_is_refused(pair, la_marge, topics, send):
    mentor, mentee = pair
    services.accept(services.request_mentor(mentee, mentor), by=mentor)

    assert refusal_code(services.request_mentor, make_mentee(la_marge, topics), mentor) == "full"


def test_one_open_request_at_a_time(pair, la_marge, topics):
    mentor, mentee = pair
    services.request_mentor(mentee, mentor)

    assert refusal_code(services.request_mentor, mentee, make_mentor(la_marge, topics)) == "already_open"


def test_a_member_who_has_not_asked_for_a_mentor_cannot_request_one(lasalle, levis, topics):
    mentor = make_mentor(lasalle, topics)

    assert refusal_code(services.request_mentor, make_member(levis), mentor) == "no_request"


def test_the_mentor_accepts_and_the_mentee_is_told(pair, send, mailoutbox):
    mentor, mentee = pair
    mentorship = send(services.request_mentor, mentee, mentor)
    mailoutbox.clear()

    mentorship = send(services.accept, mentorship, by=mentor, message="Avec plaisir")

    assert mentorship.state == State.ACTIVE
    assert mentorship.goals == mentee.mentee_request.goals
    assert [message.to for message in mailoutbox] == [["mentee@example.org"]]
    assert "Avec plaisir" in mailoutbox[0].body
    assert "Marc" in mailoutbox[0].subject


def test_only_the_mentor_answers_a_request(pair, la_marge):
    mentor, mentee = pair
    mentorship = services.request_mentor(mentee, mentor)

    for someone in (mentee, make_member(la_marge)):
        with pytest.raises(PermissionDenied):
            services.accept(mentorship, by=someone)
        with pytest.raises(PermissionDenied):
            services.decline(mentorship, by=someone)


def test_an_expired_request_cannot_be_accepted(pair):
    mentor, mentee = pair
    mentorship = services.request_mentor(mentee, mentor)

    later = mentorship.expires_at + datetime.timedelta(minutes=1)

    assert refusal_code(services.accept, mentorship, by=mentor, now=later) == "expired"


def test_an_answered_request_cannot_be_answered_again(pair):
    mentor, mentee = pair
    mentorship = services.request_mentor(mentee, mentor)
    services.decline(mentorship, by=mentor)

    assert refusal_code(services.accept, mentorship, by=mentor) == "not_waiting"


def test_accepting_beyond_capacity_is_refused(pair, la_marge, topics):
    mentor, mentee = pair
    other = make_mentee(la_marge, topics)
    first = services.request_mentor(mentee, mentor)
    second = services.request_mentor(other, mentor)
    services.accept(first, by=mentor)

    assert refusal_code(services.accept, second, by=mentor) == "full"
    second.refresh_from_db()
    assert second.state == State.REQUESTED


def test_a_decline_is_recorded_and_the_mentee_gets_fresh_suggestions(pair, send, mailoutbox):
    mentor, mentee = pair
    mentorship = send(services.request_mentor, mentee, mentor)
    mailoutbox.clear()

    send(services.decline, mentorship, by=mentor, message="Je pars en congé")

    assert Decline.objects.filter(mentor=mentor, mentee=mentee, declined_by="mentor").exists()
    assert mailoutbox[0].to == ["mentee@example.org"]
    assert "/fr/portail/mentorat/suggestions/" in mailoutbox[0].body
    assert "Je pars en congé" in mailoutbox[0].body
    assert refusal_code(services.request_mentor, mentee, mentor) == "declined"


def test_the_mentee_withdraws_a_waiting_request_and_the_mentor_is_told(pair, send, mailoutbox):
    mentor, mentee = pair
    mentorship = send(services.request_mentor, mentee, mentor)
    mailoutbox.clear()

    send(services.withdraw, mentorship, by=mentee)

    mentorship.refresh_from_db()
    assert (mentorship.state, mentorship.closed_reason) == (State.CLOSED, ClosedReason.WITHDRAWN)
    assert [message.to for message in mailoutbox] == [["mentor@example.org"]]
    assert "a retiré sa demande" in mailoutbox[0].subject


@pytest.fixture
def active(pair):
    mentor, mentee = pair
    return services.accept(services.request_mentor(mentee, mentor), by=mentor)


def test_either_person_sets_the_shared_goals(active, pair):
    mentor, mentee = pair

    services.set_goals(active, by=mentor, goals="Budget annuel")
    services.set_goals(active, by=mentee, goals="Budget annuel et équipe")

    active.refresh_from_db()
    assert active.goals == "Budget annuel et équipe"


def test_check_ins_belong_to_the_pair_and_not_to_the_future(active, pair, la_marge):
    mentor, mentee = pair
    today = timezone.localdate()

    services.add_check_in(active, by=mentee, on=today, note="Premier appel")

    assert (
        refusal_code(services.add_check_in, active, by=mentor, on=today + datetime.timedelta(days=1), note="x")
        == "future"
    )
    assert refusal_code(services.add_check_in, active, by=mentor, on=today, note=" ") == "no_note"
    with pytest.raises(PermissionDenied):
        services.add_check_in(active, by=make_member(la_marge), on=today, note="Intrus")
    assert list(CheckIn.objects.values_list("note", flat=True)) == ["Premier appel"]


def test_closing_with_feedback_tells_the_other_person(active, pair, send, mailoutbox):
    mentor, mentee = pair
    mailoutbox.clear()

    send(services.close, active, by=mentee, usefulness=5, goals_met="met")

    active.refresh_from_db()
    assert (active.state, active.closed_reason) == (State.CLOSED, ClosedReason.COMPLETED)
    assert Feedback.objects.get().role == "mentee"
    assert mailoutbox[0].to == ["mentor@example.org"]
    assert not MenteeRequest.objects.get(user=mentee).open


def test_the_other_person_gives_feedback_once_after_closing(active, pair):
    mentor, mentee = pair
    assert refusal_code(services.give_feedback, active, by=mentor, usefulness=4, goals_met="partly") == "not_closed"
    services.close(active, by=mentee)

    services.give_feedback(active, by=mentor, usefulness=4, goals_met="partly")

    assert refusal_code(services.give_feedback, active, by=mentor, usefulness=4, goals_met="met") == "duplicate"
    assert refusal_code(services.give_feedback, active, by=mentee, usefulness=9, goals_met="met") == "bad_feedback"
    assert Feedback.objects.count() == 1


def test_half_a_feedback_form_is_refused_and_the_relationship_stays_open(active, pair):
    mentor, _mentee = pair

    assert refusal_code(services.close, active, by=mentor, usefulness=3) == "bad_feedback"
    active.refresh_from_db()
    assert active.state == State.ACTIVE


def test_staff_match_by_hand_and_both_people_are_told(pair, send, mailoutbox):
    mentor, mentee = pair
    staff = make_staff()

    mentorship = send(services.match_by_hand, mentee, mentor, by=staff)

    assert mentorship.proposed_by == staff
    assert sorted(message.to[0] for message in mailoutbox) == ["mentee@example.org", "mentor@example.org"]
    assert "AMASQ" in next(m for m in mailoutbox if m.to == ["mentor@example.org"]).body


def test_members_cannot_match_others(pair, levis):
    mentor, mentee = pair

    with pytest.raises(PermissionDenied):
        services.match_by_hand(mentee, mentor, by=make_member(levis))
