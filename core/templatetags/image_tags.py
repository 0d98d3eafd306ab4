"""``{% responsive_image image "role" %}``: every picture on the public site (see
``core/images.py`` for the roles, their sizes and formats)."""

from django import template

from core import images

register = template.Library()


@register.simple_tag
def responsive_image(image, role, eager=False, sizes=None, **attrs):
    """A ``<picture>`` (AVIF, WebP, JPEG with width and height) for ``image`` shown in
    ``role``; lazy unless ``eager`` (the page's main picture). ``alt``, ``class`` and other
    attributes go on the ``<img>``. Nothing when there is no image."""
    if not image:
        return ""
    return images.picture(image, role, eager=eager, sizes=sizes, **attrs)


@register.simple_tag
def poster_url(image):
    """The URL of a video's poster frame, or an empty string."""
    return images.poster_url(image) if image else ""


@register.simple_tag
def media_origin():
    """The origin media files are served from when it is not this site's (a bucket or a
    CDN), for a ``preconnect``: the main picture then starts loading sooner."""
    return images.media_origin()
