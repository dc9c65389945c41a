"""Registration for events, mounted under /fr/inscriptions-evenements/ and /en/event-registrations/
(amasq_site/urls.py). The event pages themselves are Wagtail pages."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from events import views

app_name = "events"

urlpatterns = [
    path(_("<id:event_id>/register/"), views.MemberRegisterView.as_view(), name="register"),
    path(_("<id:event_id>/calendar.ics"), views.event_ics, name="ics"),
    path(_("calendar.ics"), views.public_feed, name="feed"),
    path(_("<id:event_id>/guest/"), views.GuestRegisterView.as_view(), name="guest_register"),
    path(_("confirm/<str:token>/"), views.ConfirmView.as_view(), name="confirm"),
    path(_("cancel/<str:token>/"), views.CancelView.as_view(), name="cancel"),
]
