"""Emails about member accounts, sent in the background (django.tasks) once the transaction that
asked for them has committed. Tasks take ids, not names or addresses, so that the task queue
holds no personal data; home.mail renders each one, HTML + text, in its recipient's language."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.tasks import task
from django.urls import reverse
from django.utils import translation
from wagtail.models import Site

from home.mail import send_templated_email
from home.models import SiteSettings
from members.models import AMASQ_STAFF_GROUP, AccessRequest, Invitation


def absolute_url(path):
    return settings.SITE_BASE_URL.rstrip("/") + path


@task()
def send_invitation_email(invitation_id, token):
    invitation = (
        Invitation.objects.select_related("school", "invited_by", "access_request").filter(pk=invitation_id).first()
    )
    if invitation is None or not invitation.is_pending:
        return
    with translation.override(invitation.language):
        link = absolute_url(reverse("members:accept_invitation", kwargs={"token": token}))
    inviter = invitation.invited_by
    send_templated_email(
        "email/members/invitation",
        to=[invitation.email],
        language=invitation.language,
        context={
            "invitation": invitation,
            "link": link,
            "school_name": invitation.school.title,
            "inviter_name": inviter.get_full_name() if inviter else "",
            "from_request": invitation.access_request_id is not None,
        },
    )


@task()
def send_access_request_refusal(access_request_id):
    access_request = AccessRequest.objects.select_related("school").filter(pk=access_request_id).first()
    if access_request is None or not access_request.email:
        return
    send_templated_email(
        "email/members/access_request_refused",
        to=[access_request.email],
        language=access_request.language,
        context={
            "access_request": access_request,
            "school_name": access_request.school.title if access_request.school else "",
        },
    )


def _staff_addresses():
    addresses = list(
        get_user_model()
        .objects.filter(is_active=True, groups__name=AMASQ_STAFF_GROUP)
        .exclude(email="")
        .values_list("email", flat=True)
        .distinct()
    )
    if addresses:
        return addresses
    site = Site.objects.filter(is_default_site=True).first()
    fallback = SiteSettings.for_site(site).email if site else ""
    return [fallback or settings.DEFAULT_FROM_EMAIL]


@task()
def notify_staff_of_access_request(access_request_id):
    access_request = AccessRequest.objects.select_related("school").filter(pk=access_request_id).first()
    if access_request is None:
        return
    send_templated_email(
        "email/members/access_request_received",
        to=_staff_addresses(),
        language=settings.LANGUAGE_CODE,
        context={
            "access_request": access_request,
            "school_name": access_request.school.title if access_request.school else "",
            "admin_url": absolute_url(reverse("access_requests:edit", args=[access_request.pk])),
        },
        reply_to=[access_request.email],
    )
