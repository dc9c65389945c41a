"""The staff's CSV import of the directory, in the Wagtail admin."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.validators import FileExtensionValidator
from django.shortcuts import redirect
from django.utils.translation import gettext_lazy as _
from django.views.generic import FormView
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin

from members.models import MASDirectoryPage
from members.open_data import CSV_COLUMNS
from members.services.directory import DirectoryImportError, import_directory_csv

MAX_IMPORT_BYTES = 2 * 1024 * 1024


def may_import_into(user, directory):
    """Whether `user` may create and publish schools under `directory` and its translations, as
    Wagtail's page permissions say (they live on pages, not in Django's has_perm)."""
    for page in [directory, *directory.get_translations()]:
        permissions = page.permissions_for_user(user)
        if not (permissions.can_add_subpage() and permissions.can_publish_subpage()):
            return False
    return True


def importable_directories(user):
    """The directories `user` may import into (a queryset, possibly empty)."""
    directories = MASDirectoryPage.objects.all()
    allowed = [directory.pk for directory in directories if may_import_into(user, directory)]
    return directories.filter(pk__in=allowed).select_related("locale")


class DirectoryImportForm(forms.Form):
    directory = forms.ModelChoiceField(
        label=_("Directory"),
        queryset=MASDirectoryPage.objects.none(),
        help_text=_("New schools are also created in the other languages' directories, to be translated."),
    )
    csv_file = forms.FileField(
        label=_("CSV file"),
        help_text=_("UTF-8, with the columns of the export. One school per line; the first line names the columns."),
        validators=[FileExtensionValidator(["csv", "txt"])],
    )

    def __init__(self, *args, directories, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["directory"].queryset = directories

    def clean_csv_file(self):
        csv_file = self.cleaned_data["csv_file"]
        if csv_file.size > MAX_IMPORT_BYTES:
            raise forms.ValidationError(_("The file is too large (2 MB at most)."))
        return csv_file


class DirectoryImportView(WagtailAdminTemplateMixin, FormView):
    """Staff load or update the whole member list from a spreadsheet; all or nothing."""

    form_class = DirectoryImportForm
    template_name = "members/admin/directory_import.html"
    page_title = _("Import the directory")
    header_icon = "upload"

    def dispatch(self, request, *args, **kwargs):
        self.directories = importable_directories(request.user)
        if not self.directories:
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_form_kwargs(self):
        return {**super().get_form_kwargs(), "directories": self.directories}

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["columns"] = CSV_COLUMNS
        context["directories"] = self.directories
        return context

    def form_valid(self, form):
        try:
            report = import_directory_csv(
                form.cleaned_data["directory"].specific, form.cleaned_data["csv_file"], user=self.request.user
            )
        except DirectoryImportError as error:
            for message in error.messages:
                form.add_error("csv_file", message)
            messages.error(self.request, _("Nothing was imported: correct the lines below and try again."))
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Import done: %(created)d schools created, %(updated)d updated.")
            % {"created": report.created, "updated": report.updated},
        )
        return redirect("members_directory_import")
