from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet, ModelViewSetGroup
from wagtail.permissions import register_permission_policy
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from members.models import AccessRequest, Expertise, Invitation, Service
from members.services import audit
from members.views.admin_accounts import (
    AccessRequestDecisionView,
    DecidablePermissionPolicy,
    ImmutablePermissionPolicy,
    InvitationAdminForm,
    InvitationCreateView,
)
from members.views.directory import DirectoryImportView, importable_directories


class ServiceViewSet(SnippetViewSet):
    model = Service
    icon = "tag"
    menu_label = _("School services")
    list_display = ["name_fr", "name_en", "slug", "sort_order"]
    add_to_admin_menu = False


register_snippet(ServiceViewSet)


@hooks.register("register_admin_urls")
def register_directory_import_url():
    return [path("directory/import/", DirectoryImportView.as_view(), name="members_directory_import")]


class DirectoryImportMenuItem(MenuItem):
    """Shown only to those whose page permissions let them import (see DirectoryImportView)."""

    def is_shown(self, request):
        return importable_directories(request.user).exists()


@hooks.register("register_admin_menu_item")
def register_directory_import_menu_item():
    return DirectoryImportMenuItem(
        _("Import the directory"),
        reverse("members_directory_import"),
        icon_name="upload",
        order=310,
        name="directory-import",
    )


# Member accounts ------------------------------------------------------------------------------


class ExpertiseViewSet(SnippetViewSet):
    model = Expertise
    icon = "tag"
    menu_label = _("Areas of expertise")
    list_display = ["name_fr", "name_en", "slug", "sort_order"]
    add_to_admin_menu = False


register_snippet(ExpertiseViewSet)


class InvitationViewSet(ModelViewSet):
    model = Invitation
    name = "invitations"
    icon = "mail"
    menu_label = _("Invitations")
    add_view_class = InvitationCreateView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["email", "school", "role", "status", "created_at"]
    list_filter = ["role", "language"]
    search_fields = ["email"]
    search_backend_name = None
    inspect_view_fields = [
        "email",
        "school",
        "role",
        "language",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
        "revoked_at",
        "access_request",
    ]
    panels = [FieldPanel("email"), FieldPanel("school"), FieldPanel("role"), FieldPanel("language")]

    def get_edit_handler(self):
        return ObjectList(self.panels, base_form_class=InvitationAdminForm).bind_to_model(self.model)


class AccessRequestViewSet(ModelViewSet):
    model = AccessRequest
    name = "access_requests"
    icon = "user"
    menu_label = _("Access requests")
    edit_view_class = AccessRequestDecisionView
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["__str__", "email", "school", "role", "status", "created_at"]
    list_filter = ["status", "role"]
    search_fields = ["first_name", "last_name", "email"]
    search_backend_name = None
    form_fields = ["refusal_reason"]


class MemberAccountsViewSetGroup(ModelViewSetGroup):
    menu_label = _("Member accounts")
    menu_icon = "group"
    menu_order = 320
    items = (AccessRequestViewSet, InvitationViewSet)


register_permission_policy(Invitation, ImmutablePermissionPolicy(Invitation))
register_permission_policy(AccessRequest, DecidablePermissionPolicy(AccessRequest))


@hooks.register("register_admin_viewset")
def register_member_accounts_viewsets():
    return MemberAccountsViewSetGroup()


@hooks.register("register_log_actions")
def register_member_log_actions(actions):
    for action, (label, message) in audit.ACTIONS.items():
        actions.register_action(action, label, message)
