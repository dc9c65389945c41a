"""Mentoring in the member portal: thin views over members/mentoring/services.py."""

from django.http import Http404
from django.views.generic import TemplateView

from members.mentoring.models import Mentorship
from members.public import MembersOnlyMixin


class MentoringHomeView(MembersOnlyMixin, TemplateView):
    template_name = "mentoring/home.html"


class SuggestionsView(MembersOnlyMixin, TemplateView):
    template_name = "mentoring/suggestions.html"


class RelationshipView(MembersOnlyMixin, TemplateView):
    """One relationship, for the pair only (anyone else: 404, AMASQ staff included)."""

    template_name = "mentoring/relationship.html"

    def get_context_data(self, **kwargs):
        mentorship = Mentorship.objects.involving(self.request.user).filter(pk=self.kwargs["pk"]).first()
        if mentorship is None:
            raise Http404
        return super().get_context_data(mentorship=mentorship, **kwargs)
