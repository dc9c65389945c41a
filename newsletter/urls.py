"""Subscribing and the links in newsletter emails, mounted under /fr/infolettre-abonnement/ and
/en/newsletter-subscription/ (amasq_site/urls.py). The archive is a Wagtail page."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from newsletter import views

app_name = "newsletter"

urlpatterns = [
    path("", views.SignupView.as_view(), name="signup"),
    path(_("check-your-inbox/"), views.check_inbox, name="check_inbox"),
    path(_("confirm/<str:token>/"), views.ConfirmView.as_view(), name="confirm"),
    path(_("preferences/<str:key>/"), views.PreferencesView.as_view(), name="preferences"),
    path(_("unsubscribe/<str:key>/"), views.UnsubscribeView.as_view(), name="unsubscribe"),
]
