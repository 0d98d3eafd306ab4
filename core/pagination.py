from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import QuerySet
from django.http import Http404


class ArchivePaginator(Paginator):
    """Django's paginator, reading pages past the middle from the far end.

    ``OFFSET n`` makes the database walk n rows, so in an archive of 50,000 articles the
    last page would cost a hundred times the first. For a page in the second half, the
    query runs in the reverse order with the small offset from the end, and the rows are
    turned back: the last page costs what the first does. Only for querysets with a total
    order (``(date, id)``), whose reverse is exact.
    """

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = min(bottom + self.per_page, self.count)
        if top + self.orphans >= self.count:
            top = self.count
        items = self.object_list
        if bottom > self.count // 2 and isinstance(items, QuerySet) and items.ordered:
            rows = list(items.reverse()[self.count - top : self.count - bottom])
            return self._get_page(rows[::-1], number, self)
        return super().page(number)


# Beyond any archive: larger numbers would overflow the database's OFFSET.
MAX_PAGE_NUMBER = 1_000_000


def page_number(request):
    """The ``?page=`` number, for views that page through their own query: 404 when it is
    not a whole number from 1 to MAX_PAGE_NUMBER, as ``paginate`` does."""
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError as error:
        raise Http404("No such page") from error
    if not 1 <= number <= MAX_PAGE_NUMBER:
        raise Http404("No such page")
    return number


def paginate(request, items, per_page, count=None):
    """One page of `items` from the ``?page=`` parameter (``count``: the number of items,
    when known already).

    Readers follow old or mistyped links, so a page number that is not a number, or is past
    the end, is a plain 404 and never a server error or a silent jump to page one.
    """
    paginator = ArchivePaginator(items, per_page)
    if count is not None:
        paginator.count = count  # instead of counting them again
    number = request.GET.get("page", "1")
    try:
        return paginator.page(number)
    except (PageNotAnInteger, EmptyPage, ValueError, OverflowError) as error:
        raise Http404("No such page") from error
