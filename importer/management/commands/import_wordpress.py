"""``python manage.py import_wordpress EXPORT.xml``: bring a WordPress site over."""

import resource
import sys
import time

from django.core.management.base import BaseCommand, CommandError

from importer.wordpress import ImportRefused, WordPressImporter


class Progress:
    """One line on stderr, rewritten in place on a terminal, every 10% otherwise."""

    def __init__(self, stream):
        self.stream = stream
        self.tty = hasattr(stream, "isatty") and stream.isatty()
        self.last = None

    def __call__(self, label, done, total):
        if self.tty:
            if done == total or done % 25 == 0:
                end = "\n" if done == total else ""
                self.stream.write(
                    f"\r{label}: {done}/{total} ({100 * done // max(total, 1)}%){end}"
                )
                self.stream.flush()
            return
        step = max(total // 10, 1)
        if done == total or done % step == 0:
            if (label, done) != self.last:
                self.stream.write(f"{label}: {done}/{total}\n")
                self.last = (label, done)


class Command(BaseCommand):
    help = (
        "Import a WordPress export (WXR 1.1/1.2): posts, pages, attachments, categories, "
        "tags, authors, WPML/Polylang translations, and redirects from every old address. "
        "Safe to run again: it updates what changed."
    )

    def add_arguments(self, parser):
        parser.add_argument("export", help="The WXR file (Tools → Export in WordPress).")
        parser.add_argument(
            "--media-dir",
            help="A copy of wp-content/uploads (attachments are looked up by their path in it).",
        )
        parser.add_argument(
            "--download",
            action="store_true",
            help="Download attachments missing from --media-dir from their old addresses.",
        )
        parser.add_argument(
            "--locale",
            default=None,
            help="The edition of posts without language data (default: the site's default).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would happen; write nothing."
        )
        parser.add_argument(
            "--on-conflict",
            choices=["skip", "draft"],
            default="skip",
            help=(
                "A page edited in Wagtail since the last import is never overwritten: it is "
                "reported and left (skip, the default), or the imported content is saved as "
                "a new draft revision of it, not published (draft)."
            ),
        )
        parser.add_argument(
            "--verify",
            action="store_true",
            help="After the import, compare the words of every published post and page with "
            "the words on its served page, and report what is missing.",
        )

    def handle(self, *args, **options):
        started = time.monotonic()
        importer = WordPressImporter(
            options["export"],
            media_dir=options["media_dir"],
            download=options["download"],
            default_locale=options["locale"],
            dry_run=options["dry_run"],
            on_conflict=options["on_conflict"],
            progress=Progress(sys.stderr if options.get("stderr") is None else self.stderr),
        )
        try:
            report = importer.run()
        except ImportRefused as error:
            raise CommandError(f"Nothing was imported: {error}") from error
        self.print_summary(report, time.monotonic() - started, options["dry_run"])
        if options["verify"] and not options["dry_run"]:
            from importer.verify import report_lines, verify

            self.stdout.write("")
            self.stdout.write("Verification (words of each published item on its page):")
            for line in report_lines(verify(importer)):
                self.stdout.write(line)

    def print_summary(self, report, seconds, dry_run):
        write = self.stdout.write
        # Linux reports the peak resident memory in kilobytes.
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        prefix = "DRY RUN: nothing was written. " if dry_run else ""
        write(f"{prefix}Done in {seconds:.1f} s, peak memory {peak:.0f} MB.")
        write("")
        rows = sorted(report.counts.items())
        if rows:
            write(f"{'type':<12} {'edition':<8} {'outcome':<10} {'count':>7}")
            for (kind, edition, outcome), count in rows:
                write(f"{kind:<12} {edition:<8} {outcome:<10} {count:>7}")
        if report.skipped:
            write("")
            write(f"Skipped ({len(report.skipped)}):")
            for what, reason in report.skipped:
                write(f"  {what}: {reason}")
        if report.not_fetched:
            write("")
            write(f"Files not fetched ({len(report.not_fetched)}):")
            for url, reason in report.not_fetched:
                write(f"  {url}: {reason}")
        if report.warnings:
            write("")
            write(f"Warnings ({len(report.warnings)}):")
            for what, message in report.warnings[:200]:
                write(f"  {what}: {message}")
            if len(report.warnings) > 200:
                write(f"  … and {len(report.warnings) - 200} more")
