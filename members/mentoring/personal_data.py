"""A person's mentoring in their Law 25 export, and erased with their account (registered with
members through `register_personal_data` in wagtail_hooks.py).

On deletion the person's requests and relationships close first (the other person is told, by
the membership_ended receiver), then what they wrote and chose goes: their offer, request,
check-ins, feedback and the declines that name them; the relationships stay for the other person
and for staff figures, with an empty place and the deleted person's messages blanked.
"""

from django.db.models import Q

from members.mentoring.models import CheckIn, Decline, Feedback, MenteeRequest, MentorOffer, Mentorship
from members.mentoring.services import close_for_departed_member


def _iso(value):
    return value.isoformat() if value else None


def _topics(participation):
    return [topic.name_fr for topic in participation.topics.all()]


def export_mentoring(user):
    offer = MentorOffer.objects.filter(user=user).prefetch_related("topics").first()
    request = MenteeRequest.objects.filter(user=user).prefetch_related("topics").first()
    relationships = (
        Mentorship.objects.involving(user)
        .select_related("mentor", "mentee")
        .prefetch_related("check_ins__author", "feedback")
        .order_by("requested_at", "pk")
    )
    return {
        "offer": {
            "topics": _topics(offer),
            "capacity": offer.capacity,
            "format": offer.format,
            "languages": offer.languages,
            "years_in_role": offer.years_in_role,
            "availability": offer.availability,
            "paused": offer.paused,
            "email_language": offer.language,
            "created_at": _iso(offer.created_at),
        }
        if offer
        else None,
        "request": {
            "topics": _topics(request),
            "goals": request.goals,
            "format": request.format,
            "languages": request.languages,
            "looking": request.open,
            "email_language": request.language,
            "created_at": _iso(request.created_at),
        }
        if request
        else None,
        "relationships": [
            {
                "role": mentorship.role_of(user),
                "with": str(mentorship.partner_of(user).get_full_name()) if mentorship.partner_of(user) else None,
                "state": mentorship.state,
                "request_message": mentorship.request_message,
                "response_message": mentorship.response_message,
                "goals": mentorship.goals,
                "requested_at": _iso(mentorship.requested_at),
                "answered_at": _iso(mentorship.answered_at),
                "closed_at": _iso(mentorship.closed_at),
                "check_ins": [
                    {"date": _iso(check_in.date), "note": check_in.note, "by_me": check_in.author_id == user.pk}
                    for check_in in mentorship.check_ins.all()
                ],
                "my_feedback": [
                    {"usefulness": feedback.usefulness, "goals_met": feedback.goals_met}
                    for feedback in mentorship.feedback.all()
                    if feedback.author_id == user.pk
                ],
            }
            for mentorship in relationships
        ],
        "declines": [
            {"declined_by": decline.declined_by, "at": _iso(decline.created_at)}
            for decline in Decline.objects.filter(Q(mentor=user) | Q(mentee=user)).order_by("created_at")
        ],
    }


def erase_mentoring(user):
    """Runs inside the account deletion's transaction, before the account goes."""
    close_for_departed_member(user)
    MentorOffer.objects.filter(user=user).delete()
    MenteeRequest.objects.filter(user=user).delete()
    CheckIn.objects.filter(author=user).delete()
    Feedback.objects.filter(author=user).delete()
    Decline.objects.filter(Q(mentor=user) | Q(mentee=user)).delete()
    Mentorship.objects.filter(mentor=user).update(mentor=None, response_message="")
    Mentorship.objects.filter(mentee=user).update(mentee=None, request_message="")
