from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.contrib.taggit import ClusterTaggableManager
from modelcluster.fields import ParentalKey
from taggit.models import TaggedItemBase
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from home.blocks import BaseStreamBlock
from home.feeds import NewsAtomFeed, NewsRssFeed
from home.pagination import paginate

NEWS_PER_PAGE = 10


class HomePage(Page):
    """The root of each language's tree: what a MAS is, AMASQ's aims and figures, the latest news.

    One per language, edited by AMASQ staff; rendered by templates/home/home_page.html.
    """

    hero_title = models.CharField(_("headline"), max_length=150)
    hero_intro = models.TextField(_("introduction"), blank=True)
    hero_image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("hero image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    find_mas_page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("school directory page"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The home page's “find a MAS near you” form sends visitors to this page."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    search_fields = [*Page.search_fields, index.SearchField("hero_intro"), index.SearchField("body")]

    content_panels = [
        *Page.content_panels,
        MultiFieldPanel(
            [FieldPanel("hero_title"), FieldPanel("hero_intro"), FieldPanel("hero_image")],
            heading=_("Hero"),
        ),
        FieldPanel("find_mas_page"),
        FieldPanel("body"),
    ]

    parent_page_types = ["wagtailcore.Page"]
    # Feature apps' index pages are named here, not imported: home sits below them.
    subpage_types = [
        "home.StandardPage",
        "home.NewsIndexPage",
        "home.ContactPage",
        "events.EventIndexPage",
        "resources.ResourceIndexPage",
        "members.MASDirectoryPage",
        "newsletter.NewsletterIndexPage",
    ]

    class Meta:
        verbose_name = _("home page")

    def latest_news(self, count=3):
        return (
            NewsPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("-date", "-pk")[:count]
        )


class StandardPage(Page):
    """A page of text and media (about AMASQ, privacy, accessibility…), edited by AMASQ staff."""

    intro = models.TextField(_("introduction"), blank=True)
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))

    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]

    content_panels = [*Page.content_panels, FieldPanel("intro"), FieldPanel("body")]

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = ["home.StandardPage"]

    class Meta:
        verbose_name = _("standard page")


class NewsIndexPage(RoutablePageMixin, Page):
    """Lists the news items below it, newest first, filterable by tag, with RSS and Atom feeds."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.NewsPage"]

    class Meta:
        verbose_name = _("news index page")

    def news_items(self):
        return (
            NewsPage.objects.child_of(self)
            .live()
            .public()
            .select_related("image")
            .prefetch_related("image__renditions", "tags")
            .order_by("-date", "-pk")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        items = self.news_items()
        tag = request.GET.get("tag", "").strip()[:100]
        if tag:
            # A tag slug never holds a NUL byte, which PostgreSQL refuses in a query: no news has it.
            items = items.filter(tags__slug=tag) if "\x00" not in tag else items.none()
        news_page = paginate(items, request.GET.get("page", 1), NEWS_PER_PAGE)
        context.update(news_page=news_page, paginator=news_page.paginator, current_tag=tag)
        return context

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.render(request)

    @path("rss/", name="rss")
    def rss_feed(self, request):
        return NewsRssFeed(self)(request)

    @path("atom/", name="atom")
    def atom_feed(self, request):
        return NewsAtomFeed(self)(request)


class NewsPageTag(TaggedItemBase):
    content_object = ParentalKey("home.NewsPage", related_name="tagged_items", on_delete=models.CASCADE)


class NewsPage(Page):
    """A dated news item, written by AMASQ staff, listed by its NewsIndexPage and its feeds."""

    date = models.DateField(_("publication date"), default=timezone.localdate)
    summary = models.TextField(_("summary"), max_length=400)
    image = models.ForeignKey(
        "wagtailimages.Image",
        verbose_name=_("image"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    image_alt = models.CharField(
        _("image description"),
        max_length=250,
        blank=True,
        help_text=_("What the image shows, for people who cannot see it. Leave empty if it is decorative."),
    )
    body = StreamField(BaseStreamBlock(), blank=True, verbose_name=_("body"))
    tags = ClusterTaggableManager(through=NewsPageTag, blank=True, verbose_name=_("tags"))

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("date"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("summary"),
        MultiFieldPanel([FieldPanel("image"), FieldPanel("image_alt")], heading=_("Image")),
        FieldPanel("body"),
        FieldPanel("tags"),
    ]

    parent_page_types = ["home.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("news item")
        verbose_name_plural = _("news items")
