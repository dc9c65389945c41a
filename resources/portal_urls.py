"""The portal's resource pages, mounted under /fr/portail/ressources/ and /en/portal/resources/
(amasq_site/urls.py)."""

from django.urls import path
from django.utils.translation import gettext_lazy as _

from resources import views

app_name = "resources_portal"

urlpatterns = [
    path(_("propose/"), views.ProposeResourceView.as_view(), name="propose"),
]
