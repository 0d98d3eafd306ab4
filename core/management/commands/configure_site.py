from django.core.management.base import BaseCommand
from wagtail.models import Site


class Command(BaseCommand):
    help = (
        "Set the default site's host name and port, which Wagtail uses for every absolute "
        "address it writes (sitemap, feeds, share links, canonical and hreflang links)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--hostname", required=True)
        parser.add_argument("--port", type=int, default=80)

    def handle(self, *args, hostname, port, **options):
        site = Site.objects.get(is_default_site=True)
        if (site.hostname, site.port) != (hostname, port):
            site.hostname, site.port = hostname, port
            site.save()
        self.stdout.write(f"The default site is served at {site.root_url}/")
