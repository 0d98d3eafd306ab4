"""Proof that a database made by the previous release migrates forward with nothing lost.

    .venv/bin/python scripts/upgrade_check.py                  # SQLite, then PostgreSQL
    .venv/bin/python scripts/upgrade_check.py --database sqlite
    .venv/bin/python scripts/upgrade_check.py --database postgresql --keep

For each database, in a scratch database of its own (a SQLite file in a temporary folder;
``nejat_upgrade_check`` on PostgreSQL, dropped and created afresh):

1. a temporary git worktree of the previous release (``--previous``, default a34b7cb, the
   commit before the site models moved from home/ to core/ and the search entries to
   search/) under the temporary folder;
2. with that release's code and Python (``--old-python``, default /work/main/.venv's; when
   absent, a virtualenv built from that commit's requirements-dev.lock): ``manage.py
   migrate``, ``manage.py configure_site --hostname 127.0.0.1 --port 8000`` and ``manage.py
   load_demo`` (DATABASE_URL and MEDIA_ROOT point at the scratch database and folder);
3. a record of the database through the old code (the ``--record`` mode of this script,
   run by the old Python in the old tree): pages by content type and locale, every page's
   type, locale, translation key, path and latest revision, every live page's address,
   the site settings and site identities (and their social links) as stored and as each
   edition sees them, snippet counts (per locale for translatable ones), revision counts
   by content type, row counts of every table, content types, permissions, group
   permissions, wagtail-localize translation sources and the source each resolves to
   (and, on PostgreSQL, the search indexes);
4. ``manage.py migrate`` with this tree's code and Python (the one running this script),
   then ``manage.py migrate --check``, and the same record through the new code;
5. the two records compared, reading the old ``home.siteidentity``, ``home.sitesettings``
   and ``home.sociallink`` as ``core.*`` and ``home.searchentry`` as
   ``search.searchentry`` (the only models that moved). The content types must keep their
   ids (the three moved ones now saying core); the only new content type allowed is
   ``search.searchentry`` (with its four permissions): the old ``home.searchentry`` content
   type stays, stale, as Django leaves a deleted model's;
6. pages fetched through Django's test client with the new code: every edition's home
   (/en/ /ar/ /fa/ /sq/) and the first live page of every page type (an article among
   them), each expected to answer 200, an edition's home also to show its site name.

Prints a short report per database and exits non-zero on any difference or failure. The
scratch databases, worktree and folder are removed at the end unless ``--keep``.
PostgreSQL: ``--postgres-url`` (default postgres://postgres@127.0.0.1:5432/
nejat_upgrade_check; the server's ``postgres`` database is used to drop and create it).
Only the standard library is imported at the top: the ``--record`` mode runs under the
previous release's Python too.
"""

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

REPO = Path(__file__).resolve().parent.parent
PREVIOUS_RELEASE = "a34b7cb"
OLD_PYTHON = Path("/work/main/.venv/bin/python")
POSTGRES_URL = "postgres://postgres@127.0.0.1:5432/nejat_upgrade_check"
HOSTNAME, PORT = "127.0.0.1", 8000
EDITIONS = ["en", "ar", "fa", "sq"]

# The models that changed app; everything else keeps its label.
MOVED = {
    "home.siteidentity": "core.siteidentity",
    "home.sitesettings": "core.sitesettings",
    "home.sociallink": "core.sociallink",
    "home.searchentry": "search.searchentry",
}
# Content types the upgrade may add: search/'s new model (its entries are a new table).
NEW_CONTENT_TYPES = {"search.searchentry"}
# Content type rows the migrations move to their model's new app, keeping their ids.
MOVED_CONTENT_TYPES = {old: new for old, new in MOVED.items() if new.startswith("core.")}


# --- Recording (runs inside either tree's Python) ---------------------------------------------


def record(fetch):
    """What the database holds, read through the code of the tree this process runs in."""
    from collections import Counter

    from django.apps import apps
    from django.contrib.auth.models import Group, Permission
    from django.contrib.contenttypes.models import ContentType
    from django.db import connection
    from wagtail.models import Locale, Page, Revision
    from wagtail.snippets.models import get_snippet_models
    from wagtail_localize.models import TranslationSource

    def moved_model(name):
        for app_label in ("core", "home"):
            try:
                return apps.get_model(app_label, name)
            except LookupError:
                continue
        raise LookupError(name)

    def fields(obj):
        return {f.attname: getattr(obj, f.attname) for f in obj._meta.concrete_fields}

    def ct_label(content_type):
        return f"{content_type.app_label}.{content_type.model}"

    SiteIdentity = moved_model("SiteIdentity")
    SiteSettings = moved_model("SiteSettings")
    data = {"vendor": connection.vendor}

    pages = Page.objects.select_related("content_type", "locale").order_by("path")
    data["pages_by_type_and_locale"] = dict(
        Counter(f"{ct_label(p.content_type)} {p.locale.language_code}" for p in pages)
    )
    data["pages"] = {
        str(p.pk): [
            ct_label(p.content_type),
            p.locale.language_code,
            str(p.translation_key),
            p.live,
            p.url_path,
            p.title,
            p.latest_revision_id,
            p.alias_of_id,
        ]
        for p in pages
    }
    data["live_urls"] = {
        str(p.pk): p.get_full_url() for p in Page.objects.live().specific().order_by("path")
    }

    data["site_settings"] = {str(s.pk): fields(s) for s in SiteSettings.objects.order_by("pk")}
    data["site_identities"] = {
        str(i.pk): dict(
            fields(i),
            social_links=[fields(link) for link in i.social_links.order_by("sort_order", "pk")],
        )
        for i in SiteIdentity.objects.order_by("pk")
    }
    by_locale = {}
    for settings in SiteSettings.objects.order_by("pk"):
        for locale in Locale.objects.order_by("language_code"):
            identity = settings.identity and settings.identity.get_translation_or_none(locale)
            by_locale[f"site {settings.site_id} {locale.language_code}"] = identity and [
                identity.pk,
                identity.site_name,
                identity.tagline,
                identity.copyright_holder,
                [[link.platform, link.url, link.label] for link in identity.social_links.all()],
            ]
    data["site_identity_by_locale"] = by_locale

    snippets = {}
    for model in get_snippet_models():
        snippets[model._meta.label_lower] = model.objects.count()
        if any(f.name == "locale" for f in model._meta.concrete_fields):
            for code, count in Counter(
                model.objects.values_list("locale__language_code", flat=True)
            ).items():
                snippets[f"{model._meta.label_lower} {code}"] = count
    data["snippets"] = snippets

    revisions = Revision.objects.select_related("content_type", "base_content_type")
    data["revisions"] = dict(Counter(ct_label(r.content_type) for r in revisions))
    data["revisions"]["(all)"] = Revision.objects.count()

    data["row_counts"] = {
        model._meta.label_lower: model._default_manager.count()
        for model in apps.get_models(include_auto_created=True)
        if model._meta.managed and not model._meta.proxy
    }
    data["content_types"] = {str(ct.pk): ct_label(ct) for ct in ContentType.objects.all()}
    data["permissions"] = {
        str(p.pk): f"{p.content_type_id} {p.codename}" for p in Permission.objects.all()
    }
    data["group_permissions"] = sorted(
        f"{group.name}: {permission_id}"
        for group in Group.objects.all()
        for permission_id in group.permissions.values_list("pk", flat=True)
    )

    sources = {}
    for source in TranslationSource.objects.select_related(
        "specific_content_type", "locale"
    ).order_by("pk"):
        try:
            instance = source.get_source_instance()
            resolved = [instance._meta.label_lower, instance.pk]
        except Exception as error:  # recorded, compared, reported
            resolved = [f"{type(error).__name__}: {error}"]
        sources[str(source.pk)] = [
            ct_label(source.specific_content_type),
            str(source.object_id),
            source.locale.language_code,
            *resolved,
        ]
    data["translation_sources"] = sources

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT tablename || '.' || indexname FROM pg_indexes WHERE tablename IN "
                "('wagtailsearch_indexentry', 'home_searchentry', 'search_searchentry')"
            )
            data["search_indexes"] = sorted(row[0] for row in cursor.fetchall())
    with connection.cursor() as cursor:
        cursor.execute("SELECT app, name FROM django_migrations ORDER BY id")
        data["applied_migrations"] = [f"{app}.{name}" for app, name in cursor.fetchall()]

    if fetch:
        data["fetched"] = fetch_pages(data)
    return data


def fetch_pages(data):
    """Every edition's home and the first live page of every page type, through Django's
    test client: (status, the edition's site name shown or None when not an edition home)."""
    from django.test import Client

    client = Client(HTTP_HOST=f"{HOSTNAME}:{PORT}", SERVER_PORT=str(PORT))
    wanted = {f"/{code}/": code for code in EDITIONS}
    live = [(data["pages"][key], url) for key, url in data["live_urls"].items() if url]
    kinds = set()
    for (kind, *_), url in sorted(live, key=lambda item: item[0][1] != "en"):
        if kind not in kinds:  # the first English one, else the first in the tree
            kinds.add(kind)
            wanted.setdefault(urlsplit(url).path, None)
    names = {
        key.split()[-1]: value[1] for key, value in data["site_identity_by_locale"].items() if value
    }
    fetched = {}
    for path, edition in sorted(wanted.items()):
        try:
            response = client.get(path)
        except Exception as error:  # reported as a failed fetch
            fetched[path] = [f"{type(error).__name__}: {error}", None]
            continue
        shows_name = None
        if edition and names.get(edition):
            shows_name = names[edition] in response.content.decode("utf-8", "replace")
        fetched[path] = [response.status_code, shows_name]
    return fetched


def record_main(tree, out, fetch):
    """``--record``: run by a tree's Python, with that tree first on the path."""
    sys.path[0] = str(tree)  # instead of scripts/
    os.chdir(tree)
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "config.settings.dev")
    import django

    django.setup()
    data = record(fetch)
    Path(out).write_text(json.dumps(data, default=str, ensure_ascii=False, indent=1))


# --- Comparing --------------------------------------------------------------------------------


def moved(label):
    """An old label as the new code names it ("home.siteidentity" or a key starting with it)."""
    head, _, tail = label.partition(" ")
    head = MOVED.get(head, head)
    return f"{head} {tail}" if tail else head


def relabel(mapping):
    return {moved(key): value for key, value in mapping.items()}


def differences(name, old, new):
    """Lines describing how two mappings differ (nothing when they are equal)."""
    lines = []
    for key in sorted(set(old) | set(new), key=str):
        if key not in new:
            lines.append(f"{name}: {key} lost (was {old[key]!r})")
        elif key not in old:
            lines.append(f"{name}: {key} new ({new[key]!r})")
        elif isinstance(old[key], dict) and isinstance(new[key], dict):
            lines.extend(differences(f"{name}: {key}", old[key], new[key]))
        elif old[key] != new[key]:
            lines.append(f"{name}: {key} was {old[key]!r}, now {new[key]!r}")
    return lines


def compare(old, new):
    """(report lines, problems) for two records."""
    report, problems = [], []

    def check(title, old_map, new_map, size=None):
        found = differences(title, old_map, new_map)
        count = len(old_map) if size is None else size
        report.append(f"  {title}: {count} compared, {'same' if not found else 'DIFFERENT'}")
        problems.extend(found)

    def relabel_pages(pages):
        return {key: [moved(value[0]), *value[1:]] for key, value in pages.items()}

    total_pages = sum(old["pages_by_type_and_locale"].values())
    check(
        "pages by type and locale",
        relabel(old["pages_by_type_and_locale"]),
        new["pages_by_type_and_locale"],
        size=f"{total_pages} pages in {len(old['pages_by_type_and_locale'])} groups,",
    )
    check(
        "pages (type, locale, translation key, path...)", relabel_pages(old["pages"]), new["pages"]
    )
    check("live page addresses", old["live_urls"], new["live_urls"])
    check("site settings", old["site_settings"], new["site_settings"])
    check("site identities (with social links)", old["site_identities"], new["site_identities"])
    check(
        "site identity per edition", old["site_identity_by_locale"], new["site_identity_by_locale"]
    )
    check("snippet counts", relabel(old["snippets"]), new["snippets"])
    check(
        "revision counts by content type",
        relabel(old["revisions"]),
        new["revisions"],
        size=f"{old['revisions'].get('(all)', 0)} revisions in {len(old['revisions']) - 1} types,",
    )
    skip = {"contenttypes.contenttype", "auth.permission"}
    old_rows = {k: v for k, v in relabel(old["row_counts"]).items() if k not in skip}
    new_rows = {k: v for k, v in new["row_counts"].items() if k not in skip}
    check(
        "row counts of every table",
        old_rows,
        new_rows,
        size=f"{sum(old_rows.values())} rows in {len(old_rows)} tables,",
    )

    # Content types keep their ids; the moved ones now say core; only search's is new.
    old_types = {key: MOVED_CONTENT_TYPES.get(v, v) for key, v in old["content_types"].items()}
    added = {key: v for key, v in new["content_types"].items() if key not in old_types}
    allowed = {key for key, label in added.items() if label in NEW_CONTENT_TYPES}
    check(
        "content types (same ids, moved ones now core)",
        old_types,
        {key: v for key, v in new["content_types"].items() if key not in allowed},
    )
    old_permissions = old["permissions"]
    new_permissions = {
        key: value
        for key, value in new["permissions"].items()
        if key in old_permissions or value.split()[0] not in allowed
    }
    check("permissions (same ids and content types)", old_permissions, new_permissions)
    check(
        "group permissions",
        dict.fromkeys(old["group_permissions"], True),
        dict.fromkeys(new["group_permissions"], True),
    )
    old_sources = {
        key: [moved(v) if isinstance(v, str) else v for v in value]
        for key, value in old["translation_sources"].items()
    }
    check(
        "translation sources (and what each resolves to)", old_sources, new["translation_sources"]
    )
    problems.extend(
        f"translation source {key} does not resolve: {value}"
        for key, value in new["translation_sources"].items()
        if len(value) < 5
    )
    for moved_to in MOVED_CONTENT_TYPES.values():
        ids = [k for k, v in new["content_types"].items() if v == moved_to]
        if len(ids) != 1:
            problems.append(f"content type {moved_to}: {len(ids)} rows, expected one")
    if added:
        report.append(
            "  new content types: " + ", ".join(f"{v} (id {k})" for k, v in sorted(added.items()))
        )
    stale = sorted(label for label in new["content_types"].values() if label in MOVED)
    if stale:
        report.append("  content types left for models that moved: " + ", ".join(stale))

    for path, (status, shows_name) in sorted(new.get("fetched", {}).items()):
        ok = status == 200 and shows_name is not False
        note = (
            ""
            if shows_name is None
            else (", shows its site name" if shows_name else ", site name MISSING")
        )
        report.append(f"  GET {path}: {status}{note}")
        if not ok:
            problems.append(f"GET {path}: {status}{note}")
    if not new.get("fetched"):
        problems.append("no page fetched")

    if "search_indexes" in new:
        report.append(f"  search indexes before: {', '.join(old.get('search_indexes', []))}")
        report.append(f"  search indexes after: {', '.join(new['search_indexes'])}")
        for index in (
            "wagtailsearch_indexentry.search_title_body_gin",
            "search_searchentry.search_searchentry_document_gin",
        ):
            if index not in new["search_indexes"]:
                problems.append(f"index {index} missing after the upgrade")
    new_migrations = [m for m in new["applied_migrations"] if m not in old["applied_migrations"]]
    report.append(f"  migrations applied by the upgrade: {', '.join(new_migrations) or 'none'}")
    return report, problems


# --- Orchestration ----------------------------------------------------------------------------


class Failed(Exception):
    pass


def run(args, *, cwd, env, log, timeout=3600):
    """Run a command, its output appended to ``log``; raise Failed on a non-zero exit."""
    started = time.monotonic()
    with open(log, "a") as out:
        out.write(f"\n$ {' '.join(map(str, args))}  (in {cwd})\n")
        out.flush()
        result = subprocess.run(
            [str(a) for a in args],
            cwd=cwd,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            timeout=timeout,
        )
    elapsed = time.monotonic() - started
    if result.returncode:
        tail = "".join(Path(log).read_text().splitlines(keepends=True)[-30:])
        raise Failed(f"{' '.join(map(str, args[1:3]))} failed (exit {result.returncode}):\n{tail}")
    return elapsed


def old_python(requested, tree, workdir, log):
    """The previous release's Python: the one asked for, else a virtualenv built from the
    release's own lock file."""
    if requested.exists():
        return requested
    venv = workdir / "venv-previous"
    base = shutil.which("python3.11") or sys.executable
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHONPATH")}
    run([base, "-m", "venv", venv], cwd=workdir, env=env, log=log)
    pip = venv / "bin" / "pip"
    run([pip, "install", "-q", "-r", tree / "requirements-dev.lock"], cwd=tree, env=env, log=log)
    return venv / "bin" / "python"


def postgres_admin(url, action):
    """Drop (and, with action "create", create afresh) the scratch database of ``url``."""
    import psycopg
    from psycopg import sql

    parts = urlsplit(url)
    name = parts.path.lstrip("/")
    admin = urlunsplit(parts._replace(scheme="postgresql", path="/postgres"))
    with psycopg.connect(admin, autocommit=True) as conn:
        conn.execute(
            sql.SQL("DROP DATABASE IF EXISTS {} WITH (FORCE)").format(sql.Identifier(name))
        )
        if action == "create":
            conn.execute(sql.SQL("CREATE DATABASE {}").format(sql.Identifier(name)))


def check_database(kind, options, workdir, tree, python_old):
    """Build the old database, record, migrate, record, compare: (report lines, problems)."""
    log = workdir / f"{kind}.log"
    media = workdir / f"media-{kind}"
    media.mkdir()
    if kind == "sqlite":
        url = f"sqlite:///{workdir / 'upgrade_check.sqlite3'}"
    else:
        url = options.postgres_url
        postgres_admin(url, "create")
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("VIRTUAL_ENV", "PYTHONPATH", "REDIS_URL", "DJANGO_SETTINGS_MODULE")
    }
    env.update(
        DATABASE_URL=url,
        MEDIA_ROOT=str(media),
        DJANGO_SETTINGS_MODULE="config.settings.dev",
        LOG_LEVEL="WARNING",
        DB_CONN_MAX_AGE="0",
    )
    this = Path(__file__).resolve()
    times = {}
    times["old: migrate"] = run(
        [python_old, "manage.py", "migrate", "--no-input"], cwd=tree, env=env, log=log
    )
    times["old: configure_site"] = run(
        [python_old, "manage.py", "configure_site", "--hostname", HOSTNAME, "--port", PORT],
        cwd=tree,
        env=env,
        log=log,
    )
    times["old: load_demo"] = run(
        [python_old, "manage.py", "load_demo"], cwd=tree, env=env, log=log
    )
    old_json, new_json = workdir / f"{kind}-old.json", workdir / f"{kind}-new.json"
    times["old: record"] = run(
        [python_old, this, "--record", tree, old_json], cwd=tree, env=env, log=log
    )
    times["new: migrate"] = run(
        [sys.executable, "manage.py", "migrate", "--no-input"], cwd=REPO, env=env, log=log
    )
    times["new: migrate --check"] = run(
        [sys.executable, "manage.py", "migrate", "--check"], cwd=REPO, env=env, log=log
    )
    times["new: record and fetch"] = run(
        [sys.executable, this, "--record", REPO, new_json, "--fetch"], cwd=REPO, env=env, log=log
    )
    old, new = json.loads(old_json.read_text()), json.loads(new_json.read_text())
    report, problems = compare(old, new)
    report.append(
        "  time: " + ", ".join(f"{step} {seconds:.0f} s" for step, seconds in times.items())
    )
    return report, problems


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--database", choices=["sqlite", "postgresql", "both"], default="both")
    parser.add_argument(
        "--previous", default=PREVIOUS_RELEASE, help="the previous release's commit"
    )
    parser.add_argument("--old-python", type=Path, default=OLD_PYTHON)
    parser.add_argument("--postgres-url", default=POSTGRES_URL)
    parser.add_argument("--keep", action="store_true", help="keep the scratch databases and folder")
    parser.add_argument("--record", nargs=2, metavar=("TREE", "OUT"), help=argparse.SUPPRESS)
    parser.add_argument("--fetch", action="store_true", help=argparse.SUPPRESS)
    options = parser.parse_args()
    if options.record:
        record_main(Path(options.record[0]), options.record[1], options.fetch)
        return 0

    kinds = ["sqlite", "postgresql"] if options.database == "both" else [options.database]
    workdir = Path(tempfile.mkdtemp(prefix="nejat-upgrade-check-"))
    tree = workdir / "previous"
    failed = False
    started = time.monotonic()
    try:
        subprocess.run(
            ["git", "-C", REPO, "worktree", "add", "--detach", "--quiet", tree, options.previous],
            check=True,
        )
        python_old = old_python(options.old_python, tree, workdir, workdir / "venv.log")
        print(f"Previous release {options.previous} in {tree}, run by {python_old}")
        for kind in kinds:
            began = time.monotonic()
            try:
                report, problems = check_database(kind, options, workdir, tree, python_old)
            except (Failed, subprocess.TimeoutExpired) as error:
                report, problems = [], [str(error)]
            verdict = "nothing lost" if not problems else f"{len(problems)} PROBLEM(S)"
            print(f"\n{kind}: {verdict} ({time.monotonic() - began:.0f} s)")
            print("\n".join(report))
            for problem in problems[:200]:
                print(f"  ! {problem}")
            failed = failed or bool(problems)
    finally:
        subprocess.run(["git", "-C", REPO, "worktree", "remove", "--force", tree], check=False)
        if options.keep:
            print(f"\nKept: {workdir} (logs, records, SQLite file, media)")
        else:
            if "postgresql" in kinds:
                try:
                    postgres_admin(options.postgres_url, "drop")
                except Exception as error:  # the report matters more than the clean-up
                    print(f"Could not drop the scratch PostgreSQL database: {error}")
            shutil.rmtree(workdir, ignore_errors=True)
    print(f"\n{'FAILED' if failed else 'OK'} in {time.monotonic() - started:.0f} s")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
