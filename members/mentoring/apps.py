from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MentoringConfig(AppConfig):
    """Mentoring between member-school staff: its own app inside the members package (label
    `mentoring`), standing on members.public only."""

    name = "members.mentoring"
    label = "mentoring"
    verbose_name = _("Mentoring")

    def ready(self):
        from members.mentoring import signal_handlers  # noqa: F401 (connects the receivers)
