"""Who may mentor whom, and how well they fit: the rules, the score and its reasons in plain
language. Pure functions over plain values (no database), shared by a mentee's suggestions, staff
matching by hand and the whole-pool proposal, so that all three apply the very same rules.

Hard rules (a pair is never suggested): a common language; people of the same MAS are never
matched; nobody mentors themselves; a pair where one declined the other, or that already had a
request, is not suggested again; paused or full mentors are not suggested; a remote-only and an
in-person-only person cannot meet; at least one topic in common.

The score, highest first: topics in common weigh most, then experience in the role, then the
region when the pair can meet in person, then the mentor's remaining capacity.
"""

from dataclasses import dataclass

import numpy as np
from django.utils.translation import gettext as _
from django.utils.translation import ngettext, pgettext
from scipy.optimize import linear_sum_assignment

from members.mentoring.models import Format, Language

TOPIC_POINTS = 100
POINTS_PER_YEAR = 3
MAX_EXPERIENCE_YEARS = 15
REGION_POINTS = 20
POINTS_PER_FREE_PLACE = 5
MAX_FREE_PLACES_COUNTED = 3


class Rule:
    """Why a pair may not be matched (the codes of `refusal`)."""

    SELF = "self"
    SAME_SCHOOL = "same_school"
    LANGUAGE = "language"
    DECLINED = "declined"
    PAUSED = "paused"
    FULL = "full"
    FORMAT = "format"
    NO_TOPIC = "no_topic"


def rule_message(code):
    """The reason a pair may not be matched, for staff and members, in the active language."""
    return {
        Rule.SELF: _("Nobody can mentor themselves."),
        Rule.SAME_SCHOOL: _("People of the same school are never matched: mentoring is between schools."),
        Rule.LANGUAGE: _("These two people have no language in common."),
        Rule.DECLINED: _("One of these two people already declined the other, or a request between them was made."),
        Rule.PAUSED: _("This mentor has paused their offer."),
        Rule.FULL: _("This mentor has no room for another mentee."),
        Rule.FORMAT: _("One of them meets remotely only, the other in person only."),
        Rule.NO_TOPIC: _("They have no topic in common."),
    }[code]


@dataclass(frozen=True)
class Person:
    """One side of a possible pair: who they are (account and school) and what they asked for
    or offer."""

    user_id: int
    school_id: int | None
    region: str
    topics: frozenset
    languages: frozenset
    format: str


@dataclass(frozen=True)
class Mentor(Person):
    years_in_role: int = 0
    capacity: int = 1
    # Mentees they already have (and, for a whole-pool proposal, requests waiting for them).
    taken: int = 0
    paused: bool = False

    @property
    def remaining(self):
        return max(self.capacity - self.taken, 0)


@dataclass(frozen=True)
class Fit:
    """How a mentor fits a mentee: the score and what it rests on."""

    mentor: Mentor
    score: int
    common_topics: frozenset
    shared_languages: frozenset
    same_region: bool

    @property
    def mentor_user_id(self):
        return self.mentor.user_id


def can_meet_in_person(first, second):
    return Format.REMOTE not in (first.format, second.format)


def refusal(mentee, mentor, excluded_pairs=frozenset()):
    """The first hard rule the pair breaks (a Rule code), or None if they may be matched.
    `excluded_pairs`: (mentor user id, mentee user id) pairs that must not be suggested again."""
    if mentor.user_id == mentee.user_id:
        return Rule.SELF
    if mentor.school_id is not None and mentor.school_id == mentee.school_id:
        return Rule.SAME_SCHOOL
    if not mentor.languages & mentee.languages:
        return Rule.LANGUAGE
    if (mentor.user_id, mentee.user_id) in excluded_pairs:
        return Rule.DECLINED
    if mentor.paused:
        return Rule.PAUSED
    if mentor.remaining <= 0:
        return Rule.FULL
    if {mentor.format, mentee.format} == {Format.REMOTE, Format.IN_PERSON}:
        return Rule.FORMAT
    if not mentor.topics & mentee.topics:
        return Rule.NO_TOPIC
    return None


def evaluate(mentee, mentor, excluded_pairs=frozenset()):
    """The Fit of `mentor` for `mentee`, or None if a hard rule forbids the pair."""
    if refusal(mentee, mentor, excluded_pairs) is not None:
        return None
    common = mentor.topics & mentee.topics
    same_region = bool(mentor.region) and mentor.region == mentee.region and can_meet_in_person(mentor, mentee)
    score = (
        TOPIC_POINTS * len(common)
        + POINTS_PER_YEAR * min(mentor.years_in_role, MAX_EXPERIENCE_YEARS)
        + (REGION_POINTS if same_region else 0)
        + POINTS_PER_FREE_PLACE * min(mentor.remaining, MAX_FREE_PLACES_COUNTED)
    )
    return Fit(
        mentor=mentor,
        score=score,
        common_topics=frozenset(common),
        shared_languages=frozenset(mentor.languages & mentee.languages),
        same_region=same_region,
    )


def rank(mentee, mentors, excluded_pairs=frozenset(), limit=None):
    """The mentors who may mentor `mentee`, best fit first (ties: the longest-standing offer,
    i.e. the smallest user id, so that the order is stable)."""
    fits = [fit for mentor in mentors if (fit := evaluate(mentee, mentor, excluded_pairs)) is not None]
    fits.sort(key=lambda fit: (-fit.score, fit.mentor.user_id))
    return fits[:limit] if limit is not None else fits


# "tous deux en Chaudière-Appalaches": French puts a region after its own preposition.
FRENCH_REGION_PREPOSITIONS = {
    "01": "au",
    "02": "au",
    "03": "dans la",
    "04": "en",
    "05": "en",
    "06": "à",
    "07": "en",
    "08": "en",
    "09": "sur la",
    "10": "dans le",
    "11": "en",
    "12": "en",
    "13": "à",
    "14": "dans",
    "15": "dans les",
    "16": "en",
    "17": "dans le",
}


def in_region(code, name, language):
    if language.startswith("fr"):
        return f"{FRENCH_REGION_PREPOSITIONS.get(code, 'en')} {name}"
    return f"in {name}"


def in_languages(codes):
    """ "in French and English" ("en français et en anglais"), in the order of Language."""
    phrases = {
        Language.FRENCH: pgettext("mentoring language", "in French"),
        Language.ENGLISH: pgettext("mentoring language", "in English"),
        Language.SPANISH: pgettext("mentoring language", "in Spanish"),
        Language.ARABIC: pgettext("mentoring language", "in Arabic"),
        Language.HAITIAN_CREOLE: pgettext("mentoring language", "in Haitian Creole"),
        Language.PORTUGUESE: pgettext("mentoring language", "in Portuguese"),
        Language.CHINESE: pgettext("mentoring language", "in Chinese"),
        Language.CREE: pgettext("mentoring language", "in Cree"),
        Language.INNU: pgettext("mentoring language", "in Innu-aimun"),
        Language.INUKTITUT: pgettext("mentoring language", "in Inuktitut"),
    }
    ordered = [phrases[code] for code in Language.values if code in codes]
    if len(ordered) <= 1:
        return "".join(ordered)
    return _("%(first)s and %(last)s") % {"first": ", ".join(ordered[:-1]), "last": ordered[-1]}


def reasons(fit, *, region_names, language):
    """Why `fit` is suggested, as short phrases in the active language (which the caller sets to
    the mentee's): "3 topics in common", "both in Chaudière-Appalaches", "both in French"…"""
    phrases = [
        ngettext("%(count)d topic in common", "%(count)d topics in common", len(fit.common_topics))
        % {"count": len(fit.common_topics)}
    ]
    region = fit.mentor.region
    if fit.same_region:
        phrases.append(
            _("both %(in_region)s") % {"in_region": in_region(region, region_names.get(region, ""), language)}
        )
    phrases.append(_("both %(in_languages)s") % {"in_languages": in_languages(fit.shared_languages)})
    years = fit.mentor.years_in_role
    if years:
        phrases.append(
            ngettext("%(count)d year of experience in the role", "%(count)d years of experience in the role", years)
            % {"count": years}
        )
    remaining = fit.mentor.remaining
    phrases.append(
        ngettext("room for %(count)d more mentee", "room for %(count)d more mentees", remaining) % {"count": remaining}
    )
    return phrases


def join_reasons(phrases):
    """One line: "3 sujets en commun ; tous deux en Chaudière-Appalaches ; tous deux en français"."""
    return pgettext("separator between reasons", "; ").join(phrases)


# A whole-pool proposal ---------------------------------------------------------------------

# Each pair made weighs more than any difference of score, so that the proposal matches as many
# mentees as it can, and the best pairs among those.
PAIR_BONUS = 100_000
FORBIDDEN = 10**9


def possible_fits(mentees, mentors, excluded_pairs=frozenset()):
    """{(mentee index, mentor index): Fit} of every allowed pair. Only mentors sharing a topic
    with the mentee are evaluated (an index by topic), so the cost follows the pairs that may
    fit rather than every mentee times every mentor."""
    by_topic = {}
    for index, mentor in enumerate(mentors):
        for topic in mentor.topics:
            by_topic.setdefault(topic, []).append(index)
    fits = {}
    for i, mentee in enumerate(mentees):
        candidates = {index for topic in mentee.topics for index in by_topic.get(topic, ())}
        for j in candidates:
            fit = evaluate(mentee, mentors[j], excluded_pairs)
            if fit is not None:
                fits[i, j] = fit
    return fits


def assign(mentees, mentors, excluded_pairs=frozenset(), fits=None):
    """An optimal assignment of `mentees` to `mentors` within each mentor's remaining capacity:
    as many pairs as possible, then the highest total score. Each mentor is repeated once per
    free place ("capacity-expanded") and scipy's linear_sum_assignment solves the square-ish
    problem. `fits`: possible_fits(...) if already computed. Returns [(mentee index, mentor
    index, Fit)], in mentee order."""
    if fits is None:
        fits = possible_fits(mentees, mentors, excluded_pairs)
    if not fits:
        return []
    rows = sorted({i for i, _j in fits})
    used_mentors = sorted({j for _i, j in fits})
    slots = [j for j in used_mentors for _place in range(min(mentors[j].remaining, len(rows)))]
    row_of = {i: position for position, i in enumerate(rows)}
    columns_of = {}
    for column, j in enumerate(slots):
        columns_of.setdefault(j, []).append(column)
    cost = np.full((len(rows), len(slots)), float(FORBIDDEN))
    for (i, j), fit in fits.items():
        cost[row_of[i], columns_of[j]] = -(PAIR_BONUS + fit.score)
    chosen_rows, chosen_columns = linear_sum_assignment(cost)
    pairs = []
    for row, column in zip(chosen_rows, chosen_columns, strict=True):
        i, j = rows[row], slots[column]
        if (i, j) in fits:
            pairs.append((i, j, fits[i, j]))
    return sorted(pairs, key=lambda pair: pair[0])
