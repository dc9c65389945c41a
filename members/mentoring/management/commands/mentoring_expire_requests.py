from django.core.management.base import BaseCommand

from members.mentoring.services import expire_requests


class Command(BaseCommand):
    help = (
        "Expire mentoring requests their mentor has not answered in time (MENTORING_REQUEST_VALIDITY); "
        "each mentee is emailed fresh suggestions. Run it every hour from a scheduler; safe to run "
        "twice or at the same time as itself."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{expire_requests()} request(s) expired.")
