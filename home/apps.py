from django.apps import AppConfig
from django.urls import register_converter
from django.utils.translation import gettext_lazy as _

from home.converters import IdConverter


class HomeConfig(AppConfig):
    name = "home"
    verbose_name = _("Site and shared pages")

    def ready(self):
        # Registered once, for every app's URLs: `<id:pk>` (see home/converters.py).
        register_converter(IdConverter, "id")
        # Imported here, the usual place: they need the models loaded.
        from home.caching import install_locale_cache, share_allauth_cache
        from home.signal_handlers import register_signal_handlers

        install_locale_cache()
        share_allauth_cache()
        register_signal_handlers()
