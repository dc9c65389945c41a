"""A mentee's suggestions from the database: every rule, the order, the reasons, and a number
of queries that does not grow with the number of mentors."""

import pytest
from django.utils import translation

from members.mentoring import services
from members.mentoring.suggestions import suggestions_for
from members.services.accounts import deactivate_member
from tests.factories.accounts import make_member
from tests.factories.mentoring import make_mentee, make_mentor

pytestmark = pytest.mark.django_db


def suggested(user):
    return [suggestion.mentor for suggestion in suggestions_for(user)]


@pytest.fixture
def mentee(levis, topics):
    return make_mentee(levis, topics, email="lea@example.org")


def test_a_mentor_of_another_school_is_suggested_with_reasons_in_the_mentees_language(mentee, la_marge, topics):
    mentor = make_mentor(la_marge, topics[:2], offer={"years_in_role": 4}, profile={"region": "12"})

    with translation.override("fr"):
        (suggestion,) = suggestions_for(mentee)

    assert suggestion.mentor == mentor
    assert suggestion.reasons_text.startswith(
        "2 sujets en commun\u00a0; tous deux en Chaudière-Appalaches\u00a0; tous deux en français"
    )
    assert [topic.slug for topic in suggestion.common_topics] == ["enseignement", "gestion"]


def test_people_of_the_same_school_are_never_suggested(mentee, levis, topics):
    make_mentor(levis, topics)

    assert suggested(mentee) == []


def test_mentors_without_a_common_language_are_not_suggested(mentee, lasalle, topics):
    make_mentor(lasalle, topics, offer={"languages": ["en"]})

    assert suggested(mentee) == []


def test_paused_mentors_are_not_suggested(mentee, lasalle, topics):
    make_mentor(lasalle, topics, offer={"paused": True})

    assert suggested(mentee) == []


def test_full_mentors_are_not_suggested(mentee, lasalle, la_marge, topics):
    mentor = make_mentor(lasalle, topics)
    other = make_mentee(la_marge, topics)
    services.accept(services.request_mentor(other, mentor), by=mentor)

    assert suggested(mentee) == []


def test_a_mentor_who_declined_is_not_suggested_again_but_others_are(mentee, lasalle, la_marge, topics):
    declining = make_mentor(lasalle, topics)
    other = make_mentor(la_marge, topics[:1])
    services.decline(services.request_mentor(mentee, declining), by=declining)

    assert suggested(mentee) == [other]


def test_a_suggestion_set_aside_is_not_shown_again(mentee, lasalle, topics):
    mentor = make_mentor(lasalle, topics)

    services.dismiss_suggestion(mentee, mentor)

    assert suggested(mentee) == []


def test_deactivated_mentors_are_not_suggested(mentee, lasalle, topics):
    mentor = make_mentor(lasalle, topics)
    deactivate_member(mentor, by=make_member(lasalle, role="coordinator"))

    assert suggested(mentee) == []


def test_no_suggestions_while_a_request_waits_or_after_stopping(mentee, lasalle, la_marge, topics):
    first = make_mentor(lasalle, topics)
    make_mentor(la_marge, topics)
    request = services.request_mentor(mentee, first)
    assert suggested(mentee) == []

    services.withdraw(request, by=mentee)
    assert len(suggested(mentee)) == 1  # the one asked before is not suggested again
    services.stop_looking(mentee)
    assert suggested(mentee) == []


def test_more_topics_in_common_come_first(mentee, lasalle, la_marge, topics):
    one_topic = make_mentor(lasalle, topics[:1], offer={"years_in_role": 30})
    three_topics = make_mentor(la_marge, topics)

    assert suggested(mentee) == [three_topics, one_topic]


# The request with its person, open relationships, its topics, the candidate offers and their
# topics, declines and earlier requests, then the suggested offers with their people and topics.
SUGGESTION_QUERIES = 9


@pytest.mark.parametrize("mentors", [1, 12])
def test_the_number_of_queries_does_not_grow_with_the_mentors(
    mentee, lasalle, topics, mentors, django_assert_num_queries
):
    for _ in range(mentors):
        make_mentor(lasalle, topics)

    with django_assert_num_queries(SUGGESTION_QUERIES):
        suggestions = suggestions_for(mentee)
        for suggestion in suggestions:
            assert suggestion.common_topics
            assert suggestion.mentor.membership.school.title
            assert suggestion.mentor.member_profile

    assert len(suggestions) == min(mentors, 5)
