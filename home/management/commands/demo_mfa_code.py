import time

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.management.commands.ensure_demo_admin import USERNAME


class Command(BaseCommand):
    help = "Print the demo administrator's current two-factor code (development only)."

    def handle(self, *args, **options):
        if not settings.DEBUG:
            raise CommandError("DEBUG is off: the demo two-factor code is for a development machine only.")
        authenticator = Authenticator.objects.filter(user__username=USERNAME, type=Authenticator.Type.TOTP).first()
        if authenticator is None:
            raise CommandError("No demo authenticator: run `manage.py ensure_demo_admin` first.")
        secret = decrypt(authenticator.data["secret"])
        period = app_settings.TOTP_PERIOD
        now = time.time()
        code = format_hotp_value(hotp_value(secret, int(now) // period))
        seconds_left = period - int(now) % period
        self.stdout.write(f"{code}  (valid for {seconds_left} more seconds; authenticator key {secret})")
