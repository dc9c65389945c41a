from django import forms
from django.conf import settings
from django.contrib.auth.views import redirect_to_login
from django.contrib.postgres.search import SearchVectorField
from django.core.exceptions import PermissionDenied
from django.db import models
from django.db.models import Q
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import Locale, Orderable, Page, PageManager
from wagtail.query import PageQuerySet
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from members.public import can_see_members_only
from resources.blocks import ResourceBodyBlock, ResourceLinksBlock
from resources.listing import search_resources
from resources.panels import FilesAccessibilityPanel


class ResourceKind(models.TextChoices):
    GUIDE = "guide", _("Guide")
    TOOL = "tool", _("Tool or template")
    RESEARCH = "research", _("Research")
    PRESENTATION = "presentation", _("Presentation")
    RECORDING = "recording", _("Recording")
    FRAMEWORK = "framework", _("Reference framework")


class ResourceAudience(models.TextChoices):
    PUBLIC = "public", _("Public")
    MEMBERS = "members", _("Members only")


class MaterialLanguage(models.TextChoices):
    FRENCH = "fr", _("French")
    ENGLISH = "en", _("English")
    BOTH = "fr_en", _("French and English")


class Licence(models.TextChoices):
    CC_BY = "cc-by-4.0", _("Creative Commons Attribution 4.0 (CC BY 4.0)")
    CC_BY_SA = "cc-by-sa-4.0", _("Creative Commons Attribution-ShareAlike 4.0 (CC BY-SA 4.0)")
    CC_BY_NC = "cc-by-nc-4.0", _("Creative Commons Attribution-NonCommercial 4.0 (CC BY-NC 4.0)")
    CC_BY_NC_SA = "cc-by-nc-sa-4.0", _("Creative Commons Attribution-NonCommercial-ShareAlike 4.0 (CC BY-NC-SA 4.0)")
    RESERVED = "reserved", _("All rights reserved: ask the author before reusing")


class ResourcePageQuerySet(PageQuerySet):
    def visible_to(self, user):
        """Live resources `user` may open: public ones for everyone, members-only ones for members
        and AMASQ staff."""
        resources = self.live()
        if can_see_members_only(user):
            return resources
        return resources.filter(audience=ResourceAudience.PUBLIC)

    def one_per_resource(self, locale):
        """The pages in `locale`, and the pages of resources that have none live in it: the French and
        English pages of a resource are one item."""
        translated = ResourcePage.objects.live().filter(locale=locale).values("translation_key")
        return self.filter(Q(locale=locale) | ~Q(translation_key__in=translated))


ResourcePageManager = PageManager.from_queryset(ResourcePageQuerySet)


class ResourceIndexPage(Page):
    """The shared practice resources (/fr/ressources/, /en/resources/): AMASQ staff publish the
    resources under it, members propose theirs from the portal."""

    intro = models.TextField(_("introduction"), blank=True)

    content_panels = [*Page.content_panels, FieldPanel("intro")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["resources.ResourcePage"]

    class Meta:
        verbose_name = _("resource index page")

    def resources(self, user):
        """What `user` may see, one page per resource in the visitor's language (or, for a resource
        not translated into it, in its own)."""
        return ResourcePage.objects.visible_to(user).one_per_resource(Locale.get_active())

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        audiences = ResourceAudience.choices if can_see_members_only(request.user) else []
        context.update(
            search_resources(
                self.resources(request.user),
                request.GET,
                kinds=ResourceKind.choices,
                audiences=audiences,
                languages=MaterialLanguage.choices,
            )
        )
        return context

    def serve(self, request, *args, **kwargs):
        response = super().serve(request, *args, **kwargs)
        # A refused search (an unknown theme, an overlong query) is shown again with its message, as a 400.
        form = getattr(response, "context_data", {}).get("form")
        if form is not None and form.errors:
            response.status_code = 400
        return response


# How much of a file's text its resource page shows (the rest is in the file).
FILE_TEXT_SHOWN = 20_000


# A resource's facts that are not words: the same in French and English, copied from the resource
# in the default language when it is published (home.translated_facts, resources/signals.py).
SHARED_FACTS = ["kind", "audience", "material_language", "publication_date", "licence", "author_school"]
SHARED_RELATIONS = ["themes"]


class ResourcePage(Page):
    """A practice resource (guide, tool, research, framework…) with its files and links. Its French
    and English pages are one resource: they share their facts, files and download count.

    Members-only resources, and their files, are refused to everyone but members and AMASQ staff
    (resources/access.py)."""

    summary = models.TextField(_("summary"), max_length=600)
    body = StreamField(
        ResourceBodyBlock(),
        blank=True,
        verbose_name=_("content"),
        help_text=_("The resource's content as a web page, readable without downloading the files."),
    )
    kind = models.CharField(_("kind"), max_length=12, choices=ResourceKind.choices, default=ResourceKind.GUIDE)
    themes = ParentalManyToManyField(
        "members.Expertise",
        blank=True,
        related_name="resources",
        verbose_name=_("themes"),
        help_text=_("The same areas of expertise as members' profiles."),
    )
    audience = models.CharField(
        _("audience"), max_length=8, choices=ResourceAudience.choices, default=ResourceAudience.MEMBERS
    )
    author_school = models.ForeignKey(
        "members.MASPage",
        verbose_name=_("author MAS"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="resources",
        help_text=_("The member school that made the resource; empty for AMASQ's own."),
    )
    material_language = models.CharField(
        _("language of the material"), max_length=5, choices=MaterialLanguage.choices, default=MaterialLanguage.FRENCH
    )
    publication_date = models.DateField(_("publication date"), default=timezone.localdate)
    licence = models.CharField(_("licence"), max_length=20, choices=Licence.choices, default=Licence.CC_BY_NC_SA)
    links = StreamField(ResourceLinksBlock(), blank=True, verbose_name=_("links"))

    objects = ResourcePageManager()

    search_fields = [
        *Page.search_fields,
        index.SearchField("summary"),
        index.SearchField("body"),
        index.FilterField("audience"),
    ]

    content_panels = [
        *Page.content_panels,
        FieldPanel("summary"),
        FieldPanel("body"),
        InlinePanel("files", label=_("Files"), heading=_("Files")),
        FilesAccessibilityPanel(heading=_("Accessibility of the files")),
        FieldPanel("links"),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("kind"), FieldPanel("audience")]),
                FieldPanel("themes", widget=forms.CheckboxSelectMultiple),
                FieldPanel("author_school"),
                FieldRowPanel([FieldPanel("material_language"), FieldPanel("publication_date")]),
                FieldPanel("licence"),
            ],
            heading=_("About the resource"),
        ),
    ]
    override_translatable_fields = [
        SynchronizedField(name, overridable=False) for name in [*SHARED_FACTS, *SHARED_RELATIONS, "files"]
    ]

    parent_page_types = ["resources.ResourceIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("resource")
        verbose_name_plural = _("resources")

    @classmethod
    def get_indexed_objects(cls):
        # The site search (home) lists what Wagtail's index finds, to anyone: members-only
        # resources stay out of it. The resources' own search (resources/listing.py) has them.
        return super().get_indexed_objects().filter(audience=ResourceAudience.PUBLIC)

    @property
    def members_only(self):
        return self.audience == ResourceAudience.MEMBERS

    def visible_to(self, user):
        return self.live and (not self.members_only or can_see_members_only(user))

    def serve(self, request, *args, **kwargs):
        # Anonymous visitors are asked to sign in; a signed-in non-member (deactivated, no school) is refused.
        if self.members_only and not can_see_members_only(request.user):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            raise PermissionDenied
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return [] if self.members_only else super().get_sitemap_urls(request)

    def file_texts(self, files):
        """[(file, [paragraphs])]: the text read from each file, so that the resource reads as a web
        page too, not only as downloads (SGQRI 008). Long texts stop at FILE_TEXT_SHOWN characters."""
        analyses = DocumentAnalysis.objects.filter(document_id__in=[file.document_id for file in files]).exclude(
            text=""
        )
        texts = {analysis.document_id: analysis.text for analysis in analyses}
        shown = []
        for file in files:
            text = texts.get(file.document_id, "")[:FILE_TEXT_SHOWN]
            paragraphs = [" ".join(part.split()) for part in text.split("\n") if part.strip()]
            if paragraphs:
                shown.append((file, paragraphs))
        return shown

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["files"] = list(self.files.select_related("document"))
        context["file_texts"] = self.file_texts(context["files"])
        downloads = ResourceDownloads.objects.filter(translation_key=self.translation_key).first()
        context["downloads"] = downloads.count if downloads else 0
        context["author_school"] = self.author_school.localized if self.author_school else None
        return context


class ResourceFile(Orderable):
    """A file of a resource: a Wagtail document. Replacing the document's file keeps its address."""

    page = ParentalKey(ResourcePage, on_delete=models.CASCADE, related_name="files")
    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="+", verbose_name=_("document")
    )
    title = models.CharField(
        _("link text"), max_length=200, blank=True, help_text=_("Empty: the document's own title.")
    )

    panels = [FieldPanel("document"), FieldPanel("title")]

    class Meta(Orderable.Meta):
        verbose_name = _("file")
        verbose_name_plural = _("files")

    def __str__(self):
        return self.label

    @property
    def label(self):
        return self.title or self.document.title


class DocumentAnalysis(models.Model):
    """What was read from a document's file in the background (resources.tasks.analyse_document):
    its text, for the search, and for a PDF the facts SGQRI 008 asks for (title, declared
    language, tags), shown to staff before they publish a public resource."""

    document = models.OneToOneField(
        "wagtaildocs.Document", on_delete=models.CASCADE, primary_key=True, related_name="resource_analysis"
    )
    # The file this analysis was made from: a replaced file is read again.
    file_name = models.CharField(max_length=255)
    text = models.TextField(blank=True)
    error = models.CharField(max_length=20, blank=True)
    is_pdf = models.BooleanField(default=False)
    pdf_title = models.CharField(max_length=500, blank=True)
    pdf_language = models.CharField(max_length=35, blank=True)
    pdf_tagged = models.BooleanField(default=False)
    analysed_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("document analysis")
        verbose_name_plural = _("document analyses")

    def __str__(self):
        return self.file_name

    @property
    def accessibility_problems(self):
        """What a PDF lacks ("title", "language", "tags"), or ("unreadable",); empty for other files."""
        if not self.is_pdf:
            return []
        if self.error:
            return ["unreadable"]
        return [
            name
            for name, present in (
                ("title", self.pdf_title),
                ("language", self.pdf_language),
                ("tags", self.pdf_tagged),
            )
            if not present
        ]


class ResourceSearchEntry(models.Model):
    """A published resource's words as search terms (resources/text.py), by weight: title, then
    summary, themes and author, then content, then the text of its files. Kept up to date by
    resources/search_index.py. On PostgreSQL `vector` holds them all, weighted, under a GIN index
    (migration 0003); SQLite searches the term columns."""

    page = models.OneToOneField(ResourcePage, on_delete=models.CASCADE, primary_key=True, related_name="search_entry")
    title_terms = models.TextField(blank=True)
    summary_terms = models.TextField(blank=True)
    body_terms = models.TextField(blank=True)
    file_terms = models.TextField(blank=True)
    vector = SearchVectorField(null=True, editable=False)

    class Meta:
        verbose_name = _("search entry")
        verbose_name_plural = _("search entries")

    def __str__(self):
        return str(self.page_id)


class ResourceProposal(models.Model):
    """A member's proposal of a resource from the portal: who proposed it and in which language to
    tell them it is published or turned down. The resource itself is a draft ResourcePage in the
    staff's review workflow (resources/proposals.py); the portal shows its author where it stands."""

    page = models.OneToOneField(
        ResourcePage, on_delete=models.CASCADE, related_name="proposal", verbose_name=_("resource")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="resource_proposals",
        verbose_name=_("proposed by"),
    )
    language = models.CharField(_("language"), max_length=8, default="fr")
    created_at = models.DateTimeField(_("proposed on"), default=timezone.now)
    # Set when the author was told of the publication: once only.
    published_notice_at = models.DateTimeField(null=True, blank=True, editable=False)
    # Staff's refusal in the review workflow, and their comment, as the author is told it.
    rejected_at = models.DateTimeField(_("turned down on"), null=True, blank=True, editable=False)
    rejection_comment = models.TextField(_("staff's comment"), blank=True, editable=False)

    class Meta:
        verbose_name = _("resource proposal")
        verbose_name_plural = _("resource proposals")
        ordering = ["-created_at", "-pk"]

    def __str__(self):
        return str(self.page)

    @property
    def status(self):
        """Where the proposal stands, for its author: published, turned down or waiting for review."""
        if self.page.live:
            return pgettext_lazy("proposal status", "Published")
        if self.rejected_at:
            return _("Not accepted")
        return _("Waiting for review")


class ResourceDownloads(models.Model):
    """How many times a resource's files were downloaded, all languages together. A count only:
    nobody's downloads are recorded."""

    translation_key = models.UUIDField(unique=True)
    count = models.PositiveIntegerField(default=0)

    class Meta:
        verbose_name = _("download count")
        verbose_name_plural = _("download counts")

    def __str__(self):
        return f"{self.translation_key}: {self.count}"


class DocumentVersion(models.Model):
    """A document's earlier file, kept when staff replace it (resources/signals.py), for staff only
    (resources/admin_views.py). The document keeps its address; this is the file it had before."""

    document = models.ForeignKey(
        "wagtaildocs.Document", on_delete=models.CASCADE, related_name="resource_versions", verbose_name=_("document")
    )
    file = models.FileField(_("file"), upload_to="document-versions")
    replaced_at = models.DateTimeField(_("replaced on"), default=timezone.now)

    class Meta:
        verbose_name = _("earlier version")
        verbose_name_plural = _("earlier versions")
        ordering = ["-replaced_at", "-pk"]

    def __str__(self):
        return self.file.name

    @property
    def filename(self):
        return self.file.name.rsplit("/", 1)[-1]
