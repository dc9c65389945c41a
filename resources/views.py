from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import get_object_or_404, redirect
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET
from django.views.generic import FormView
from wagtail.documents import get_document_model

from home.view_mixins import InvalidFormStatus400Mixin
from members.public import MembersOnlyMixin, is_member
from resources.access import refusal
from resources.forms import ProposalForm
from resources.proposals import propose_resource


@require_GET
def resource_file(request, document_id):
    """A resource file's lasting address: it stays the same when staff replace the file (Wagtail's
    own address carries the file name). Checks access, then hands over to Wagtail's document view."""
    document = get_object_or_404(get_document_model(), pk=document_id)
    return refusal(request, document) or redirect(document.url)


class ProposeResourceView(MembersOnlyMixin, InvalidFormStatus400Mixin, FormView):
    """A member proposes a resource; AMASQ staff review it before it is published."""

    template_name = "resources/portal/propose.html"
    form_class = ProposalForm

    def form_valid(self, form):
        user = self.request.user
        if not is_member(user):
            form.add_error(None, _("Only the staff of a member school can propose a resource."))
            return self.form_invalid(form)
        data = form.cleaned_data
        try:
            propose_resource(
                user=user,
                title=data["title"],
                summary=data["summary"],
                themes=data["themes"],
                kind=data["kind"],
                material_language=data["material_language"],
                audience=data["audience"],
                upload=data["file"],
                language=get_language() or "fr",
                school=user.membership.school,
            )
        except ValidationError as error:
            for message in error.messages:
                form.add_error(None, message)
            return self.form_invalid(form)
        messages.success(
            self.request,
            _("Thank you! AMASQ staff will review your resource and you will get an email once it is published."),
        )
        return redirect(reverse("members:home"))
