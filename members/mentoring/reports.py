"""Mentoring figures for AMASQ staff: counts by state, time to match, unmatched mentees, topics
asked for with no mentor, feedback. Aggregates only: no name, no note, no message, so that
what a pair says stays theirs, even from staff."""

import statistics
from dataclasses import dataclass

from django.db.models import Avg, Count, F, Q
from django.utils import timezone
from django.utils.translation import gettext as _

from members.mentoring.models import Feedback, MenteeRequest, MentorOffer, Mentorship, State
from members.mentoring.people import expertise_model
from members.mentoring.suggestions import with_taken


def _days(delta):
    return round(delta.total_seconds() / 86400, 1)


def _median_and_mean(durations):
    if not durations:
        return None, None
    days = [_days(duration) for duration in durations]
    return round(statistics.median(days), 1), round(statistics.fmean(days), 1)


@dataclass(frozen=True)
class TopicDemand:
    name: str
    waiting_mentees: int
    mentors_with_room: int


@dataclass(frozen=True)
class Report:
    by_state: list  # [(label, count)], every state
    offers: int
    offers_paused: int
    matched: int
    days_to_match_median: float | None
    days_to_match_mean: float | None
    unmatched: int
    days_waiting_median: float | None
    topics: list  # [TopicDemand], most asked first
    feedback_count: int
    usefulness_mean: float | None
    goals_met: list  # [(label, count)]

    @property
    def topics_without_mentor(self):
        return [topic for topic in self.topics if topic.waiting_mentees and not topic.mentors_with_room]


def _topic_demand(waiting):
    """For each topic: waiting mentees who ask for it, and mentors with room who offer it."""
    offers_with_room = with_taken(MentorOffer.objects.available(), count_pending=True).filter(taken__lt=F("capacity"))
    asked = dict(
        MenteeRequest.topics.through.objects.filter(menteerequest__in=waiting.values("pk"))
        .values("expertise_id")
        .annotate(count=Count("menteerequest_id", distinct=True))
        .values_list("expertise_id", "count")
    )
    offered = dict(
        MentorOffer.topics.through.objects.filter(mentoroffer__in=offers_with_room.values("pk"))
        .values("expertise_id")
        .annotate(count=Count("mentoroffer_id", distinct=True))
        .values_list("expertise_id", "count")
    )
    topics = [
        TopicDemand(topic.name, asked.get(topic.pk, 0), offered.get(topic.pk, 0))
        for topic in expertise_model().objects.all()
    ]
    return sorted(topics, key=lambda topic: (-topic.waiting_mentees, topic.mentors_with_room, topic.name))


def build_report(now=None):
    """The figures as they stand now (a fixed number of queries, whatever the size of the pool)."""
    now = now or timezone.now()
    counts = dict(Mentorship.objects.values("state").annotate(count=Count("pk")).values_list("state", "count"))
    accepted = Mentorship.objects.filter(
        Q(state=State.ACTIVE) | Q(state=State.CLOSED, answered_at__isnull=False)
    ).values_list("requested_at", "answered_at")
    to_match = [answered - requested for requested, answered in accepted if answered]
    waiting = MenteeRequest.objects.waiting()
    waiting_since = [now - created for created in waiting.values_list("created_at", flat=True)]
    offers = MentorOffer.objects.of_members().aggregate(total=Count("pk"), paused=Count("pk", filter=Q(paused=True)))
    feedback = Feedback.objects.aggregate(count=Count("pk"), usefulness=Avg("usefulness"))
    goals = dict(Feedback.objects.values("goals_met").annotate(count=Count("pk")).values_list("goals_met", "count"))
    match_median, match_mean = _median_and_mean(to_match)
    wait_median, _wait_mean = _median_and_mean(waiting_since)
    return Report(
        by_state=[(label, counts.get(value, 0)) for value, label in State.choices],
        offers=offers["total"],
        offers_paused=offers["paused"],
        matched=len(to_match),
        days_to_match_median=match_median,
        days_to_match_mean=match_mean,
        unmatched=len(waiting_since),
        days_waiting_median=wait_median,
        topics=_topic_demand(waiting),
        feedback_count=feedback["count"],
        usefulness_mean=round(feedback["usefulness"], 1) if feedback["usefulness"] is not None else None,
        goals_met=[(label, goals.get(value, 0)) for value, label in Feedback.Goals.choices],
    )


def report_rows(report):
    """The report as CSV rows (section, item, value), in the active language."""
    rows = [(_("Relationships by state"), str(label), count) for label, count in report.by_state]
    rows += [
        (_("Mentors"), _("Offers to mentor"), report.offers),
        (_("Mentors"), _("Offers paused"), report.offers_paused),
        (_("Time to match"), _("Relationships accepted"), report.matched),
        (_("Time to match"), _("Median days from request to acceptance"), report.days_to_match_median),
        (_("Time to match"), _("Average days from request to acceptance"), report.days_to_match_mean),
        (_("Unmatched mentees"), _("Mentees waiting for a mentor"), report.unmatched),
        (_("Unmatched mentees"), _("Median days waiting"), report.days_waiting_median),
    ]
    rows += [
        (_("Topics asked for by waiting mentees"), topic.name, topic.waiting_mentees)
        for topic in report.topics
        if topic.waiting_mentees
    ]
    rows += [
        (_("Topics asked for with no mentor"), topic.name, topic.waiting_mentees)
        for topic in report.topics_without_mentor
    ]
    rows += [
        (_("Feedback"), _("Feedback forms"), report.feedback_count),
        (_("Feedback"), _("Average usefulness (1 to 5)"), report.usefulness_mean),
    ]
    rows += [(_("Goals met"), str(label), count) for label, count in report.goals_met]
    return [(section, item, "" if value is None else value) for section, item, value in rows]
