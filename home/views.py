from django.shortcuts import render
from django.utils import translation


def page_not_found(request, exception=None):
    return render(request, "404.html", status=404)


def server_error(request):
    # Rendered with as little as possible: the database may be what failed.
    return render(request, "500.html", {"LANGUAGE_CODE": translation.get_language()}, status=500)
