"""Mentoring in the member portal, mounted under /fr/portail/mentorat/ and /en/portal/mentoring/
(amasq_site/urls.py)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from members.mentoring import views

app_name = "mentoring"

urlpatterns = [
    path("", views.MentoringHomeView.as_view(), name="home"),
    path(_("suggestions/"), views.SuggestionsView.as_view(), name="suggestions"),
    path(_("relationships/<id:pk>/"), views.RelationshipView.as_view(), name="relationship"),
]
