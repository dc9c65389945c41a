from django.core.management.base import BaseCommand

from newsletter.services import purge_unconfirmed


class Command(BaseCommand):
    help = (
        "Forget the newsletter signups never confirmed within the confirmation link's lifetime "
        "(NEWSLETTER_CONFIRM_MAX_AGE, 7 days). Run it daily from a scheduler."
    )

    def handle(self, *args, **options):
        self.stdout.write(f"{purge_unconfirmed()} unconfirmed address(es) forgotten.")
