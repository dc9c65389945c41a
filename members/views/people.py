"""A person's own profile, and the members-only directory of people."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpResponse
from django.shortcuts import redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import FormView, TemplateView

from home.view_mixins import InvalidFormStatus400Mixin
from members.forms.accounts import PeopleSearchForm, ProfileForm
from members.models import SHAREABLE_FIELDS
from members.public import MembersOnlyMixin, PortalMixin
from members.services.profiles import (
    directory_choices,
    paginate_people,
    profile_for,
    record_staff_list_view,
    record_staff_photo_view,
    record_staff_view,
    search_people,
    update_profile,
    visible_profile,
)


class ProfileEditView(PortalMixin, InvalidFormStatus400Mixin, FormView):
    form_class = ProfileForm
    template_name = "members/portal/profile_form.html"

    def dispatch(self, request, *args, **kwargs):
        if request.user.is_authenticated:
            self.profile = profile_for(request.user)
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "profile": self.profile}

    def get_context_data(self, **kwargs):
        return super().get_context_data(profile=self.profile, **kwargs)

    def form_valid(self, form):
        update_profile(self.profile, form.cleaned_data, actor=self.request.user)
        messages.success(self.request, _("Your profile has been saved."))
        return redirect("members:profile")


class PeopleDirectoryView(MembersOnlyMixin, TemplateView):
    """Find peers by name, expertise, region and school (GET form, no JavaScript needed)."""

    template_name = "members/portal/people.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        expertise, schools = directory_choices()
        form = PeopleSearchForm(self.request.GET or None, expertise=expertise, schools=schools)
        profiles = search_people(form, self.request.user)
        results = paginate_people(profiles, self.request.GET.get("page", 1), self.request.user)
        record_staff_list_view(results, self.request.user)
        context.update(form=form, results=results, result_count=results.paginator.count)
        return context


class PersonView(MembersOnlyMixin, TemplateView):
    """One person's profile as the viewer may see it; unlisted people are not found (404)."""

    template_name = "members/portal/person.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        profile, visible = visible_profile(self.kwargs["pk"], self.request.user)
        if profile is None:
            raise Http404
        record_staff_view(profile, self.request.user)
        hidden = set(SHAREABLE_FIELDS) - profile.shared_fields() if profile.listed else set(SHAREABLE_FIELDS)
        context.update(
            profile=profile,
            person=profile.user,
            visible=visible,
            # What the person keeps from other members, flagged for the people who see it anyway.
            hidden_from_members=hidden,
            is_own=profile.user_id == self.request.user.pk,
        )
        return context


@login_required
@require_GET
def person_photo(request, pk):
    """A profile photo, only to those its owner lets see it; never cached by shared caches."""
    profile, visible = visible_profile(pk, request.user)
    if profile is None or "photo" not in visible or not profile.photo:
        raise Http404
    record_staff_photo_view(profile, request.user)
    try:
        with profile.photo.open("rb") as photo:
            content = photo.read()
    except FileNotFoundError as error:
        raise Http404 from error
    # Photos are small (re-encoded at 600 px), so they are sent whole rather than streamed.
    response = HttpResponse(content, content_type="image/jpeg")
    response["Cache-Control"] = "private, max-age=300"
    response["Content-Disposition"] = "inline"
    return response
