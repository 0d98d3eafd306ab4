from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.http import Http404


def paginate(request, items, per_page):
    """One page of `items` from the ``?page=`` parameter.

    Readers follow old or mistyped links, so a page number that is not a number, or is past
    the end, is a plain 404 and never a server error or a silent jump to page one.
    """
    paginator = Paginator(items, per_page)
    number = request.GET.get("page", "1")
    try:
        return paginator.page(number)
    except (PageNotAnInteger, EmptyPage, ValueError, OverflowError) as error:
        raise Http404("No such page") from error
