from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from members.models import Service
from members.views.directory import DirectoryImportView


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


@hooks.register("register_admin_menu_item")
def register_directory_import_menu_item():
    return MenuItem(
        _("Import the directory"),
        reverse("members_directory_import"),
        icon_name="upload",
        order=310,
        name="directory-import",
    )
