"""Mentoring in the member portal, mounted under /fr/portail/mentorat/ and /en/portal/mentoring/
(amasq_site/urls.py)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from members.mentoring import staff_views, views

app_name = "mentoring"

urlpatterns = [
    path("", views.MentoringHomeView.as_view(), name="home"),
    # Taking part: the offer to mentor, the request for a mentor.
    path(_("offer/"), views.OfferView.as_view(), name="offer"),
    path(_("offer/pause/"), views.PauseView.as_view(), name="pause"),
    path(_("request/"), views.RequestView.as_view(), name="request"),
    path(_("request/stop/"), views.StopLookingView.as_view(), name="stop_looking"),
    # A mentee's suggestions, and asking one of them.
    path(_("suggestions/"), views.SuggestionsView.as_view(), name="suggestions"),
    path(_("mentors/<id:mentor_id>/ask/"), views.AskView.as_view(), name="ask"),
    path(_("mentors/<id:mentor_id>/dismiss/"), views.DismissView.as_view(), name="dismiss"),
    # A relationship, for its pair only.
    path(_("relationships/<id:pk>/"), views.RelationshipView.as_view(), name="relationship"),
    path(_("relationships/<id:pk>/accept/"), views.AcceptView.as_view(), name="accept"),
    path(_("relationships/<id:pk>/decline/"), views.DeclineView.as_view(), name="decline"),
    path(_("relationships/<id:pk>/withdraw/"), views.WithdrawView.as_view(), name="withdraw"),
    path(_("relationships/<id:pk>/goals/"), views.GoalsView.as_view(), name="goals"),
    path(_("relationships/<id:pk>/check-ins/"), views.CheckInView.as_view(), name="check_in"),
    path(_("relationships/<id:pk>/close/"), views.CloseView.as_view(), name="close"),
    path(_("relationships/<id:pk>/feedback/"), views.FeedbackView.as_view(), name="feedback"),
    # AMASQ staff.
    path(_("pool/"), staff_views.PoolView.as_view(), name="pool"),
    path(_("pool/proposal/"), staff_views.ProposalView.as_view(), name="proposal"),
    path(_("reports/"), staff_views.ReportsView.as_view(), name="reports"),
    path(_("reports/mentoring.csv"), staff_views.ReportsCSVView.as_view(), name="reports_csv"),
]
