"""Demo content for the shared pages: the site tree in French and English, images, documents.

`manage.py load_demo` runs this first (see home/management/commands/load_demo.py); the other apps'
demo modules build on it with `find_page`, `create_pages` and `publish_pages`. The texts live in
home/demo_assets/ (TOML, one file per page, French and English side by side); this module turns
them into pages and leaves alone whatever already exists, so running it twice changes nothing.

A page spec is a dict: `key` (stable name, the source of its translation key), `type`
("app_label.ModelName"), `parent` (key of the parent; none for the home page), optional `after`
(key of the sibling it follows in menus), `in_menu`, `fields` (the same in every language) and
one dict of fields per language code. Field values may name other demo objects by key: an image
or document key for image and document foreign keys, a page key for page foreign keys,
`id="page:<key>"` in rich text, `page = "<key>"` in a call to action.
"""

import re
import tomllib
import uuid
from datetime import timedelta
from io import BytesIO
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.db import models
from django.utils import timezone, translation
from django.utils.formats import date_format
from wagtail.documents import get_document_model
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Collection, Locale, Page, Site

from home import demo_media
from home.models import FooterText, HomePage, SiteSettings

ASSETS = Path(__file__).resolve().parent / "demo_assets"
# Fixed namespace: a demo page's translation key is derived from its spec key, so every run finds
# the pages earlier runs made, whatever editors have since done to their titles and slugs.
KEY_NAMESPACE = uuid.UUID("6f0c9c1e-3b7a-4d55-9a61-0d7f1b2c8e41")
DEMO_COLLECTION = "Contenu de démonstration"
PAGE_LINK = re.compile(r'id="page:([\w-]+)"')


def translation_key(key):
    return uuid.uuid5(KEY_NAMESPACE, f"amasq-demo:{key}")


def languages():
    """Content languages, the default (source) language first."""
    default = Locale.get_default().language_code
    codes = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    return [default, *(code for code in codes if code != default)]


def find_page(key, language):
    page = Page.objects.filter(translation_key=translation_key(key), locale__language_code=language).first()
    return page.specific if page else None


def _page_id(key, language):
    page = find_page(key, language)
    if page is None:
        raise LookupError(f"The demo content links to the page {key!r}, which does not exist in {language!r}.")
    return page.pk


def _existing(specs):
    keys = {translation_key(spec["key"]): spec["key"] for spec in specs}
    rows = Page.objects.filter(translation_key__in=keys).values_list("translation_key", "locale__language_code")
    return {(keys[key], language) for key, language in rows}


def create_pages(specs, language):
    """Create, in one language, the pages of `specs` that do not exist yet; return their ids.

    Parents come before children in `specs`. Fields that may point at pages not created yet
    (stream and rich-text fields, page foreign keys) wait for `publish_pages`. Pages in other
    languages than the default are translations of the default-language page (same
    translation key), so the language switcher finds them.
    """
    source = languages()[0]
    existing = _existing(specs)
    created = []
    for spec in specs:
        if (spec["key"], language) in existing:
            continue
        model = apps.get_model(spec["type"])
        values = _values(spec, language)
        if language == source:
            parent = find_page(spec["parent"], language) if spec.get("parent") else Page.get_first_root_node()
            if parent is None:
                continue
            page = model(
                translation_key=translation_key(spec["key"]),
                locale=Locale.objects.get(language_code=language),
                show_in_menus=spec.get("in_menu", False),
            )
            _assign(page, values, language, deferred=False)
            parent.add_child(instance=page)
        else:
            original = find_page(spec["key"], source)
            # An editor may have removed the original or its parent's translation: nothing to copy then.
            if original is None or (spec.get("parent") and find_page(spec["parent"], language) is None):
                continue
            page = original.copy_for_translation(Locale.objects.get(language_code=language))
            _assign(page, values, language, deferred=False)
            page.save()
        if spec.get("after") and (sibling := find_page(spec["after"], language)):
            page.move(sibling, pos="right")
        created.append((spec, language, page.pk))
    return created


def publish_pages(created):
    """Fill in every field of the pages `create_pages` made, then publish a first revision."""
    for spec, language, pk in created:
        # Fetched again: moving a sibling since may have changed this page's tree path.
        page = Page.objects.get(pk=pk).specific
        _assign(page, _values(spec, language), language, deferred=True)
        page.save_revision().publish()
    return [pk for _spec, _language, pk in created]


def ensure_pages(specs):
    """Create and publish, in every language, the pages of `specs` that are missing."""
    created = []
    for language in languages():
        created += create_pages(specs, language)
    return publish_pages(created)


def _values(spec, language):
    return typography({**spec.get("fields", {}), **spec[language]}, language)


def typography(value, language):
    """French spacing: a no-break space before a colon and inside guillemets, so neither is
    left alone at the start of a line. The demo assets are written with plain spaces."""
    if language != "fr":
        return value
    if isinstance(value, str):
        return value.replace(" :", "\u00a0:").replace("« ", "«\u00a0").replace(" »", "\u00a0»")
    if isinstance(value, dict):
        return {key: typography(item, language) for key, item in value.items()}
    if isinstance(value, list):
        return [typography(item, language) for item in value]
    return value


def _assign(page, values, language, *, deferred):
    for name, value in values.items():
        if name == "tags":
            page.tags.set(value)
            continue
        if name == "form_fields":
            related = page._meta.get_field("form_fields").related_model
            page.form_fields = [related(sort_order=order, **item) for order, item in enumerate(value)]
            continue
        field = page._meta.get_field(name)
        waits = isinstance(field, StreamField | RichTextField) or (
            isinstance(field, models.ForeignKey) and issubclass(field.related_model, Page)
        )
        if waits and not deferred:
            continue
        setattr(page, field.attname, _value(field, value, language))
        if isinstance(field, StreamField):
            _validate_stream(page, field)


def _value(field, value, language):
    if isinstance(field, StreamField):
        # A block may carry its id: the same in both languages where answers refer to it (questions).
        return [
            {"type": block["type"], "value": _block(block, language), "id": block.get("id") or _id()}
            for block in value
        ]
    if isinstance(field, RichTextField):
        return rich_text(value, language)
    if isinstance(field, models.ForeignKey):
        related = field.related_model
        if value is None:
            return None
        if issubclass(related, Page):
            return _page_id(value, language)
        if issubclass(related, get_image_model()):
            return image(value).pk
        if issubclass(related, get_document_model()):
            return document(value, language).pk
    if isinstance(field, models.DateField) and isinstance(value, dict):
        return timezone.localdate() - timedelta(days=value["days_ago"])
    return value


def _validate_stream(page, field):
    """Check a stream against its blocks' rules, as the editor would, so bad demo text fails loudly."""
    try:
        field.stream_block.clean(getattr(page, field.name))
    except ValidationError as error:
        raise ValidationError(f"Demo page {page.title!r}, {field.name}: {error}") from error


def _id():
    return str(uuid.uuid4())


def _items(values):
    return [{"type": "item", "value": value, "id": _id()} for value in values]


def _block(block, language):
    """The stored (raw JSON) value of one body block written in the demo assets' short form."""
    kind, value = block["type"], block.get("value")
    if kind == "paragraph":
        return rich_text(value, language)
    if kind == "heading":
        return {"level": "h2", **value}
    if kind == "image":
        alt_text = value.get("alt_text", "")
        return {
            "image": {"image": image(value["image"]).pk, "decorative": not alt_text, "alt_text": alt_text},
            "caption": value.get("caption", ""),
        }
    if kind == "button":
        page = value["link"].get("page")
        return {
            "label": value["label"],
            "link": {"page": _page_id(page, language) if page else None, "url": value["link"].get("url", "")},
        }
    if kind == "call_to_action":
        link = {"page": _page_id(value["page"], language) if value.get("page") else None, "url": value.get("url", "")}
        return {
            "title": value["title"],
            "text": value.get("text", ""),
            "button_label": value["button_label"],
            "link": link,
        }
    if kind == "document":
        return {"document": document(value["document"], language).pk, "label": value.get("label", "")}
    if kind == "key_figures":
        return {**value, "figures": _items(value["figures"]), "source": value.get("source", "")}
    if kind == "cards":
        return {"intro": "", "numbered": False, **value, "cards": _items(value["cards"])}
    return value


def rich_text(html, language):
    """Resolve `id="page:<key>"` links to page ids and `{today}` to today's date, in `language`."""

    def page_id(match):
        return f'id="{_page_id(match.group(1), language)}"'

    with translation.override(language):
        today = date_format(timezone.localdate(), "DATE_FORMAT")
    return PAGE_LINK.sub(page_id, html.strip()).replace("{today}", today)


def demo_collection():
    root = Collection.get_first_root_node()
    collection = root.get_children().filter(name=DEMO_COLLECTION).first()
    return collection or root.add_child(name=DEMO_COLLECTION)


def image(key):
    """The demo image `key` (see demo_media.IMAGES), drawn and stored on first use."""
    title, _motif = demo_media.IMAGES[key]
    model = get_image_model()
    found = model.objects.filter(title=title, collection__name=DEMO_COLLECTION).first()
    if found:
        return found
    found = model(title=title, collection=demo_collection())
    found.file = ImageFile(BytesIO(demo_media.draw_image(key)), name=f"demo-{key}.jpg")
    found._set_image_file_metadata()
    found.save()
    return found


def _documents():
    with (ASSETS / "documents.toml").open("rb") as file:
        return tomllib.load(file)


def document(key, language):
    """The demo document `key` in `language` (see demo_assets/documents.toml), made on first use."""
    spec = _documents()[key][language]
    model = get_document_model()
    found = model.objects.filter(title=spec["title"], collection__name=DEMO_COLLECTION).first()
    if found:
        return found
    found = model(title=spec["title"], collection=demo_collection())
    content = demo_media.summary_pdf(spec["title"], typography(spec["text"], language), language=spec["language"])
    found.file = ContentFile(content, name=spec["filename"])
    found._set_document_file_metadata()
    found.save()
    return found


def page_specs():
    """The home app's pages, parents first, in menu order (files are read in name order)."""
    specs = []
    for path in sorted((ASSETS / "pages").glob("*.toml")):
        with path.open("rb") as file:
            specs.append(tomllib.load(file))
    return specs


def _use_as_site_root(home):
    """Make `home` the default site's root and drop Wagtail's untouched welcome page."""
    site = Site.objects.filter(is_default_site=True).first() or Site(is_default_site=True)
    previous = site.root_page if site.pk else None
    site.hostname, site.port, site.site_name, site.root_page = "localhost", 80, "AMASQ", home
    site.save()
    if previous and previous.specific_class is Page and previous.depth == 2 and previous.numchild == 0:
        previous.delete()


def _ensure_site_settings():
    site = Site.objects.get(is_default_site=True)
    site_settings = SiteSettings.for_site(site)
    defaults = {"email": "info@example.org", "city": "Montréal"}
    for name in ("contact", "privacy", "accessibility"):
        if page := find_page(name, languages()[0]):
            defaults[f"{name}_page_id"] = page.pk
    for name, value in defaults.items():
        if not getattr(site_settings, name):
            setattr(site_settings, name, value)
    site_settings.save()


def _ensure_footer_text():
    with (ASSETS / "footer.toml").open("rb") as file:
        bodies = tomllib.load(file)
    key = translation_key("footer")
    source = FooterText.objects.filter(locale__language_code=languages()[0]).first()
    for language in languages():
        # The footer shows one text per language: leave alone any language that has one already.
        if FooterText.objects.filter(locale__language_code=language).exists():
            continue
        locale = Locale.objects.get(language_code=language)
        footer = source.copy_for_translation(locale) if source else FooterText(translation_key=key, locale=locale)
        footer.body = rich_text(typography(bodies[language], language), language)
        footer.save()
        source = source or footer


def load(stdout):
    source = languages()[0]
    site = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    root = site.root_page.specific if site else None
    if isinstance(root, HomePage) and root.translation_key != translation_key("home"):
        stdout.write("home: the site already has a home page of its own; demo pages left out.")
        return
    specs = page_specs()
    created = create_pages(specs, source)
    home = find_page("home", source)
    if home and (site is None or site.root_page_id != home.pk):
        _use_as_site_root(home)
    for language in languages()[1:]:
        created += create_pages(specs, language)
    publish_pages(created)
    _ensure_site_settings()
    _ensure_footer_text()
    stdout.write(f"home: {len(created)} pages created, {len(specs) * len(languages()) - len(created)} already there.")
