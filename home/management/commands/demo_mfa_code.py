import time

from allauth.mfa import app_settings
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import format_hotp_value, hotp_value
from allauth.mfa.utils import decrypt
from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from home.management.commands.ensure_demo_admin import USERNAME


class Command(BaseCommand):
    help = (
        "Print the current two-factor code of the demo administrator, or of the demo account with "
        "--email (development only)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--email", default="", help="A demo account's email (default: the demo administrator).")

    def handle(self, *args, email, **options):
        if not settings.DEBUG:
            raise CommandError("DEBUG is off: the demo two-factor codes are for a development machine only.")
        authenticators = Authenticator.objects.filter(type=Authenticator.Type.TOTP)
        if email:
            authenticator = authenticators.filter(user__email__iexact=email.strip()).first()
            missing = f"No authenticator for {email}: is it a demo staff account? Run `make setup` first."
        else:
            authenticator = authenticators.filter(user__username=USERNAME).first()
            missing = "No demo authenticator: run `manage.py ensure_demo_admin` first."
        if authenticator is None:
            raise CommandError(missing)
        secret = decrypt(authenticator.data["secret"])
        period = app_settings.TOTP_PERIOD
        now = time.time()
        code = format_hotp_value(hotp_value(secret, int(now) // period))
        seconds_left = period - int(now) % period
        self.stdout.write(f"{code}  (valid for {seconds_left} more seconds; authenticator key {secret})")
