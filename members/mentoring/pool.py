"""What AMASQ staff see of the mentoring pool, and the whole-pool proposal they review before
anyone is told: waiting mentees assigned to mentors with room, under the same rules as a
mentee's suggestions (members/mentoring/matching.py), optimally (`matching.assign`).

Staff see who takes part and the state and dates of relationships, never their notes.
"""

from dataclasses import dataclass

from django.db.models import F

from members.mentoring import matching
from members.mentoring.models import MenteeRequest, MentorOffer, Mentorship
from members.mentoring.people import region_expression
from members.mentoring.suggestions import OFFER_FIELDS, excluded_pairs_for, mentors_from_rows, with_taken

# How many other possible mentors a proposal offers for each mentee, for staff to adjust it.
ALTERNATIVES = 5


def waiting_mentees():
    """Open requests of members without a mentor or a request waiting, longest waiting first."""
    return (
        MenteeRequest.objects.waiting()
        .select_related("user__membership__school")
        .prefetch_related("topics")
        .order_by("created_at", "pk")
    )


def pool_offers():
    """Every member's offer, with `taken` (active relationships and requests waiting)."""
    return (
        with_taken(MentorOffer.objects.of_members(), count_pending=True)
        .select_related("user__membership__school")
        .prefetch_related("topics")
        .order_by("user__last_name", "user__first_name", "pk")
    )


def open_relationships():
    """Requests waiting and active relationships: who, since when; never notes or messages."""
    return (
        Mentorship.objects.open()
        .select_related("mentor__membership__school", "mentee__membership__school")
        .only(
            "state",
            "requested_at",
            "answered_at",
            "expires_at",
            "proposed_by_id",
            "mentor__first_name",
            "mentor__last_name",
            "mentor__username",
            "mentor__membership__school__title",
            "mentee__first_name",
            "mentee__last_name",
            "mentee__username",
            "mentee__membership__school__title",
        )
        .order_by("-requested_at", "-pk")
    )


def _mentee_people(requests):
    """matching.Person values of `requests` (a queryset), in two queries."""
    rows = list(
        requests.annotate(region=region_expression(), school_id=F("user__membership__school_id")).values(
            "pk", "user_id", "school_id", "region", "languages", "format"
        )
    )
    topics = {}
    through = MenteeRequest.topics.through.objects.filter(menteerequest_id__in=requests.values("pk"))
    for request_id, topic_id in through.values_list("menteerequest_id", "expertise_id"):
        topics.setdefault(request_id, set()).add(topic_id)
    return [
        matching.Person(
            user_id=row["user_id"],
            school_id=row["school_id"],
            region=row["region"] or "",
            topics=frozenset(topics.get(row["pk"], ())),
            languages=frozenset(row["languages"] or ()),
            format=row["format"],
        )
        for row in rows
    ]


def _mentor_people(offers):
    rows = list(
        offers.annotate(region=region_expression(), school_id=F("user__membership__school_id")).values(
            *OFFER_FIELDS, "school_id"
        )
    )
    topics = {}
    through = MentorOffer.topics.through.objects.filter(mentoroffer_id__in=offers.values("pk"))
    for offer_id, topic_id in through.values_list("mentoroffer_id", "expertise_id"):
        topics.setdefault(offer_id, set()).add(topic_id)
    return mentors_from_rows(rows, topics)


def load_pool():
    """(mentees, mentors, excluded pairs) as the matching rules take them: waiting mentees, and
    offers of members that are not paused and still have room once the requests already
    waiting for them are counted."""
    requests = MenteeRequest.objects.waiting().order_by("created_at", "pk")
    offers = with_taken(MentorOffer.objects.available(), count_pending=True).filter(taken__lt=F("capacity"))
    mentees = _mentee_people(requests)
    mentors = _mentor_people(offers.order_by("pk"))
    excluded = excluded_pairs_for(mentee_ids=[mentee.user_id for mentee in mentees])
    return mentees, mentors, excluded


@dataclass(frozen=True)
class ProposedPair:
    mentee_id: int
    mentor_id: int | None
    fit: matching.Fit | None
    # Other mentors who could take this mentee, best first: [(mentor user id, Fit)].
    alternatives: tuple


def propose():
    """The whole-pool proposal: for each waiting mentee, the mentor the optimal assignment gives
    them (or None), and a few alternatives for staff to choose instead. Nothing is saved and
    nobody is told: staff confirm it with services.confirm_proposal."""
    mentees, mentors, excluded = load_pool()
    fits = matching.possible_fits(mentees, mentors, excluded)
    assigned = {i: (j, fit) for i, j, fit in matching.assign(mentees, mentors, fits=fits)}
    options = {}
    for (i, j), fit in fits.items():
        options.setdefault(i, []).append((mentors[j].user_id, fit))
    proposal = []
    for i, mentee in enumerate(mentees):
        ranked = sorted(options.get(i, []), key=lambda option: (-option[1].score, option[0]))
        j, fit = assigned.get(i, (None, None))
        mentor_id = mentors[j].user_id if j is not None else None
        alternatives = tuple(option for option in ranked if option[0] != mentor_id)[:ALTERNATIVES]
        proposal.append(ProposedPair(mentee.user_id, mentor_id, fit, alternatives))
    return proposal
