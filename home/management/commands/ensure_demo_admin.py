import os
import secrets
from pathlib import Path

from allauth.account.models import EmailAddress
from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, generate_totp_secret
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse

USERNAME = "admin"
EMAIL = "admin@example.org"


def password_file():
    return Path(settings.BASE_DIR) / "var" / "demo-admin-password"


class Command(BaseCommand):
    help = (
        "Create the demo superuser once (admin / admin@example.org) with a random password kept in "
        "var/demo-admin-password, and print how to log in. Refuses to run without DEBUG unless --force."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force", action="store_true", help="Run even though DEBUG is off (never on a public site)."
        )

    def handle(self, *args, **options):
        if not settings.DEBUG and not options["force"]:
            raise CommandError(
                "DEBUG is off: this looks like a production site, where an account with a password stored "
                "in a file must not exist. Use --force only on a private test machine."
            )
        user_model = get_user_model()
        path = password_file()
        saved = path.read_text().strip() if path.exists() else ""
        user = user_model.objects.filter(username=USERNAME).first()
        if user is None:
            password = saved or secrets.token_urlsafe(15)
            user = user_model.objects.create_superuser(username=USERNAME, email=EMAIL, password=password)
            if password != saved:
                self._save(path, password)
            heading = "Demo administrator account created:"
        elif saved and user.check_password(saved):
            password, heading = saved, "Demo administrator account:"
        else:
            self.stdout.write(
                self.style.WARNING(
                    f"The user {USERNAME!r} already exists and its password is not the one in {path}. "
                    f"Set a new one with: manage.py changepassword {USERNAME}"
                )
            )
            return
        # Email login (allauth) requires a verified address; this one can receive no mail.
        email = user.email or EMAIL
        EmailAddress.objects.get_or_create(
            user=user, email__iexact=email, defaults={"email": email, "verified": True, "primary": True}
        )
        # The admin requires two-factor authentication; give the demo account an authenticator
        # whose codes `manage.py demo_mfa_code` prints, so no phone is needed to try the site.
        if not Authenticator.objects.filter(user=user, type=Authenticator.Type.TOTP).exists():
            TOTP.activate(user, generate_totp_secret())
        login_url = settings.WAGTAILADMIN_BASE_URL.rstrip("/") + reverse("wagtailadmin_home")
        self.stdout.write(self.style.SUCCESS(heading))
        self.stdout.write(
            f"  Log in at: {login_url}\n  Email:     {email}\n  Password:  {password}\n"
            "  Two-factor code: run `make mfa-code` (or `manage.py demo_mfa_code`) when asked for one."
        )

    def _save(self, path, password):
        path.parent.mkdir(parents=True, exist_ok=True)
        # Owner-only from the moment it exists; chmod covers a file left by an earlier run.
        descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, 0o600)
        with os.fdopen(descriptor, "w") as file:
            file.write(password + "\n")
        path.chmod(0o600)
