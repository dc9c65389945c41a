from django import template
from django.utils.translation import get_language

from newsletter.forms import SignupForm
from newsletter.services import consent_wording

register = template.Library()


@register.simple_tag
def signup_form():
    """An empty signup form in the active language, with the consent wording it records."""
    form = SignupForm(language=get_language())
    form.consent_wording = consent_wording(get_language() or "fr")
    return form


@register.inclusion_tag("newsletter/footer_signup.html", takes_context=True)
def footer_signup(context):
    """The short signup form of every page's footer."""
    request = context.get("request")
    form = SignupForm(language=get_language(), auto_id="footer_%s")
    return {
        "form": form,
        "consent_wording": consent_wording(get_language() or "fr"),
        "request_path": request.path if request else "",
        "csrf_token": context.get("csrf_token"),
    }
