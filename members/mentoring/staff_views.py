"""AMASQ staff's side of mentoring, in the portal: the whole pool, matching by hand, the
whole-pool proposal reviewed before anyone is told, and the reports (aggregates, CSV).

AMASQ staff only (two-factor authentication set up, as for every staff power in the portal);
members get a 403. Staff see who takes part and the state of relationships, never their notes.
"""

import csv

from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpResponse
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.generic import TemplateView

from home.forms import fits_key_column
from members.mentoring import pool, services
from members.mentoring.forms import ManualMatchForm
from members.mentoring.people import display_name
from members.mentoring.reports import build_report, report_rows
from members.public import MembersOnlyMixin, can_see_members_only, is_amasq_staff

# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def spreadsheet_safe(value):
    text = str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else value


class StaffOnlyMixin(MembersOnlyMixin):
    def dispatch(self, request, *args, **kwargs):
        user = request.user
        if user.is_authenticated and can_see_members_only(user) and not is_amasq_staff(user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)


def match_form(data=None):
    users = get_user_model().objects.order_by("last_name", "first_name", "pk")
    return ManualMatchForm(
        data,
        mentees=users.filter(mentee_request__in=pool.waiting_mentees()),
        mentors=users.filter(mentor_offer__in=pool.pool_offers()),
    )


class PoolView(StaffOnlyMixin, TemplateView):
    """Everyone waiting for a mentor, every mentor with their load, the open relationships, and
    a form to match two people by hand."""

    template_name = "mentoring/staff/pool.html"
    http_method_names = ["get", "post"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context.setdefault("form", match_form())
        context.update(
            mentees=list(pool.waiting_mentees()),
            offers=list(pool.pool_offers()),
            relationships=list(pool.open_relationships()),
            now=timezone.now(),
        )
        return context

    def post(self, request):
        """Match by hand: a request on the mentee's behalf, which the mentor answers."""
        form = match_form(request.POST)
        if form.is_valid():
            mentee, mentor = form.cleaned_data["mentee"], form.cleaned_data["mentor"]
            try:
                services.match_by_hand(mentee, mentor, by=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request,
                    _("%(mentor)s has been asked to mentor %(mentee)s; both have been told.")
                    % {"mentor": display_name(mentor), "mentee": display_name(mentee)},
                )
                return redirect("mentoring:pool")
        return self.render_to_response(self.get_context_data(form=form), status=400)


class ProposalView(StaffOnlyMixin, TemplateView):
    """The whole-pool proposal: one row per waiting mentee with the proposed mentor, which staff
    can change or clear; nobody is told until staff confirm, and then only the pairs kept."""

    template_name = "mentoring/staff/proposal.html"
    http_method_names = ["get", "post"]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        proposal = pool.propose()
        ids = {pair.mentee_id for pair in proposal}
        ids |= {pair.mentor_id for pair in proposal if pair.mentor_id}
        ids |= {mentor_id for pair in proposal for mentor_id, _fit in pair.alternatives}
        people = get_user_model().objects.select_related("membership__school").in_bulk(ids)
        rows = [
            {
                "mentee": people[pair.mentee_id],
                "field": f"mentor_{pair.mentee_id}",
                "proposed": people.get(pair.mentor_id),
                "fit": pair.fit,
                "choices": ([(people[pair.mentor_id], pair.fit)] if pair.mentor_id else [])
                + [(people[mentor_id], fit) for mentor_id, fit in pair.alternatives],
            }
            for pair in proposal
        ]
        context.update(rows=rows, matched=sum(1 for pair in proposal if pair.mentor_id))
        return context

    def pairs_from(self, data):
        """The (mentee, mentor) pairs staff kept: a mentor chosen for a mentee still waiting.
        Values that are not ids of such people are ignored."""
        waiting = {request.user_id: request.user for request in pool.waiting_mentees()}
        chosen = {}
        for mentee_id, mentee in waiting.items():
            value = data.get(f"mentor_{mentee_id}", "")
            if value and fits_key_column(get_user_model()._meta.pk, value):
                chosen[mentee] = int(value)
        mentors = get_user_model().objects.in_bulk(set(chosen.values()))
        return [(mentee, mentors[mentor_id]) for mentee, mentor_id in chosen.items() if mentor_id in mentors]

    def post(self, request):
        created, refused = services.confirm_proposal(self.pairs_from(request.POST), by=request.user)
        if created:
            messages.success(
                request,
                ngettext(
                    "%(count)d request sent; the mentor and the mentee have been told.",
                    "%(count)d requests sent; the mentors and the mentees have been told.",
                    len(created),
                )
                % {"count": len(created)},
            )
        for mentee, mentor, reason in refused:
            messages.warning(
                request,
                _("%(mentee)s and %(mentor)s were not matched: %(reason)s")
                % {"mentee": display_name(mentee), "mentor": display_name(mentor), "reason": reason},
            )
        if not created and not refused:
            messages.info(request, _("No pair was kept: nobody has been told anything."))
        return redirect("mentoring:pool")


class ReportsView(StaffOnlyMixin, TemplateView):
    template_name = "mentoring/staff/reports.html"

    def get_context_data(self, **kwargs):
        return super().get_context_data(report=build_report(), **kwargs)


class ReportsCSVView(StaffOnlyMixin, TemplateView):
    def get(self, request):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        response["Content-Disposition"] = f'attachment; filename="mentoring-{timezone.localdate():%Y-%m-%d}.csv"'
        response.write("\ufeff")  # so that spreadsheet programs read the accents right
        writer = csv.writer(response)
        writer.writerow([_("Section"), _("Item"), _("Value")])
        for row in report_rows(build_report()):
            writer.writerow([spreadsheet_safe(value) for value in row])
        return response
