from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, FieldRowPanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index

from home.blocks import BaseStreamBlock


class EventPageQuerySet(PageQuerySet):
    def upcoming(self):
        return self.filter(end__gte=timezone.now()).order_by("start", "pk")

    def past(self):
        return self.filter(end__lt=timezone.now()).order_by("-start", "-pk")


EventPageManager = PageManager.from_queryset(EventPageQuerySet)


class EventIndexPage(Page):
    """Lists AMASQ's public events: upcoming first, then the most recent past ones."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["events.EventPage"]

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        return EventPage.objects.child_of(self).live().public().select_related("image")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["upcoming_events"] = self.events().upcoming()[:50]
        context["past_events"] = self.events().past()[:10]
        return context


class EventPage(Page):
    """A dated gathering (webinar, regional meeting, national colloquium) published by AMASQ staff."""

    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    venue = models.CharField(_("venue"), max_length=200, blank=True, help_text=_("Place name, or “Online”."))
    address = models.CharField(_("address"), max_length=250, blank=True)
    summary = models.TextField(_("summary"), max_length=400)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    objects = EventPageManager()

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("venue"),
        index.SearchField("body"),
        index.FilterField("start"),
    ]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldRowPanel([FieldPanel("start"), FieldPanel("end")]), FieldPanel("venue"), FieldPanel("address")],
            heading=_("When and where"),
        ),
        FieldPanel("summary"),
        FieldPanel("image"),
        FieldPanel("body"),
    ]

    parent_page_types = ["events.EventIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("event")
        verbose_name_plural = _("events")

    def clean(self):
        super().clean()
        if self.start and self.end and self.end < self.start:
            raise ValidationError({"end": _("The end must come after the start.")})

    @property
    def is_past(self):
        return self.end < timezone.now()
