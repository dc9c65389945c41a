"""Actions recorded in Wagtail's audit log about member accounts and their personal data.

Registered with Wagtail in members/wagtail_hooks.py, so staff see them in Reports → Site history.
Entries name the person through the log entry's label only (erased when the account is
deleted); their data lists which fields changed, never the values (a role change or a move
records the role codes or school ids, which say nothing about the person).
"""

from django.utils.translation import gettext_lazy as _

ACCOUNT_CREATED = "members.account_created"
PROFILE_VIEWED = "members.profile_viewed"
HIDDEN_FIELDS_LISTED = "members.hidden_fields_listed"
PRIVATE_PHOTO_VIEWED = "members.private_photo_viewed"
PROFILE_EDITED = "members.profile_edited"
CONSENT_CHANGED = "members.consent_changed"
DATA_EXPORTED = "members.data_exported"
MEMBER_DEACTIVATED = "members.deactivated"
MEMBER_REACTIVATED = "members.reactivated"
MEMBER_ROLE_CHANGED = "members.role_changed"
MEMBER_MOVED = "members.moved"
ACCOUNT_DELETED = "members.account_deleted"
INVITATION_SENT = "members.invitation_sent"
INVITATION_ACCEPTED = "members.invitation_accepted"
INVITATION_REVOKED = "members.invitation_revoked"
ACCESS_REQUEST_APPROVED = "members.access_request_approved"
ACCESS_REQUEST_REFUSED = "members.access_request_refused"
SCHOOL_CHANGES_PROPOSED = "members.school_changes_proposed"

ACTIONS = {
    ACCOUNT_CREATED: (_("Member account created"), _("Account created")),
    PROFILE_VIEWED: (_("Member profile viewed by staff"), _("Profile viewed by AMASQ staff")),
    HIDDEN_FIELDS_LISTED: (
        _("Hidden profile fields seen by staff in the people list"),
        _("Fields you keep from members seen by AMASQ staff in the members directory"),
    ),
    PRIVATE_PHOTO_VIEWED: (_("Private photo viewed by staff"), _("Photo you keep from members viewed by AMASQ staff")),
    PROFILE_EDITED: (_("Member profile edited"), _("Profile edited")),
    CONSENT_CHANGED: (_("Consent changed"), _("Consent to show the profile changed")),
    DATA_EXPORTED: (_("Personal data exported"), _("Personal data downloaded")),
    MEMBER_DEACTIVATED: (_("Member deactivated"), _("Account deactivated")),
    MEMBER_REACTIVATED: (_("Member reactivated"), _("Account reactivated")),
    MEMBER_ROLE_CHANGED: (_("Member role changed"), _("Role in the school changed")),
    MEMBER_MOVED: (_("Member moved to another school"), _("Moved to another school")),
    ACCOUNT_DELETED: (_("Member account deleted"), _("Account and personal data deleted")),
    INVITATION_SENT: (_("Invitation sent"), _("Invitation sent")),
    INVITATION_ACCEPTED: (_("Invitation accepted"), _("Invitation accepted")),
    INVITATION_REVOKED: (_("Invitation cancelled"), _("Invitation cancelled")),
    ACCESS_REQUEST_APPROVED: (_("Access request approved"), _("Access request approved")),
    ACCESS_REQUEST_REFUSED: (_("Access request refused"), _("Access request refused")),
    SCHOOL_CHANGES_PROPOSED: (_("Directory changes proposed"), _("Changes to the directory entry proposed")),
}
