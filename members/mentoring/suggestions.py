"""A mentee's suggested mentors, best first, each with its reasons in plain language; and the
facts about people that the rules in members/mentoring/matching.py need, read from the database.

The database does the coarse filtering (members only, not paused, not full, another school, at
least one topic in common, never declined nor asked before) in two queries whatever the number
of members; matching.py then applies every rule again and scores what is left.
"""

from dataclasses import dataclass

from django.db.models import Count, F, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.utils.translation import get_language

from members.mentoring import matching
from members.mentoring.models import Decline, MenteeRequest, MentorOffer, Mentorship, State
from members.mentoring.people import region_expression, region_names, region_of, school_id_of

DEFAULT_LIMIT = 5


def excluded_pairs_for(*, mentee_ids=None, mentor_ids=None):
    """(mentor id, mentee id) pairs never suggested again: a decline either way, or an earlier
    request between them (whatever became of it)."""
    declines = Decline.objects.all()
    earlier = Mentorship.objects.filter(mentor__isnull=False, mentee__isnull=False)
    if mentee_ids is not None:
        declines = declines.filter(mentee_id__in=mentee_ids)
        earlier = earlier.filter(mentee_id__in=mentee_ids)
    if mentor_ids is not None:
        declines = declines.filter(mentor_id__in=mentor_ids)
        earlier = earlier.filter(mentor_id__in=mentor_ids)
    return set(declines.values_list("mentor_id", "mentee_id")) | set(earlier.values_list("mentor_id", "mentee_id"))


def mentee_person(request):
    user = request.user
    return matching.Person(
        user_id=user.pk,
        school_id=school_id_of(user),
        region=region_of(user),
        topics=frozenset(request.topics.values_list("pk", flat=True)),
        languages=frozenset(request.languages),
        format=request.format,
    )


def mentor_person(offer, *, taken):
    user = offer.user
    return matching.Mentor(
        user_id=user.pk,
        school_id=school_id_of(user),
        region=region_of(user),
        topics=frozenset(offer.topics.values_list("pk", flat=True)),
        languages=frozenset(offer.languages),
        format=offer.format,
        years_in_role=offer.years_in_role,
        capacity=offer.capacity,
        taken=taken,
        paused=offer.paused,
    )


def _count_of(states):
    """A subquery: how many relationships in `states` the offer's mentor has."""
    counted = (
        Mentorship.objects.filter(mentor_id=OuterRef("user_id"), state__in=states)
        .order_by()
        .values("mentor_id")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return Coalesce(Subquery(counted, output_field=IntegerField()), Value(0))


def with_taken(offers, *, count_pending=False):
    """`offers` annotated with `taken`: their mentor's active relationships (and requests
    waiting for them, with `count_pending`), for the capacity rule."""
    states = [State.ACTIVE, State.REQUESTED] if count_pending else [State.ACTIVE]
    return offers.annotate(taken=_count_of(states))


OFFER_FIELDS = ("pk", "user_id", "capacity", "format", "languages", "years_in_role", "paused", "taken", "region")


def mentors_from_rows(rows, topics_by_offer):
    """matching.Mentor values from `values(*OFFER_FIELDS, "school_id")` rows."""
    return [
        matching.Mentor(
            user_id=row["user_id"],
            school_id=row["school_id"],
            region=row["region"] or "",
            topics=frozenset(topics_by_offer.get(row["pk"], ())),
            languages=frozenset(row["languages"] or ()),
            format=row["format"],
            years_in_role=row["years_in_role"],
            capacity=row["capacity"],
            taken=row["taken"],
            paused=row["paused"],
        )
        for row in rows
    ]


def topics_of_offers(offers, topic_ids=None):
    """{offer id: {topic id}} for the offers of the queryset `offers` (one query), limited to
    `topic_ids` if given."""
    through = MentorOffer.topics.through.objects.filter(mentoroffer_id__in=offers.values("pk"))
    if topic_ids is not None:
        through = through.filter(expertise_id__in=topic_ids)
    topics = {}
    for offer_id, topic_id in through.values_list("mentoroffer_id", "expertise_id"):
        topics.setdefault(offer_id, set()).add(topic_id)
    return topics


@dataclass(frozen=True)
class Suggestion:
    """A suggested mentor for the viewer: their account (school and profile loaded), their
    offer (topics loaded), how they fit, and why, in the language that was active."""

    fit: matching.Fit
    mentor: object
    offer: MentorOffer
    reasons: tuple

    @property
    def reasons_text(self):
        return matching.join_reasons(self.reasons)

    @property
    def common_topics(self):
        return [topic for topic in self.offer.topics.all() if topic.pk in self.fit.common_topics]


def candidate_offers(mentee):
    """Offers the database already knows may suit `mentee` (a matching.Person)."""
    declined = Decline.objects.filter(mentee_id=mentee.user_id).values("mentor_id")
    earlier = Mentorship.objects.filter(mentee_id=mentee.user_id, mentor__isnull=False).values("mentor_id")
    offers = (
        with_taken(MentorOffer.objects.available())
        .filter(topics__in=mentee.topics, taken__lt=F("capacity"))
        .exclude(user_id=mentee.user_id)
        .exclude(user_id__in=declined)
        .exclude(user_id__in=earlier)
    )
    if mentee.school_id is not None:
        offers = offers.exclude(user__membership__school_id=mentee.school_id)
    return offers.distinct()


def suggestions_for(user, limit=DEFAULT_LIMIT):
    """The mentors suggested to `user` now, best first, with reasons in the active language.
    Empty if they have no open request, already have a mentor or a request waiting, or if
    nobody fits."""
    request = (
        MenteeRequest.objects.filter(user=user, open=True)
        .select_related("user__member_profile", "user__membership__school")
        .first()
    )
    if request is None or Mentorship.objects.open().filter(mentee=user).exists():
        return []
    mentee = mentee_person(request)
    if not mentee.topics:
        return []
    offers = candidate_offers(mentee)
    rows = list(
        offers.annotate(region=region_expression(), school_id=F("user__membership__school_id")).values(
            *OFFER_FIELDS, "school_id"
        )
    )
    mentors = mentors_from_rows(rows, topics_of_offers(offers, mentee.topics))
    excluded = excluded_pairs_for(mentee_ids=[user.pk])
    fits = matching.rank(mentee, mentors, excluded, limit=limit)
    return describe(fits)


def describe(fits):
    """Suggestions for `fits`: the mentors' accounts and offers loaded in two queries, reasons
    in the active language."""
    if not fits:
        return []
    offers = {
        offer.user_id: offer
        for offer in MentorOffer.objects.filter(user_id__in=[fit.mentor_user_id for fit in fits])
        .select_related("user__membership__school", "user__member_profile")
        .prefetch_related("topics")
    }
    names = region_names()
    language = get_language() or "fr"
    return [
        Suggestion(
            fit=fit,
            mentor=offers[fit.mentor_user_id].user,
            offer=offers[fit.mentor_user_id],
            reasons=tuple(matching.reasons(fit, region_names=names, language=language)),
        )
        for fit in fits
        if fit.mentor_user_id in offers
    ]
