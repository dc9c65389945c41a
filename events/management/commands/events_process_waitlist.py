from django.core.management.base import BaseCommand

from events.services import process_waitlists


class Command(BaseCommand):
    help = (
        "Offers that lapsed lose their turn; freed seats go to the next people on the waitlist, by "
        "email. Run it every few minutes from a scheduler; running it twice changes nothing more."
    )

    def handle(self, *args, **options):
        lapsed, offered = process_waitlists()
        self.stdout.write(f"{lapsed} lapsed offer(s), {offered} new offer(s).")
