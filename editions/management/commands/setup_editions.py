"""Give every existing edition its translator permissions and review workflow.

New edition home pages are set up automatically when they are saved (``editions.signals``);
this command does the same for a database whose editions existed before, and is safe to
run at any time (it only adds what is missing).
"""

from django.core.management.base import BaseCommand

from editions.permissions import edition_home_pages, setup_edition


class Command(BaseCommand):
    help = "Grant each edition's translator group its page permissions and review workflow."

    def handle(self, *args, **options):
        homes = list(edition_home_pages())
        if not homes:
            self.stdout.write("No edition home pages yet: translate the English home first.")
            return
        for home in homes:
            result = setup_edition(home)
            summary = ", ".join(result.created) if result.created else "already set up"
            self.stdout.write(f"{result.language_code}: {home.title} (page {home.pk}): {summary}")
            for note in result.notes:
                self.stdout.write(self.style.WARNING(f"  {note}"))
