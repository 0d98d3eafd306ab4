from django.core.management.base import BaseCommand
from wagtail.models import Page

from core.images import prepare_page_renditions


class Command(BaseCommand):
    help = (
        "Make every image rendition that live pages and their listings show (publishing "
        "does this for one page; run this after changing the image roles in core/images.py "
        "or when moving an existing archive to new storage). Existing renditions are kept."
    )

    def handle(self, *args, **options):
        made = pages = 0
        for page in Page.objects.live().specific().iterator(chunk_size=200):
            made += prepare_page_renditions(page)
            pages += 1
        self.stdout.write(f"{made} renditions made for {pages} live pages.")
