import time

from django.core.management.base import BaseCommand

from home.demo.loader import DemoLoader, quiet_loggers
from home.demo.translate import translate_demo


class Command(BaseCommand):
    help = (
        "Build the English demo site (articles, media, publications, About Us, Contact us, "
        "site settings) and translate part of it into the Arabic, Persian and Albanian "
        "editions through wagtail-localize. Safe to run again: what exists is kept."
    )

    def handle(self, *args, **options):
        started = time.monotonic()
        loader = DemoLoader().run()
        with quiet_loggers("django_tasks", "django.tasks", "wagtail", "wagtail_localize"):
            translated = translate_demo()
        elapsed = time.monotonic() - started
        self.stdout.write(loader.summary())
        for language, counts in translated.items():
            made = ", ".join(f"{count} {kind}" for kind, count in sorted(counts.items()))
            self.stdout.write(f"Translated into {language}: {made or 'nothing new'}.")
        created = sum(loader.created.values()) + sum(
            sum(counts.values()) for counts in translated.values()
        )
        message = f"Demo content loaded in {elapsed:.1f} s: {created} objects created."
        self.stdout.write(self.style.SUCCESS(message))
