import os

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

DEMO_PASSWORD = "nejat-admin-demo"


class Command(BaseCommand):
    help = (
        "Create a superuser from DJANGO_ADMIN_USER / DJANGO_ADMIN_PASSWORD / DJANGO_ADMIN_EMAIL "
        "unless one with that username exists. Without DJANGO_ADMIN_PASSWORD a demo password "
        "is used, and only when DEBUG is on."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--port", type=int, default=8000, help="Port shown in the login hint (8000)."
        )

    def handle(self, *args, **options):
        username = os.environ.get("DJANGO_ADMIN_USER", "").strip() or "admin"
        email = os.environ.get("DJANGO_ADMIN_EMAIL", "").strip() or f"{username}@localhost"
        password = os.environ.get("DJANGO_ADMIN_PASSWORD", "")
        User = get_user_model()
        admin_path = getattr(settings, "WAGTAILADMIN_PATH", "admin/")
        login_url = f"http://127.0.0.1:{options['port']}/{admin_path}"

        if User.objects.filter(**{User.USERNAME_FIELD: username}).exists():
            if password:
                shown = "the password in DJANGO_ADMIN_PASSWORD"
            elif settings.DEBUG:
                shown = f"{DEMO_PASSWORD} (unless it was changed)"
            else:
                shown = "its password"
            self.stdout.write(
                f"A user named {username!r} already exists; nothing changed "
                "(its password is not reset)."
            )
            self.stdout.write(f"Log in at {login_url} as {username} / {shown}")
            return

        if password:
            # A password from the environment is a secret: never echo it into logs.
            shown = "the password in DJANGO_ADMIN_PASSWORD"
        elif settings.DEBUG:
            password = shown = DEMO_PASSWORD
        else:
            raise CommandError(
                "Set DJANGO_ADMIN_PASSWORD: a default password is only used when DEBUG is on."
            )

        User.objects.create_superuser(username=username, email=email, password=password)
        self.stdout.write(self.style.SUCCESS(f"Created the superuser {username!r}."))
        self.stdout.write(f"Log in at {login_url} as {username} / {shown}")
