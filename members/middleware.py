from django.contrib import messages
from django.contrib.auth.views import redirect_to_login
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from members.services.accounts import has_totp


def can_reach_admin(user):
    return user.is_superuser or user.is_staff or user.has_perm("wagtailadmin.access_admin")


class AdminMFARequiredMiddleware:
    """Two-factor authentication for everyone who can reach the Wagtail admin.

    Signing in goes through allauth (settings.WAGTAILADMIN_LOGIN_URL), which asks for the second
    factor once one is set up; Wagtail's own sign-in form, which would not, sends there too. An
    account that can reach the admin but has no authenticator app yet is sent to set one up.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        admin_root = reverse("wagtailadmin_home")
        if not request.path.startswith(admin_root):
            return self.get_response(request)
        if request.path == reverse("wagtailadmin_login"):
            return redirect_to_login(request.GET.get("next") or admin_root)
        user = request.user
        if (
            user.is_authenticated
            and request.path != reverse("wagtailadmin_logout")
            and can_reach_admin(user)
            and not has_totp(user)
        ):
            messages.warning(
                request,
                _(
                    "The administration requires two-factor authentication. Set up an "
                    "authenticator app on your phone, then go back to the administration."
                ),
            )
            return redirect("mfa_activate_totp")
        return self.get_response(request)
