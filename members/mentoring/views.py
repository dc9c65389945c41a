"""Mentoring in the member portal: thin views over members/mentoring/services.py.

Every page needs a signed-in member (MembersOnlyMixin: others sign in first, and come back to
the page they asked for, which is how links in emails land after sign-in). A relationship is
seen by its pair only: anyone else, AMASQ staff included, gets a 404. Refusals come back as the
page with its errors and the status 400, never a 500.
"""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views import View
from django.views.generic import FormView, TemplateView

from home.forms import fits_key_column
from home.view_mixins import InvalidFormStatus400Mixin
from members.mentoring import services
from members.mentoring.forms import (
    CheckInForm,
    CloseForm,
    FeedbackForm,
    GoalsForm,
    MessageForm,
    OfferForm,
    RequestForm,
)
from members.mentoring.models import Feedback, MenteeRequest, MentorOffer, Mentorship, State
from members.mentoring.people import display_name, school_title_of
from members.mentoring.suggestions import suggestions_for
from members.public import MembersOnlyMixin, can_see_members_only, is_member


def own_offer(user):
    return MentorOffer.objects.filter(user=user).prefetch_related("topics").first()


def own_request(user):
    return MenteeRequest.objects.filter(user=user).prefetch_related("topics").first()


def relationships_of(user):
    return (
        Mentorship.objects.involving(user)
        .select_related("mentor__membership__school", "mentee__membership__school")
        .order_by("-requested_at", "-pk")
    )


def with_titles(relationships, user):
    for mentorship in relationships:
        mentorship.title = mentorship.title_for(user)
    return relationships


def first_language(user):
    """What the language boxes start with: the person's profile languages, else the portal's."""
    profile = getattr(user, "member_profile", None)
    return [code for code in (profile.languages if profile else []) if code] or [get_language()]


class MentoringHomeView(MembersOnlyMixin, TemplateView):
    """Where the person stands: their offer, their request, their relationships, the first
    suggestions; AMASQ staff also find the pool here."""

    template_name = "mentoring/home.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        relationships = with_titles(list(relationships_of(user)[:50]), user)
        request = own_request(user)
        open_relationships = [mentorship for mentorship in relationships if mentorship.is_open]
        context.update(
            can_take_part=is_member(user),
            offer=own_offer(user),
            mentee_request=request,
            open_relationships=open_relationships,
            past_relationships=[mentorship for mentorship in relationships if not mentorship.is_open],
            has_mentor=any(mentorship.mentee_id == user.pk for mentorship in open_relationships),
            suggestions=suggestions_for(user, limit=3) if request and request.open else [],
        )
        return context


class ParticipantMixin(MembersOnlyMixin):
    """Pages for people who take part: members of a school. AMASQ staff who belong to none get a
    403 (anyone else, what MembersOnlyMixin answers)."""

    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and can_see_members_only(user) and not is_member(user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


class OfferView(ParticipantMixin, InvalidFormStatus400Mixin, FormView):
    """Offer to mentor, or change one's offer (pause it too)."""

    template_name = "mentoring/offer_form.html"
    form_class = OfferForm

    def get_initial(self):
        offer = own_offer(self.request.user)
        if offer is None:
            return {"languages": first_language(self.request.user)}
        return {
            "topics": list(offer.topics.all()),
            "capacity": offer.capacity,
            "format": offer.format,
            "languages": offer.languages,
            "years_in_role": offer.years_in_role,
            "availability": offer.availability,
            "paused": offer.paused,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(offer=own_offer(self.request.user), **kwargs)

    def form_valid(self, form):
        try:
            services.save_offer(self.request.user, language=get_language(), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your offer to mentor has been saved."))
        return redirect("mentoring:home")


class RequestView(ParticipantMixin, InvalidFormStatus400Mixin, FormView):
    """Ask for a mentor, or change what one asks for."""

    template_name = "mentoring/request_form.html"
    form_class = RequestForm

    def get_initial(self):
        request = own_request(self.request.user)
        if request is None:
            return {"languages": first_language(self.request.user)}
        return {
            "topics": list(request.topics.all()),
            "goals": request.goals,
            "format": request.format,
            "languages": request.languages,
        }

    def get_context_data(self, **kwargs):
        return super().get_context_data(mentee_request=own_request(self.request.user), **kwargs)

    def form_valid(self, form):
        try:
            services.save_request(self.request.user, language=get_language(), **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("Your request is saved. Here are the mentors who fit it best."))
        return redirect("mentoring:suggestions")


class PostOnlyView(ParticipantMixin, View):
    http_method_names = ["post"]


class PauseView(PostOnlyView):
    """The pause switch of an offer (paused=1 pauses, anything else resumes)."""

    def post(self, request):
        paused = request.POST.get("paused") == "1"
        try:
            services.set_paused(request.user, paused=paused)
        except ValidationError as error:
            messages.error(request, error.messages[0])
        else:
            messages.success(
                request,
                _("Your offer is paused: nobody is suggested your name.")
                if paused
                else _("Your offer is open again."),
            )
        return redirect("mentoring:home")


class StopLookingView(PostOnlyView):
    def post(self, request):
        services.stop_looking(request.user)
        messages.success(request, _("You are no longer looking for a mentor. You can ask again at any time."))
        return redirect("mentoring:home")


class SuggestionsView(ParticipantMixin, TemplateView):
    """The mentors who fit the person's request best, with why."""

    template_name = "mentoring/suggestions.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        user = self.request.user
        request = own_request(user)
        waiting = Mentorship.objects.open().filter(mentee=user).first()
        context.update(
            mentee_request=request,
            current=waiting,
            suggestions=suggestions_for(user) if request and request.open and waiting is None else [],
        )
        return context


def suggested_mentor(user, mentor_id):
    """The suggestion for `mentor_id` among the person's current ones, or 404: nobody may look at
    or ask a mentor the rules do not suggest to them."""
    if not fits_key_column(Mentorship._meta.get_field("mentor"), mentor_id):
        raise Http404
    for suggestion in suggestions_for(user, limit=None):
        if suggestion.mentor.pk == int(mentor_id):
            return suggestion
    raise Http404


class AskView(ParticipantMixin, InvalidFormStatus400Mixin, FormView):
    """Ask a suggested mentor, with an optional message."""

    template_name = "mentoring/ask.html"
    form_class = MessageForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and is_member(request.user):
            self.suggestion = suggested_mentor(request.user, kwargs["mentor_id"])
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(suggestion=self.suggestion, **kwargs)

    def form_valid(self, form):
        try:
            mentorship = services.request_mentor(
                self.request.user, self.suggestion.mentor, message=form.cleaned_data["message"]
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Your request has been sent to %(name)s. We will write to you when they answer.")
            % {"name": display_name(self.suggestion.mentor)},
        )
        return redirect("mentoring:relationship", pk=mentorship.pk)


class DismissView(PostOnlyView):
    """ "Not for me": the suggestion goes away and does not come back."""

    def post(self, request, mentor_id):
        suggestion = suggested_mentor(request.user, mentor_id)
        services.dismiss_suggestion(request.user, suggestion.mentor)
        messages.success(
            request, _("%(name)s will not be suggested to you again.") % {"name": display_name(suggestion.mentor)}
        )
        return redirect("mentoring:suggestions")


class RelationshipMixin(MembersOnlyMixin):
    """A relationship of the signed-in person's (404 for anyone else, staff included)."""

    def get_mentorship(self):
        pk = self.kwargs["pk"]
        mentorship = (
            relationships_of(self.request.user).filter(pk=pk).first()
            if fits_key_column(Mentorship._meta.pk, pk)
            else None
        )
        if mentorship is None:
            raise Http404
        return mentorship

    def relationship_context(self, mentorship, **forms):
        user = self.request.user
        role = mentorship.role_of(user)
        partner = mentorship.partner_of(user)
        own_feedback = Feedback.objects.filter(mentorship=mentorship, role=role).first()
        context = {
            "mentorship": mentorship,
            "title": mentorship.title_for(user),
            "role": role,
            "partner": partner,
            "partner_name": display_name(partner) or _("A former member"),
            "partner_school": school_title_of(partner) if partner else "",
            "check_ins": list(mentorship.check_ins.select_related("author"))
            if mentorship.state != State.REQUESTED
            else [],
            "own_feedback": own_feedback,
            "accept_form": MessageForm(prefix="accept"),
            "decline_form": MessageForm(prefix="decline"),
            "goals_form": GoalsForm(initial={"goals": mentorship.goals}),
            "check_in_form": CheckInForm(),
            "feedback_form": FeedbackForm(),
        }
        context.update(forms)
        return context


class RelationshipView(RelationshipMixin, TemplateView):
    """One request or relationship, with what the person may do next."""

    template_name = "mentoring/relationship.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.update(self.relationship_context(self.get_mentorship()))
        return context


class RelationshipActionView(RelationshipMixin, TemplateView):
    """A POST on a relationship: the form validates, the service acts, back to the relationship
    page with a message; a refusal shows the page again with the errors and the status 400."""

    http_method_names = ["post"]
    template_name = RelationshipView.template_name
    form_class = None
    form_prefix = None
    # The form's name in the relationship page's context, where a refused form is shown again.
    form_name = ""
    success_message = ""

    def act(self, mentorship, data):
        raise NotImplementedError

    def success_url(self, mentorship):
        return reverse("mentoring:relationship", kwargs={"pk": mentorship.pk})

    def post(self, request, pk):
        mentorship = self.get_mentorship()
        form = self.form_class(request.POST, prefix=self.form_prefix) if self.form_class else None
        if form is None or form.is_valid():
            try:
                self.act(mentorship, form.cleaned_data if form else {})
            except ValidationError as error:
                if form is None:
                    messages.error(request, error.messages[0])
                    return redirect("mentoring:relationship", pk=mentorship.pk)
                form.add_error(None, error)
            else:
                messages.success(request, self.success_message)
                return redirect(self.success_url(mentorship))
        context = self.relationship_context(self.get_mentorship(), **{self.form_name: form})
        return self.render_to_response(self.get_context_data(**context), status=400)


class AcceptView(RelationshipActionView):
    form_class = MessageForm
    form_prefix = "accept"
    form_name = "accept_form"

    @property
    def success_message(self):
        return _("You accepted: your mentee has been told. Agree on your goals together.")

    def act(self, mentorship, data):
        services.accept(mentorship, by=self.request.user, message=data["message"])


class DeclineView(RelationshipActionView):
    form_class = MessageForm
    form_prefix = "decline"
    form_name = "decline_form"

    @property
    def success_message(self):
        return _("You declined. The person has been told and gets other suggestions.")

    def act(self, mentorship, data):
        services.decline(mentorship, by=self.request.user, message=data["message"])


class WithdrawView(RelationshipActionView):
    @property
    def success_message(self):
        return _("Your request is withdrawn. You can ask another mentor.")

    def act(self, mentorship, data):
        services.withdraw(mentorship, by=self.request.user)

    def success_url(self, mentorship):
        return reverse("mentoring:suggestions")


class GoalsView(RelationshipActionView):
    form_class = GoalsForm
    form_name = "goals_form"

    @property
    def success_message(self):
        return _("Your shared goals are saved.")

    def act(self, mentorship, data):
        services.set_goals(mentorship, by=self.request.user, goals=data["goals"])


class CheckInView(RelationshipActionView):
    form_class = CheckInForm
    form_name = "check_in_form"

    @property
    def success_message(self):
        return _("Your check-in is noted.")

    def act(self, mentorship, data):
        services.add_check_in(mentorship, by=self.request.user, on=data["date"], note=data["note"])


class FeedbackView(RelationshipActionView):
    form_class = FeedbackForm
    form_name = "feedback_form"

    @property
    def success_message(self):
        return _("Thank you for your feedback.")

    def act(self, mentorship, data):
        services.give_feedback(
            mentorship, by=self.request.user, usefulness=data["usefulness"], goals_met=data["goals_met"]
        )


class CloseView(RelationshipMixin, InvalidFormStatus400Mixin, FormView):
    """End an active relationship, with a short feedback form (optional)."""

    template_name = "mentoring/close.html"
    form_class = CloseForm

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated and can_see_members_only(request.user):
            self.mentorship = self.get_mentorship()
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        return super().get_context_data(
            mentorship=self.mentorship,
            partner_name=display_name(self.mentorship.partner_of(self.request.user)) or _("A former member"),
            **kwargs,
        )

    def form_valid(self, form):
        data = form.cleaned_data
        try:
            services.close(
                self.mentorship,
                by=self.request.user,
                usefulness=data["usefulness"] or None,
                goals_met=data["goals_met"] or None,
            )
        except ValidationError as error:
            form.add_error(None, error)
            return self.form_invalid(form)
        messages.success(self.request, _("The relationship has ended. Thank you for taking part!"))
        return redirect("mentoring:relationship", pk=self.mentorship.pk)
