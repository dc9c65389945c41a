"""Resource files and proposals, mounted under /fr/fichiers-ressources/ and /en/resource-files/
(amasq_site/urls.py). The resources themselves are Wagtail pages."""

from django.urls import path

from resources import views

app_name = "resources"

urlpatterns = [
    path("<id:document_id>/", views.resource_file, name="file"),
]
