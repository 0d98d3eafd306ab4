import json
import tarfile
from pathlib import Path

from django.conf import settings
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.core.management.color import no_style
from django.db import connection, transaction

from caching.purge import everything_changed, page_addresses
from operations.backup import DATA_FILE, MANIFEST_FILE, MEDIA_FILE, content_counts, sha256_of


def empty_tables_except_schema_data():
    """Empty every table but content types and permissions. Those two are made by migrate
    (some permissions by data migrations, which `flush` would lose for good), and the backup
    refers to them by natural key, so they need not have the same ids as before."""
    kept = {ContentType._meta.db_table, Permission._meta.db_table}
    tables = [
        table
        for table in connection.introspection.django_table_names(only_existing=True)
        if table not in kept
    ]
    postgres = connection.vendor == "postgresql"
    if postgres:
        # PostgreSQL will not truncate a table with constraint checks still deferred in
        # this transaction (a caller's, when restore_site is called from code): run them,
        # then defer them again for loaddata, which inserts rows in any order.
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL IMMEDIATE")
    statements = connection.ops.sql_flush(no_style(), tables, reset_sequences=True)
    connection.ops.execute_sql_flush(statements)
    if postgres:
        with connection.cursor() as cursor:
            cursor.execute("SET CONSTRAINTS ALL DEFERRED")


class Command(BaseCommand):
    help = (
        "Restore a backup made by backup_site. Replaces everything in the database and adds "
        "the backed-up files to MEDIA_ROOT, then checks the counts against the backup."
    )

    def add_arguments(self, parser):
        parser.add_argument("backup_dir")
        parser.add_argument(
            "--no-input", action="store_false", dest="interactive", help="do not ask first"
        )

    def handle(self, backup_dir, interactive=True, **options):
        folder = Path(backup_dir)
        try:
            manifest = json.loads((folder / MANIFEST_FILE).read_text())
        except FileNotFoundError as error:
            raise CommandError(f"{folder} has no {MANIFEST_FILE}: not a backup.") from error
        for name, expected in manifest["sha256"].items():
            if sha256_of(folder / name) != expected:
                raise CommandError(f"{name} does not match its checksum: the backup is damaged.")

        database = connection.settings_dict["NAME"]
        if interactive:
            answer = input(
                f"This replaces every page, image, document and user in {database}. "
                "Type 'yes' to continue: "
            )
            if answer.strip().lower() != "yes":
                raise CommandError("Restore cancelled.")

        call_command("migrate", interactive=False, verbosity=0)
        addresses_before = page_addresses()
        with transaction.atomic():
            empty_tables_except_schema_data()
            call_command("loaddata", str(folder / DATA_FILE), verbosity=0)
            # Every page, value and fragment cached from the database before is stale now,
            # in every worker and in the CDN: an undone defacement must not stay visible.
            purge = everything_changed(addresses_before)

        media_root = Path(settings.MEDIA_ROOT)
        media_root.mkdir(parents=True, exist_ok=True)
        with tarfile.open(folder / MEDIA_FILE, "r:gz") as archive:
            archive.extractall(media_root, filter="data")  # no absolute paths or links out

        call_command("update_index", verbosity=0)

        restored = content_counts()
        if restored != manifest["counts"]:
            raise CommandError(
                f"Restored counts {restored} differ from the backup's {manifest['counts']}."
            )
        counts = ", ".join(f"{value} {name}" for name, value in restored.items())
        self.stdout.write(self.style.SUCCESS(f"Restored {counts} into {database}"))
        self.stdout.write(f"Cached pages and values made stale: {len(purge.tags)} tags.")
