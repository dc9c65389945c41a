from django.core.management.base import BaseCommand

from members.mentoring.services import send_reminders


class Command(BaseCommand):
    help = (
        "Remind mentors of requests waiting for their answer for MENTORING_REMINDER_AFTER, once per "
        "request. Run it daily from a scheduler; safe to run twice or at the same time as itself."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{send_reminders()} reminder(s) queued.")
