from django.core.management.base import BaseCommand

from newsletter.sending import deliver, sends_due


class Command(BaseCommand):
    help = (
        "Start the newsletter sends whose time has come, and resume those a stopped worker left "
        "unfinished or whose retries are due. Run it every minute from a scheduler; nobody gets an "
        "issue twice, however often it runs."
    )

    def handle(self, *args, **options):
        sends = list(sends_due().values_list("pk", flat=True))
        for send_id in sends:
            deliver.enqueue(send_id)
        self.stdout.write(f"{len(sends)} send(s) started or resumed.")
