from django.core.cache import cache
from django.db import connection
from django.http import HttpResponse, JsonResponse


class HealthCheckMiddleware:
    """Answer load-balancer probes before anything else runs.

    Probes address the container by IP, which ALLOWED_HOSTS rightly refuses, and must never
    be redirected to HTTPS or cached, so they are handled ahead of the rest of the stack.
    ``/healthz``: the process is up. ``/readyz``: the database and the cache answer.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path == "/healthz":
            return self.no_store(HttpResponse("ok", content_type="text/plain"))
        if request.path == "/readyz":
            checks = {"database": self.database_ok(), "cache": self.cache_ok()}
            status = 200 if all(checks.values()) else 503
            return self.no_store(JsonResponse(checks, status=status))
        return self.get_response(request)

    @staticmethod
    def no_store(response):
        response["Cache-Control"] = "no-store"
        return response

    @staticmethod
    def database_ok():
        try:
            with connection.cursor() as cursor:
                cursor.execute("SELECT 1")
            return True
        except Exception:
            return False

    @staticmethod
    def cache_ok():
        try:
            cache.set("readyz", "1", 5)
            return cache.get("readyz") == "1"
        except Exception:
            return False
