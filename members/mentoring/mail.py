"""Emails about a mentoring relationship, sent in the background once the change that caused
them has committed. The task takes the relationship's id, a template name and which person of
the pair it goes to ("mentor" or "mentee"), never a name or address; the email is written in that
person's language (members/mentoring/people.py `language_of`), with a link that lands on the
right portal page after sign-in.

All kinds share one layout (templates/email/mentoring/message.*): the words of each are here.
"""

from django.conf import settings
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _

from home.mail import send_templated_email
from members.mentoring.models import Mentorship
from members.mentoring.people import display_name, language_of


def absolute_url(path):
    return settings.SITE_BASE_URL.rstrip("/") + path


def _partner(mentorship, recipient):
    return display_name(mentorship.mentee if recipient == "mentor" else mentorship.mentor)


def _request_received(mentorship, partner):
    if mentorship.proposed_by_id:
        opening = _("AMASQ staff propose that you mentor %(name)s, who is looking for a mentor.") % {"name": partner}
    else:
        opening = _("%(name)s would like you to be their mentor.") % {"name": partner}
    return {
        "subject": _("A mentoring request from %(name)s") % {"name": partner},
        "paragraphs": [
            opening,
            _("Their goals:"),
        ],
        "quote": mentorship.goals,
        "message": mentorship.request_message,
        "after": [_("Accept or decline from the portal; you can add a word for them either way.")],
        "link_label": _("Answer the request"),
        "link_to": "relationship",
    }


def _request_reminder(mentorship, partner):
    return {
        "subject": _("Reminder: %(name)s is waiting for your answer") % {"name": partner},
        "paragraphs": [
            _("%(name)s asked you to be their mentor and is still waiting for your answer.") % {"name": partner},
            _("Without an answer, the request expires and they are offered other mentors."),
        ],
        "link_label": _("Answer the request"),
        "link_to": "relationship",
    }


def _request_accepted(mentorship, partner):
    return {
        "subject": _("%(name)s accepted to be your mentor") % {"name": partner},
        "paragraphs": [
            _("Good news: %(name)s accepted to be your mentor.") % {"name": partner},
            _("Agree on your goals together, then note your check-ins in the portal: only the two of you see them."),
        ],
        "message": mentorship.response_message,
        "link_label": _("See our mentoring relationship"),
        "link_to": "relationship",
    }


def _request_declined(mentorship, partner):
    return {
        "subject": _("Your mentoring request was declined"),
        "paragraphs": [
            _("%(name)s cannot be your mentor this time.") % {"name": partner},
            _("Other mentors may fit what you are looking for: your suggestions have been refreshed."),
        ],
        "message": mentorship.response_message,
        "link_label": _("See my suggestions"),
        "link_to": "suggestions",
    }


def _request_expired(mentorship, partner):
    return {
        "subject": _("Your mentoring request expired"),
        "paragraphs": [
            _("%(name)s did not answer your request in time, so it has expired.") % {"name": partner},
            _("Other mentors may fit what you are looking for: your suggestions have been refreshed."),
        ],
        "link_label": _("See my suggestions"),
        "link_to": "suggestions",
    }


def _request_lapsed(mentorship, partner):
    return {
        "subject": _("The mentoring request from %(name)s has expired") % {"name": partner},
        "paragraphs": [
            _("The request from %(name)s went unanswered for too long, so it has expired.") % {"name": partner},
            _("There is nothing more to do: they have been offered other mentors."),
        ],
        "link_label": _("Go to mentoring"),
        "link_to": "home",
    }


def _request_withdrawn(mentorship, partner):
    return {
        "subject": _("%(name)s withdrew their mentoring request") % {"name": partner},
        "paragraphs": [
            _("%(name)s withdrew their request: there is nothing for you to answer.") % {"name": partner},
        ],
        "link_label": _("Go to mentoring"),
        "link_to": "home",
    }


def _staff_match(mentorship, partner):
    return {
        "subject": _("AMASQ staff found you a possible mentor"),
        "paragraphs": [
            _("AMASQ staff asked %(name)s to be your mentor. We will write to you when they answer.")
            % {"name": partner},
        ],
        "link_label": _("See my request"),
        "link_to": "relationship",
    }


def _relationship_closed(mentorship, partner):
    return {
        "subject": _("Your mentoring relationship with %(name)s has ended") % {"name": partner},
        "paragraphs": [
            _("%(name)s closed your mentoring relationship. Thank you for taking part!") % {"name": partner},
            _("Two questions, one minute: your feedback helps AMASQ improve the programme."),
        ],
        "link_label": _("Give my feedback"),
        "link_to": "relationship",
    }


def _partner_left(mentorship, partner):
    return {
        "subject": _("Your mentoring relationship has ended"),
        "paragraphs": [
            _("The other person of your mentoring relationship is no longer a member of the portal, so it has ended."),
            _("If you are looking for a mentor, your suggestions are waiting for you in the portal."),
        ],
        "link_label": _("Go to mentoring"),
        "link_to": "home",
    }


KINDS = {
    "request_received": _request_received,
    "request_reminder": _request_reminder,
    "request_accepted": _request_accepted,
    "request_declined": _request_declined,
    "request_expired": _request_expired,
    "request_lapsed": _request_lapsed,
    "request_withdrawn": _request_withdrawn,
    "staff_match": _staff_match,
    "relationship_closed": _relationship_closed,
    "partner_left": _partner_left,
}


def _link(mentorship, link_to):
    if link_to == "relationship":
        return absolute_url(reverse("mentoring:relationship", kwargs={"pk": mentorship.pk}))
    if link_to == "suggestions":
        return absolute_url(reverse("mentoring:suggestions"))
    return absolute_url(reverse("mentoring:home"))


def compose(mentorship, kind, recipient):
    """The email's context in the active language, for `recipient` ("mentor" or "mentee")."""
    context = KINDS[kind](mentorship, _partner(mentorship, recipient) or _("a former member"))
    context["link"] = _link(mentorship, context.pop("link_to"))
    return context


@task()
def send_mentorship_email(mentorship_id, kind, recipient):
    mentorship = (
        Mentorship.objects.select_related(
            "mentor__mentor_offer", "mentor__mentee_request", "mentee__mentor_offer", "mentee__mentee_request"
        )
        .filter(pk=mentorship_id)
        .first()
    )
    person = getattr(mentorship, recipient, None) if mentorship else None
    if person is None or not person.is_active or not person.email:
        return
    language = language_of(person)
    with translation.override(language):
        context = compose(mentorship, kind, recipient)
        context["name"] = person.first_name
    send_templated_email(
        "email/mentoring/message", to=[person.email], language=language, subject=context["subject"], context=context
    )
