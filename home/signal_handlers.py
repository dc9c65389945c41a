"""Forget cached layout and pages when what they show changes (home/caching.py)."""

from django.db.models.signals import post_delete, post_save
from wagtail.models import Locale, Page
from wagtail.signals import page_published, page_unpublished, post_page_move

from home.caching import bump_content_generation, forget_locales

# Apps whose records public pages show: a saved snippet, setting, image, event registration
# (seats left) or resource file changes a page. Members' accounts and the task queue are left out:
# they change all the time and no public page shows them.
CONTENT_APPS = {"home", "members", "events", "resources", "newsletter", "wagtailimages", "wagtailcore", "taggit"}
IGNORED_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.modellogentry",
    "wagtailcore.pagelogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.pagesubscription",
    "wagtailcore.taskstate",
    "wagtailcore.workflowstate",
    "wagtailimages.rendition",
}


def _content_changed(sender, **kwargs):
    if sender._meta.app_label in CONTENT_APPS and sender._meta.label_lower not in IGNORED_MODELS:
        # A page's draft save is a Page save too: unpublished work does not change what visitors
        # see, but it is rare enough that telling it apart is not worth the risk.
        bump_content_generation()


def _page_changed(sender, **kwargs):
    bump_content_generation()


def _locale_changed(sender, **kwargs):
    forget_locales()


def register_signal_handlers():
    post_save.connect(_content_changed, dispatch_uid="amasq-content-saved")
    post_delete.connect(_content_changed, dispatch_uid="amasq-content-deleted")
    page_published.connect(_page_changed, dispatch_uid="amasq-page-published")
    page_unpublished.connect(_page_changed, dispatch_uid="amasq-page-unpublished")
    post_page_move.connect(_page_changed, dispatch_uid="amasq-page-moved")
    post_save.connect(_locale_changed, sender=Locale, dispatch_uid="amasq-locale-saved")
    post_delete.connect(_locale_changed, sender=Locale, dispatch_uid="amasq-locale-deleted")
    # Page subclasses send post_delete with their own class as sender; CONTENT_APPS covers ours.
    post_delete.connect(_page_changed, sender=Page, dispatch_uid="amasq-page-deleted")
