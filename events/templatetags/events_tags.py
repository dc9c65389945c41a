from django import template
from wagtail.models import Locale

from events import calendar
from events.forms import AnswersForm
from events.models import EventPage
from events.questions import questions_of
from events.structured_data import event_json_ld as render_event_json_ld

register = template.Library()


@register.simple_tag
def upcoming_events(count=3):
    """The next public events in the active language, for the home page."""
    return list(
        EventPage.objects.live().public().filter(locale=Locale.get_active()).upcoming().select_related("image")[:count]
    )


@register.simple_tag
def google_calendar_url(event):
    return calendar.google_calendar_url(event)


@register.simple_tag
def outlook_calendar_url(event):
    return calendar.outlook_calendar_url(event)


@register.simple_tag
def event_json_ld(event, with_details):
    return render_event_json_ld(event, with_details=bool(with_details))


@register.simple_tag
def answers_form(event):
    """An empty form of `event`'s questions for the registration box, or None if it asks none."""
    questions = questions_of(event)
    return AnswersForm(questions=questions) if questions else None
