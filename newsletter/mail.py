"""The emails of subscribing (the confirmation request), sent in the background; tasks take ids.
The issues themselves go out through newsletter.sending."""

from django.conf import settings
from django.tasks import task
from django.urls import reverse
from django.utils import translation

from home.mail import send_templated_email
from newsletter.models import Subscriber


def absolute_url(path):
    return settings.SITE_BASE_URL.rstrip("/") + path


@task()
def send_confirmation_request(subscriber_id, token):
    subscriber = Subscriber.objects.filter(pk=subscriber_id).first()
    if subscriber is None:
        return
    with translation.override(subscriber.language):
        link = absolute_url(reverse("newsletter:confirm", kwargs={"token": token}))
    send_templated_email(
        "email/newsletter/confirm",
        to=[subscriber.email],
        language=subscriber.language,
        context={"link": link},
    )
