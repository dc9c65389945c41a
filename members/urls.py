"""The member portal, mounted under /fr/portail/ and /en/portal/ (amasq_site/urls.py)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from members.views import joining, people, portal, privacy, school

app_name = "members"

urlpatterns = [
    path("", portal.PortalHomeView.as_view(), name="home"),
    # Joining: the only portal pages open to anonymous visitors.
    path(_("invitation/<str:token>/"), joining.AcceptInvitationView.as_view(), name="accept_invitation"),
    path(_("request-access/"), joining.AccessRequestView.as_view(), name="request_access"),
    path(_("request-access/sent/"), joining.AccessRequestSentView.as_view(), name="request_access_sent"),
    # The person's own profile, and the members directory of people.
    path(_("profile/"), people.ProfileEditView.as_view(), name="profile"),
    path(_("members/"), people.PeopleDirectoryView.as_view(), name="people"),
    path(_("members/<id:pk>/"), people.PersonView.as_view(), name="person"),
    path(_("members/<id:pk>/photo/"), people.person_photo, name="person_photo"),
    # A school's team, invitations and directory entry: its coordinator and AMASQ staff.
    path(_("schools/<id:school_id>/"), school.SchoolTeamView.as_view(), name="school"),
    path(_("schools/<id:school_id>/invite/"), school.InviteView.as_view(), name="invite"),
    path(
        _("schools/<id:school_id>/invitations/<id:pk>/cancel/"),
        school.RevokeInvitationView.as_view(),
        name="revoke_invitation",
    ),
    path(
        _("schools/<id:school_id>/members/<id:user_id>/deactivate/"),
        school.DeactivateMemberView.as_view(),
        name="deactivate_member",
    ),
    path(
        _("schools/<id:school_id>/members/<id:user_id>/reactivate/"),
        school.ReactivateMemberView.as_view(),
        name="reactivate_member",
    ),
    path(
        _("schools/<id:school_id>/members/<id:user_id>/role/"),
        school.ChangeRoleView.as_view(),
        name="change_role",
    ),
    path(
        _("schools/<id:school_id>/members/<id:user_id>/move/"),
        school.MoveMemberView.as_view(),
        name="move_member",
    ),
    path(_("schools/<id:school_id>/directory-entry/"), school.SchoolEntryView.as_view(), name="school_entry"),
    # Privacy (Law 25): see, download and delete one's own data.
    path(_("privacy/"), privacy.PrivacyView.as_view(), name="privacy"),
    path(_("privacy/download/"), privacy.ExportView.as_view(), name="export"),
    path(_("privacy/delete/"), privacy.DeleteAccountView.as_view(), name="delete_account"),
]
