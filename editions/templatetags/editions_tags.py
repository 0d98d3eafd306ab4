from django import template

from editions import editions, formatting

register = template.Library()


@register.simple_tag(takes_context=True)
def edition_links(context):
    """The language switcher: the same page in every edition, or that edition's home."""
    request = context.get("request")
    if request is None:
        return []
    return editions.edition_links(request, context.get("page"))


@register.simple_tag(takes_context=True)
def alternate_links(context):
    """(hreflang, absolute URL) pairs for every live translation of the page, and x-default."""
    request = context.get("request")
    page = context.get("page")
    if request is None or page is None:
        return []
    return editions.alternate_links(request, page)


@register.filter
def local_date(value):
    """A date as the edition writes it (Solar Hijri with Persian digits in Persian)."""
    return formatting.format_date(value)


@register.filter
def local_digits(value):
    return formatting.localize_digits(value)
