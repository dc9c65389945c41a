from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem

from members.public import PersonalData, PortalSection, register_personal_data, register_portal_section
from newsletter.admin_views import (
    ImportView,
    NewsletterIndexView,
    SendIssueView,
    SendProgressView,
    may_send,
    preview_email,
)
from newsletter.models import Subscriber
from newsletter.personal_data import erase_newsletter, export_newsletter


def subscriptions_context(request):
    user = request.user
    subscriber = Subscriber.objects.filter(user=user).first() or (
        Subscriber.objects.filter(email__iexact=user.email).first() if user.email else None
    )
    if subscriber is None:
        return None
    subscriptions = list(subscriber.subscriptions.select_related("mailing_list").order_by("mailing_list"))
    return {"subscriber": subscriber, "subscriptions": subscriptions}


@register_portal_section
def subscriptions_section():
    return PortalSection(
        key="newsletter-subscriptions",
        title=_("My newsletters"),
        template="newsletter/portal/subscriptions.html",
        get_context=subscriptions_context,
        order=30,
    )


@register_personal_data
def newsletter_personal_data():
    return PersonalData(key="newsletter", export=export_newsletter, erase=erase_newsletter)


@hooks.register("register_admin_urls")
def register_newsletter_urls():
    return [
        path("newsletter/", NewsletterIndexView.as_view(), name="newsletter_index"),
        path("newsletter/import/", ImportView.as_view(), name="newsletter_import"),
        path("newsletter/issues/<id:issue_id>/send/", SendIssueView.as_view(), name="newsletter_send"),
        path("newsletter/issues/<id:issue_id>/preview/<str:language>/", preview_email, name="newsletter_preview"),
        path("newsletter/sends/<id:send_id>/", SendProgressView.as_view(), name="newsletter_progress"),
    ]


class NewsletterMenuItem(MenuItem):
    def is_shown(self, request):
        return may_send(request.user)


@hooks.register("register_admin_menu_item")
def register_newsletter_menu_item():
    return NewsletterMenuItem(
        _("Newsletter"), reverse("newsletter_index"), icon_name="mail", name="newsletter", order=320
    )
