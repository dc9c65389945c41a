"""Registering for an event, confirming a guest's address, cancelling: thin views over events.services.

Every outcome comes back to the event page with a message in the person's language; none needs
JavaScript (plain POST forms)."""

from datetime import timedelta

from django.contrib import messages
from django.contrib.auth.mixins import LoginRequiredMixin
from django.core.exceptions import ValidationError
from django.http import Http404, HttpResponse, HttpResponseRedirect
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView
from wagtail.models import Locale

from events import services
from events.calendar import event_calendar, events_feed
from events.forms import AnswersForm, GuestRegistrationForm
from events.models import Audience, EventPage, RegistrationStatus
from events.questions import questions_of
from home.view_mixins import InvalidFormStatus400Mixin
from members.public import can_see_members_only


def live_event(event_id):
    return get_object_or_404(EventPage.objects.live().public(), pk=event_id)


def in_active_language(event):
    return event.get_translation_or_none(Locale.get_active()) or event


def back_to(event):
    return HttpResponseRedirect(in_active_language(event).url)


def outcome_message(request, registration):
    if registration.status == RegistrationStatus.CONFIRMED:
        messages.success(request, _("You are registered. See you there!"))
    elif registration.status == RegistrationStatus.WAITLISTED:
        messages.info(
            request, _("The event is full: you are on the waitlist. We will write to you if a seat frees up.")
        )
    elif registration.status == RegistrationStatus.PENDING:
        messages.info(
            request, _("Almost done: we sent you an email. Open the link in it to confirm your registration.")
        )


class RegistrationFormView(InvalidFormStatus400Mixin, FormView):
    """A registration form for the event of the URL, with its questions in the visitor's language."""

    def dispatch(self, request, *args, **kwargs):
        self.event = live_event(kwargs["event_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "questions": questions_of(in_active_language(self.event))}

    def get_context_data(self, **kwargs):
        event = in_active_language(self.event)
        return super().get_context_data(
            event=event, page=event, registration_state=event.registration_state(), **kwargs
        )


class MemberRegisterView(LoginRequiredMixin, RegistrationFormView):
    """One click from the event page: the member's name and email come from their account, and the
    event's questions (if any) are answered in the same form. GET shows that form on a page of its
    own, as does a POST whose answers need fixing."""

    form_class = AnswersForm
    template_name = "events/member_register.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            registration=services.registration_of(self.event, self.request.user),
            viewer_is_member=can_see_members_only(self.request.user),
            **kwargs,
        )

    def form_valid(self, form):
        try:
            registration = services.register_member(
                self.event, self.request.user, language=get_language(), answers=form.answers()
            )
        except ValidationError as error:
            if any(code.startswith("answer_") for code in codes_of(error)):
                form.add_error(None, error)
                return self.form_invalid(form)
            messages.error(self.request, error.messages[0])
        else:
            outcome_message(self.request, registration)
        return back_to(self.event)


def codes_of(error):
    return [getattr(item, "code", "") or "" for item in error.error_list]


class GuestRegisterView(RegistrationFormView):
    """A public event's registration form for people without an account."""

    form_class = GuestRegistrationForm
    template_name = "events/guest_register.html"

    def get_form_kwargs(self):
        if self.event.members_only:
            raise Http404
        return super().get_form_kwargs()

    def form_valid(self, form):
        try:
            registration = services.register_guest(
                self.event,
                name=form.cleaned_data["name"],
                email=form.cleaned_data["email"],
                language=get_language(),
                answers=form.answers(),
                newsletter_opt_in=form.cleaned_data.get("newsletter", False),
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        outcome_message(self.request, registration)
        return back_to(self.event)


class TokenView(View):
    """A link from an email: GET shows what the button will do (link scanners only GET), POST does it."""

    template_name = ""

    def dispatch(self, request, *args, **kwargs):
        try:
            self.registration = services.registration_for_token(kwargs["token"])
        except ValidationError as error:
            return TemplateResponse(request, "events/bad_link.html", {"message": error.messages[0]}, status=404)
        return super().dispatch(request, *args, **kwargs)

    def get(self, request, token):
        event = in_active_language(self.registration.event)
        return TemplateResponse(
            request, self.template_name, {"registration": self.registration, "event": event, "page": event}
        )


class ConfirmView(TokenView):
    template_name = "events/confirm.html"

    def post(self, request, token):
        # The same link confirms a guest's address and, from the waitlist, takes an offered seat.
        offered = self.registration.status == RegistrationStatus.WAITLISTED or self.registration.offer_expires
        confirm = services.accept_offer if offered else services.confirm_guest
        try:
            registration = confirm(token)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            outcome_message(request, registration)
        return back_to(self.registration.event)


class CancelView(TokenView):
    template_name = "events/cancel.html"

    def post(self, request, token):
        services.cancel(self.registration)
        messages.success(request, _("Your registration is cancelled. Thank you for letting us know."))
        return back_to(self.registration.event)


def event_ics(request, event_id):
    """The event as an .ics file; a members-only event's only for members, the meeting link only
    for a confirmed attendee."""
    event = in_active_language(live_event(event_id))
    if not event.details_visible_to(request.user):
        raise Http404
    registration = services.registration_of(event, request.user)
    confirmed = registration is not None and registration.status == RegistrationStatus.CONFIRMED
    response = HttpResponse(
        event_calendar(event, meeting_link=event.meeting_link if confirmed else ""),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'attachment; filename="{event.slug}.ics"'
    return response


# Past events stay in the feed a while, so a subscriber's calendar keeps what they attended.
FEED_PAST_DAYS = 90


def public_feed(request):
    """The public events of the visitor's language as a calendar to subscribe to; members-only
    events are never in it."""
    since = timezone.now() - timedelta(days=FEED_PAST_DAYS)
    events = (
        EventPage.objects.live()
        .public()
        .filter(locale=Locale.get_active(), audience=Audience.PUBLIC, end__gte=since)
        .order_by("start", "pk")
    )
    response = HttpResponse(events_feed(events, name=_("AMASQ events")), content_type="text/calendar; charset=utf-8")
    response["Cache-Control"] = "public, max-age=900"
    return response
