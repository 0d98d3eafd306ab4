import json
import os
import tarfile
from pathlib import Path

from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils import timezone

from operations.backup import (
    DATA_FILE,
    EXCLUDED,
    MANIFEST_FILE,
    MEDIA_FILE,
    content_counts,
    sha256_of,
)


class Command(BaseCommand):
    help = "Back up the database and media files into a new folder (see operations/backup.py)."

    def add_arguments(self, parser):
        parser.add_argument("out_dir", help="a folder that does not exist yet, or is empty")

    def handle(self, out_dir, **options):
        folder = Path(out_dir)
        if folder.exists() and any(folder.iterdir()):
            raise CommandError(f"{folder} is not empty: choose a new folder for each backup.")
        # A backup holds password hashes and readers' messages: only the account that made
        # it may read it (folder 0700, files 0600), whatever the umask.
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
        folder.chmod(0o700)
        previous_umask = os.umask(0o077)
        try:
            self.write_backup(folder)
        finally:
            os.umask(previous_umask)

    def write_backup(self, folder):
        call_command(
            "dumpdata",
            natural_foreign=True,
            exclude=EXCLUDED,
            output=str(folder / DATA_FILE),
            verbosity=0,
        )
        media_root = Path(settings.MEDIA_ROOT)
        with tarfile.open(folder / MEDIA_FILE, "w:gz") as archive:
            if media_root.exists():
                archive.add(media_root, arcname=".")

        manifest = {
            "created": timezone.now().isoformat(),
            "database": connection.vendor,
            "counts": content_counts(),
            "sha256": {name: sha256_of(folder / name) for name in (DATA_FILE, MEDIA_FILE)},
        }
        (folder / MANIFEST_FILE).write_text(json.dumps(manifest, indent=2))
        for name in (DATA_FILE, MEDIA_FILE, MANIFEST_FILE):
            (folder / name).chmod(0o600)
        counts = ", ".join(f"{value} {name}" for name, value in manifest["counts"].items())
        self.stdout.write(self.style.SUCCESS(f"Backed up {counts} to {folder}"))
