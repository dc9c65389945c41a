from allauth.account.adapter import DefaultAccountAdapter


class ClosedSignupAccountAdapter(DefaultAccountAdapter):
    """No open signup: people join through a staff invitation or an approved access request."""

    def is_open_for_signup(self, request):
        return False
