import time

from django.core.management.base import BaseCommand

from home.demo.loader import DemoLoader


class Command(BaseCommand):
    help = (
        "Build the English demo site (articles, media, publications, About Us, Contact us, "
        "site settings) under the English home page. Safe to run again: what exists is kept."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        loader = DemoLoader().run()
        elapsed = time.monotonic() - started
        self.stdout.write(loader.summary())
        created = sum(loader.created.values())
        message = f"Demo content loaded in {elapsed:.1f} s: {created} objects created."
        self.stdout.write(self.style.SUCCESS(message))
