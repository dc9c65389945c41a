"""One way to cut a list into pages for every listing of the site (news, search, directory,
people, events)."""

from django.core.paginator import Page, Paginator


def paginate(items, page_number, per_page: int) -> Page:
    """The page `page_number` of `items`, `per_page` at a time.

    `page_number` is what the visitor sent (usually `request.GET.get("page")`): anything that is
    not a page number gives the first page and a number past the end gives the last one, so a
    hand-edited or stale link shows a listing rather than an error.
    """
    return Paginator(items, per_page).get_page(page_number)
