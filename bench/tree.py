"""Writing thousands of pages into Wagtail's tree fast, for the benchmarks' seeding.

`add_child` locks the tree, fires signals and revisions for each page: minutes for 10,000. Here the
base row is written straight in with its treebeard path; the caller saves the specific row with
`Model(page_ptr_id=base.pk, ...).save_base(raw=True)` and, once all are in, `recount_children`."""

from django.contrib.contenttypes.models import ContentType
from wagtail.models import Page


def next_position(parent):
    """The position after the parent's last child (the demo content's pages, if loaded)."""
    last_child = parent.get_last_child()
    return Page._str2int(last_child.path[-Page.steplen :]) + 1 if last_child else 1


def add_raw_child(parent, model, position, *, title, slug):
    """The live base Page row of a `model` page at `position` under `parent`."""
    base = Page(
        title=title,
        draft_title=title,
        slug=slug,
        content_type=ContentType.objects.get_for_model(model),
        locale_id=parent.locale_id,
        path=model._get_path(parent.path, parent.depth + 1, position),
        depth=parent.depth + 1,
        numchild=0,
        url_path=f"{parent.url_path}{slug}/",
        live=True,
    )
    base.save_base(raw=True)
    return base


def recount_children(parent):
    Page.objects.filter(pk=parent.pk).update(numchild=Page.objects.child_of(parent).count())
