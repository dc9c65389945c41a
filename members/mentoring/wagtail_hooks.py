from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from members.mentoring.models import MenteeRequest, MentorOffer, Mentorship
from members.mentoring.personal_data import erase_mentoring, export_mentoring
from members.mentoring.suggestions import suggestions_for
from members.public import (
    PersonalData,
    PortalSection,
    is_amasq_staff,
    is_member,
    register_personal_data,
    register_portal_section,
)


def mentoring_context(request):
    """The person's mentoring at a glance on the portal home: what is under way, their
    suggestions, or an invitation to take part; for AMASQ staff, the mentees waiting."""
    user = request.user
    staff = is_amasq_staff(user)
    if not is_member(user):
        return {"staff": True, "waiting": MenteeRequest.objects.waiting().count()} if staff else None
    relationships = list(
        Mentorship.objects.open().involving(user).select_related("mentor", "mentee").order_by("-requested_at")
    )
    for mentorship in relationships:
        mentorship.title = mentorship.title_for(user)
    looking = MenteeRequest.objects.filter(user=user, open=True).exists()
    has_mentor = any(mentorship.mentee_id == user.pk for mentorship in relationships)
    return {
        "staff": staff,
        "relationships": relationships,
        "to_answer": sum(
            1 for mentorship in relationships if mentorship.mentor_id == user.pk and mentorship.state == "requested"
        ),
        "suggestion_count": len(suggestions_for(user)) if looking and not has_mentor else 0,
        "looking": looking,
        "offers": MentorOffer.objects.filter(user=user).exists(),
    }


@register_portal_section
def mentoring_section():
    return PortalSection(
        key="mentoring",
        title=_("Mentoring"),
        template="mentoring/portal_section.html",
        get_context=mentoring_context,
        order=20,
    )


@register_personal_data
def mentoring_personal_data():
    return PersonalData(key="mentoring", export=export_mentoring, erase=erase_mentoring)


class PoolMenuItem(MenuItem):
    """The mentoring pool lives in the portal; AMASQ staff find it from the admin too."""

    def is_shown(self, request):
        return is_amasq_staff(request.user)


@hooks.register("register_admin_menu_item")
def register_mentoring_menu_item():
    return PoolMenuItem(_("Mentoring"), reverse("mentoring:pool"), icon_name="group", name="mentoring", order=320)
