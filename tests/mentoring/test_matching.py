"""The matching rules and score on plain values (no database): each hard rule, the order of the
score's parts, the reasons in French and English, and the whole-pool assignment."""

import pytest
from django.utils import translation

from members.mentoring.matching import Mentor, Person, Rule, assign, evaluate, join_reasons, rank, reasons, refusal

REGIONS = {"12": "Chaudière-Appalaches", "06": "Montréal"}


def mentee(**fields):
    values = {
        "user_id": 1,
        "school_id": 10,
        "region": "12",
        "topics": frozenset({1, 2, 3}),
        "languages": frozenset({"fr"}),
        "format": "either",
    }
    return Person(**(values | fields))


def mentor(**fields):
    values = {
        "user_id": 2,
        "school_id": 20,
        "region": "12",
        "topics": frozenset({1, 2, 3}),
        "languages": frozenset({"fr", "en"}),
        "format": "either",
        "years_in_role": 0,
        "capacity": 2,
        "taken": 0,
    }
    return Mentor(**(values | fields))


@pytest.mark.parametrize(
    ("mentee_fields", "mentor_fields", "rule"),
    [
        ({}, {"user_id": 1}, Rule.SELF),
        ({}, {"school_id": 10}, Rule.SAME_SCHOOL),
        ({"languages": frozenset({"fr"})}, {"languages": frozenset({"en", "es"})}, Rule.LANGUAGE),
        ({}, {"paused": True}, Rule.PAUSED),
        ({}, {"capacity": 2, "taken": 2}, Rule.FULL),
        ({"format": "in_person"}, {"format": "remote"}, Rule.FORMAT),
        ({"format": "remote"}, {"format": "in_person"}, Rule.FORMAT),
        ({"topics": frozenset({1})}, {"topics": frozenset({2})}, Rule.NO_TOPIC),
    ],
)
def test_each_hard_rule_forbids_the_pair(mentee_fields, mentor_fields, rule):
    assert refusal(mentee(**mentee_fields), mentor(**mentor_fields)) == rule
    assert evaluate(mentee(**mentee_fields), mentor(**mentor_fields)) is None


def test_a_declined_pair_is_never_suggested_again():
    assert refusal(mentee(), mentor(), excluded_pairs={(2, 1)}) == Rule.DECLINED
    assert refusal(mentee(), mentor(), excluded_pairs={(1, 2)}) is None


def test_either_format_meets_both_others():
    for first, second in [("either", "remote"), ("either", "in_person"), ("remote", "remote")]:
        assert refusal(mentee(format=first), mentor(format=second)) is None


def test_topics_in_common_weigh_more_than_anything_else():
    seasoned_nearby = mentor(user_id=2, topics=frozenset({1}), years_in_role=30, capacity=5)
    two_topics_far = mentor(user_id=3, topics=frozenset({1, 2}), region="06", years_in_role=0, capacity=1)

    assert [fit.mentor.user_id for fit in rank(mentee(), [seasoned_nearby, two_topics_far])] == [3, 2]


def test_experience_weighs_more_than_the_region_and_capacity():
    experienced_far = mentor(user_id=2, region="06", years_in_role=15, capacity=1)
    novice_nearby = mentor(user_id=3, region="12", years_in_role=0, capacity=5)

    assert [fit.mentor.user_id for fit in rank(mentee(), [novice_nearby, experienced_far])] == [2, 3]


def test_the_region_counts_only_when_the_pair_can_meet_in_person():
    nearby, far = mentor(user_id=2, region="12"), mentor(user_id=3, region="06")

    assert evaluate(mentee(), nearby).score > evaluate(mentee(), far).score
    assert evaluate(mentee(format="remote"), nearby).score == evaluate(mentee(format="remote"), far).score
    assert not evaluate(mentee(format="remote"), nearby).same_region


def test_remaining_capacity_breaks_ties():
    roomy, almost_full = mentor(user_id=3, capacity=3), mentor(user_id=2, capacity=3, taken=2)

    assert [fit.mentor.user_id for fit in rank(mentee(), [almost_full, roomy])] == [3, 2]


def test_reasons_in_french_read_as_a_sentence():
    fit = evaluate(mentee(), mentor(languages=frozenset({"fr"}), years_in_role=12, capacity=1))

    with translation.override("fr"):
        text = join_reasons(reasons(fit, region_names=REGIONS, language="fr"))

    assert text == (
        "3 sujets en commun\u00a0; tous deux en Chaudière-Appalaches\u00a0; tous deux en français\u00a0; "
        "12 ans d’expérience dans le rôle\u00a0; de la place pour 1 autre mentoré"
    )


def test_reasons_in_english_name_every_shared_language():
    fit = evaluate(mentee(languages=frozenset({"fr", "en"}), region="06", topics=frozenset({1})), mentor(region="06"))

    with translation.override("en"):
        phrases = reasons(fit, region_names=REGIONS, language="en")

    assert phrases == [
        "1 topic in common",
        "both in Montréal",
        "both in French and in English",
        "room for 2 more mentees",
    ]


def test_the_whole_pool_assignment_matches_as_many_as_it_can_within_capacity():
    # Greedy on score would give mentee 1 the only mentor mentee 2 can have.
    first = mentee(user_id=1, topics=frozenset({1, 2}))
    second = mentee(user_id=2, topics=frozenset({1}))
    versatile = mentor(user_id=10, topics=frozenset({1, 2}), capacity=1)
    specialist = mentor(user_id=11, topics=frozenset({2}), capacity=1)

    pairs = assign([first, second], [versatile, specialist])

    assert [(i, j) for i, j, _fit in pairs] == [(0, 1), (1, 0)]


def test_the_whole_pool_assignment_respects_capacity_and_the_rules():
    mentees = [mentee(user_id=index, school_id=index) for index in range(1, 6)]
    roomy = mentor(user_id=10, school_id=99, capacity=3, taken=1)
    full = mentor(user_id=11, school_id=98, capacity=2, taken=2)
    colleague_of_first = mentor(user_id=12, school_id=1, capacity=1)

    pairs = [(i, j) for i, j, _fit in assign(mentees, [roomy, full, colleague_of_first], excluded_pairs={(10, 2)})]

    assert len(pairs) == 3
    assert [j for _i, j in pairs].count(0) == 2
    assert 1 not in [j for _i, j in pairs]
    assert (1, 0) not in pairs  # mentee 2 and mentor 10 declined each other
    assert (0, 2) not in pairs  # same school
