from django.core.management.base import BaseCommand

from events.services import send_due_reminders


class Command(BaseCommand):
    help = (
        "Email confirmed attendees a week and a day before their event. Run it every hour from a "
        "scheduler; nobody gets the same reminder twice, however often or concurrently it runs."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{send_due_reminders()} reminder(s) queued.")
