"""members/public.py: what the apps above `members` rely on to tell members from everyone else."""

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core.exceptions import PermissionDenied
from django.http import HttpResponse
from django.test import RequestFactory
from django.utils import timezone
from django.views import View
from django.views.generic import TemplateView
from wagtail import hooks

from members.models import MemberRole
from members.public import (
    MembersOnlyMixin,
    PortalSection,
    can_see_members_only,
    is_amasq_staff,
    is_member,
    register_portal_section,
)
from members.services.portal import HOOK_NAME, render_portal_sections
from tests.factories.accounts import MembershipFactory, UserFactory, add_totp, make_member, make_staff

pytestmark = pytest.mark.django_db


class MembersOnlyPage(MembersOnlyMixin, View):
    """What an app above `members` (events, resources…) would write."""

    def get(self, request):
        return HttpResponse("réservé aux membres")


def get_as(user):
    request = RequestFactory().get("/fr/evenements/mes-inscriptions/")
    request.user = user
    return MembersOnlyPage.as_view()(request)


@pytest.fixture
def member(schools):
    return make_member(schools["levis"])


@pytest.fixture
def deactivated_member(schools):
    user = make_member(schools["levis"])
    user.is_active = False
    user.save(update_fields=["is_active"])
    user.membership.deactivated_at = timezone.now()
    user.membership.save(update_fields=["deactivated_at"])
    return user


def test_anonymous_visitors_are_neither_members_nor_staff_and_are_sent_to_sign_in():
    anonymous = AnonymousUser()

    assert not is_member(anonymous)
    assert not is_amasq_staff(anonymous)
    assert not can_see_members_only(anonymous)
    response = get_as(anonymous)
    assert response.status_code == 302
    assert "next=/fr/evenements/mes-inscriptions/" in response["Location"]


def test_a_deactivated_member_is_no_longer_a_member(deactivated_member):
    assert not is_member(deactivated_member)
    assert not can_see_members_only(deactivated_member)


def test_a_membership_marked_deactivated_is_not_a_member_even_if_the_account_is_active(schools):
    user = make_member(schools["levis"])
    user.membership.deactivated_at = timezone.now()
    user.membership.save(update_fields=["deactivated_at"])

    assert not is_member(user)
    with pytest.raises(PermissionDenied):
        get_as(user)


def test_an_account_without_a_school_is_refused(db):
    without_school = MembershipFactory(school=None).user
    no_membership = UserFactory()

    for user in (without_school, no_membership):
        assert not is_member(user)
        with pytest.raises(PermissionDenied):
            get_as(user)


def test_a_member_of_a_school_is_a_member_and_gets_in(member, schools):
    coordinator = make_member(schools["lasalle"], role=MemberRole.COORDINATOR)

    for user in (member, coordinator):
        assert is_member(user)
        assert not is_amasq_staff(user)
        response = get_as(user)
        assert response.status_code == 200
        assert response.content.decode() == "réservé aux membres"


def test_amasq_staff_get_in_without_being_members_of_a_school(db):
    staff = make_staff()

    assert is_amasq_staff(staff)
    assert not is_member(staff)
    assert can_see_members_only(staff)
    assert get_as(staff).status_code == 200


def test_a_superuser_with_two_factor_is_amasq_staff(db):
    superuser = UserFactory(is_superuser=True)
    assert not is_amasq_staff(superuser)

    add_totp(superuser)

    assert is_amasq_staff(UserFactory._meta.model.objects.get(pk=superuser.pk))


def test_a_deactivated_staff_account_is_not_staff(db):
    staff = make_staff()
    staff.is_active = False
    staff.save(update_fields=["is_active"])

    assert not is_amasq_staff(staff)


def test_the_mixin_gives_the_portal_layout_what_its_menu_needs(member):
    class Page(MembersOnlyMixin, TemplateView):
        template_name = "members/portal/base.html"

    request = RequestFactory().get("/fr/ressources/")
    request.user = member
    response = Page.as_view()(request)

    assert response.context_data["membership"] == member.membership
    assert response.context_data["is_amasq_staff"] is False
    assert response.context_data["is_coordinator"] is False


def test_register_portal_section_adds_a_section_to_the_portal_home(monkeypatch, member):
    # The registry is global: give the test its own copy so the section does not outlive it.
    monkeypatch.setitem(hooks._hooks, HOOK_NAME, list(hooks._hooks.get(HOOK_NAME, [])))

    @register_portal_section
    def resources_section():
        return PortalSection(
            key="test-section",
            title="Section d’essai",
            template="members/portal/includes/portal_nav.html",
            get_context=lambda request: {"membership": None, "is_amasq_staff": False},
        )

    request = RequestFactory().get("/fr/membres/")
    request.user = member
    sections = render_portal_sections(request)

    assert resources_section().key == "test-section"  # the decorator hands the function back
    # The apps' own sections (mentoring, newsletter…) are there too: this one is added to them.
    added = [section for section in sections if section.key == "test-section"]
    assert [section.title for section in added] == ["Section d’essai"]
