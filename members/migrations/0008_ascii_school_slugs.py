"""MAS pages get ASCII slugs ("ecole-au-cje", not "%C3%A9cole-au-cje" in the address bar): new
pages get them from WAGTAIL_ALLOW_UNICODE_SLUGS = False; this re-slugs the existing ones and
keeps every old address working with a permanent redirect. Self-contained: no live code."""

from django.db import migrations
from django.utils.text import slugify


def _public_path(language_code, url_path):
    # url_path is "/<root slug>/<directory>/<school>/"; the site serves it as "/<lang>/<directory>/<school>/".
    segments = url_path.strip("/").split("/")[1:]
    return "/" + "/".join([language_code, *segments])


def ascii_school_slugs(apps, schema_editor):
    MASPage = apps.get_model("members", "MASPage")
    Page = apps.get_model("wagtailcore", "Page")
    Revision = apps.get_model("wagtailcore", "Revision")
    Redirect = apps.get_model("wagtailredirects", "Redirect")
    for school in MASPage.objects.select_related("locale").order_by("path"):
        if school.slug.isascii():
            continue
        parent_path = school.path[: -Page.steplen]
        siblings = Page.objects.filter(path__startswith=parent_path, depth=school.depth).exclude(pk=school.pk)
        base = slugify(school.slug)[:240] or f"mas-{school.pk}"
        slug, number = base, 2
        while siblings.filter(slug=slug).exists():
            slug, number = f"{base}-{number}", number + 1
        old_url_path = school.url_path
        new_url_path = old_url_path[: -len(school.slug) - 1] + slug + "/"
        Redirect.objects.get_or_create(
            old_path=_public_path(school.locale.language_code, old_url_path).rstrip("/"),
            site=None,
            defaults={"redirect_page_id": school.pk, "is_permanent": True},
        )
        MASPage.objects.filter(pk=school.pk).update(slug=slug, url_path=new_url_path)
        # The next edit starts from the latest revision: it must not bring the old slug back.
        for revision in Revision.objects.filter(object_id=str(school.pk), content_type_id=school.content_type_id):
            revision.content = {**revision.content, "slug": slug, "url_path": new_url_path}
            revision.save(update_fields=["content"])


class Migration(migrations.Migration):
    dependencies = [
        ("members", "0007_lowercase_invitation_emails"),
        ("wagtailcore", "0098_apitoken"),
        ("wagtailredirects", "0008_add_verbose_name_plural"),
    ]

    operations = [
        migrations.RunPython(ascii_school_slugs, migrations.RunPython.noop, elidable=True),
    ]
