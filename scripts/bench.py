"""The benchmark behind ``make bench``: production settings under gunicorn, PostgreSQL and
Redis on this machine, each page type measured against a static file of similar size.

    make bench                 # 1,000 articles
    make bench SIZE=50000      # 1,000, then 50,000: adds the scale ratios

Steps: build (once) a template database with the demo content, copy it to a fresh
benchmark database, generate articles over the four editions up to SIZE (scripts/
bulk_articles.py), collect static files, start three gunicorns (2 sync workers each), one
with the page cache, one with ``PAGE_CACHE=off`` and one with the page cache but
``CACHE_WORKER_COPIES=off`` (every read from Redis), and measure each page with ``wrk -t2
-c4`` against the static-file floor served by the same gunicorn and whitenoise. Query
counts come from Django's test client in this process (page cache off, warm caches). With
SIZE above 1,000 the archive then grows to SIZE and the listing's first and last page, a
category archive and a search are timed again (sequential requests, median), giving the
ratio of their time at SIZE to their time at 1,000.

Environment: BENCH_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/nejat_bench),
BENCH_REDIS_URL (default redis://127.0.0.1:6379/14, flushed), BENCH_SECONDS (wrk duration
per page, default 10), BENCH_PORT (default 8931; the uncached server uses the next port).
"""

import argparse
import json
import os
import platform
import re
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from datetime import UTC, datetime
from http.client import HTTPConnection
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
BENCH_DIR = ROOT / ".bench"
BASE_SIZE = 1000
DATABASE_URL = os.environ.get(
    "BENCH_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nejat_bench"
)
TEMPLATE_SUFFIX = "_demo"
REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/14")
SECONDS = int(os.environ.get("BENCH_SECONDS", "10"))
PORT = int(os.environ.get("BENCH_PORT", "8931"))
SCALE_REQUESTS = int(os.environ.get("BENCH_SCALE_REQUESTS", "40"))
SEARCH_WORD = "reunion"
REBUILD = os.environ.get("BENCH_REBUILD") == "1"

# (name, cached target: at most this many times a static file's cost,
#  uncached target: the same with PAGE_CACHE=off). From the issue: 1.5x cached for every
# anonymous page; 25x for an article, 40x for the home page, listing, archive and search
# uncached. Pages the issue names no uncached target for are held to 40x.
PAGES = [
    ("home", 1.5, 40),
    ("articles", 1.5, 40),
    ("articles, last page", 1.5, 40),
    ("article", 1.5, 25),
    ("category archive", 1.5, 40),
    ("media section", 1.5, 40),
    ("book", 1.5, 40),
    ("search", 1.5, 40),
]
SCALED = ["articles", "articles, last page", "category archive", "search"]
SCALE_TARGET = 1.3
QUERY_BUDGET = 10

SERVER_ENV = {
    "DJANGO_SETTINGS_MODULE": "config.settings.production",
    "SECRET_KEY": "benchmark-only-secret-key-not-for-production-use-0123456789",
    "ALLOWED_HOSTS": "127.0.0.1,localhost",
    "SECURE_SSL_REDIRECT": "false",
    "SECURE_COOKIES": "false",
    "DATABASE_URL": DATABASE_URL,
    "REDIS_URL": REDIS_URL,
    "CACHE_KEY_PREFIX": "bench",
    "MEDIA_ROOT": str(BENCH_DIR / "media"),
    "LOG_LEVEL": "WARNING",
}


def log(*args):
    print("bench:", *args, file=sys.stderr, flush=True)


# --- Database ----------------------------------------------------------------------------


def _database_name(url):
    return urlsplit(url).path.lstrip("/")


def _psql(sql, url=DATABASE_URL):
    admin = url.rsplit("/", 1)[0] + "/postgres"
    subprocess.run(["psql", admin, "-v", "ON_ERROR_STOP=1", "-qc", sql], check=True)


def _manage(*args, env, url=DATABASE_URL):
    subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        check=True,
        env={**os.environ, **env, "DATABASE_URL": url},
    )


def prepare_database():
    """A fresh copy of the demo database. The template (migrated, demo loaded) is built on
    the first run (or with BENCH_REBUILD=1); later migrations are applied to the copy."""
    name = _database_name(DATABASE_URL)
    template = name + TEMPLATE_SUFFIX
    template_url = DATABASE_URL.rsplit("/", 1)[0] + "/" + template
    exists = (
        subprocess.run(
            [
                "psql",
                DATABASE_URL.rsplit("/", 1)[0] + "/postgres",
                "-tAc",
                f"SELECT 1 FROM pg_database WHERE datname = '{template}'",
            ],
            capture_output=True,
            text=True,
            check=True,
        ).stdout.strip()
        == "1"
    )
    if not exists or REBUILD:
        log(f"building the template database {template} (migrate, load_demo: a few minutes)")
        _psql(f'DROP DATABASE IF EXISTS "{template}"')
        _psql(f'CREATE DATABASE "{template}"')
        shutil.rmtree(BENCH_DIR / "media", ignore_errors=True)
        env = {**SERVER_ENV, "DJANGO_SETTINGS_MODULE": "config.settings.dev"}
        _manage("migrate", "--no-input", "-v", "0", env=env, url=template_url)
        _manage("load_demo", env=env, url=template_url)
    _psql(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
    _psql(f'CREATE DATABASE "{name}" TEMPLATE "{template}"')
    # Migrations added since the template was built (an index) apply to the copy too.
    _manage("migrate", "--no-input", "-v", "0", env=SERVER_ENV)


# --- Django in this process: data, query counts --------------------------------------------


def setup_django():
    os.environ.update(SERVER_ENV)
    os.environ["PAGE_CACHE"] = "off"
    sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def grow_to(size):
    """Generate articles until the site has ``size``, spread evenly over the editions."""
    from wagtail.models import Locale

    from news.models import ArticleIndexPage, ArticlePage
    from scripts.bulk_articles import add_articles

    missing = size - ArticlePage.objects.count()
    if missing <= 0:
        return
    indexes = [
        ArticleIndexPage.objects.get(locale=locale, alias_of__isnull=True)
        for locale in Locale.objects.order_by("pk")
    ]
    started = time.monotonic()
    for n, index in enumerate(indexes):
        share = missing // len(indexes) + (1 if n < missing % len(indexes) else 0)
        newest = ArticlePage.objects.filter(locale=index.locale).order_by("date").first().date
        add_articles(index, share, newest=newest, seed=n, tags=["families"])
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("ANALYZE")
    log(f"generated {missing} articles in {time.monotonic() - started:.0f} s")


def page_urls():
    """The addresses measured, in the English edition."""
    from core.models import SiteSettings
    from news.models import ArticleIndexPage, ArticlePage, Category
    from publications.models import BookPage

    index = ArticleIndexPage.objects.get(locale__language_code="en", alias_of__isnull=True)
    articles = ArticlePage.objects.listed(locale=index.locale).descendant_of(index)
    per_page = SiteSettings.objects.get().articles_per_page
    last_page = -(-articles.count() // per_page)
    article = articles.exclude(slug__startswith="generated-").first()
    category = Category.objects.filter(locale=index.locale).order_by("pk").first()
    book = BookPage.objects.live().filter(locale=index.locale).order_by("pk").first()
    return {
        "home": "/en/",
        "articles": index.url,
        "articles, last page": f"{index.url}?page={last_page}",
        "article": article.url,
        "category archive": index.url + f"category/{category.slug}/",
        "media section": "/en/media/cartoons/",
        "book": book.url,
        "search": f"/en/search/?q={SEARCH_WORD}",
    }


def count_queries(urls):
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST="127.0.0.1")
    counts, sizes = {}, {}
    for name, url in urls.items():
        for _ in range(2):  # warm: shared header data, renditions, site root paths
            client.get(url)
        with CaptureQueriesContext(connection) as queries:
            response = client.get(url)
        assert response.status_code == 200, (url, response.status_code)
        counts[name] = len(queries)
        sizes[name] = len(response.content)
    return counts, sizes


# --- Servers and measurements -----------------------------------------------------------


class Server:
    """gunicorn with the production settings, 2 sync workers, in its own process group."""

    def __init__(self, port, static_root, page_cache, worker_copies=True):
        self.port = port
        env = {
            **os.environ,
            **SERVER_ENV,
            "STATIC_ROOT": str(static_root),
            "PAGE_CACHE": "on" if page_cache else "off",
            "CACHE_WORKER_COPIES": "on" if worker_copies else "off",
        }
        self.process = subprocess.Popen(
            [
                str(Path(sys.executable).parent / "gunicorn"),
                "config.wsgi:application",
                "--workers",
                "2",
                "--worker-class",
                "sync",
                "--bind",
                f"127.0.0.1:{port}",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=env,
            start_new_session=True,
        )
        self.base = f"http://127.0.0.1:{port}"

    def wait(self):
        for _ in range(120):
            try:
                with urllib.request.urlopen(self.base + "/healthz", timeout=2):
                    return
            except OSError:
                time.sleep(0.5)
        raise RuntimeError(f"gunicorn on port {self.port} did not start")

    def stop(self):
        if self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)


def get(url):
    with urllib.request.urlopen(url, timeout=30) as response:
        return response.status, response.read()


def wrk(url, seconds=SECONDS):
    output = subprocess.run(
        ["wrk", "-t2", "-c4", f"-d{seconds}s", url], capture_output=True, text=True, check=True
    ).stdout
    if "Non-2xx or 3xx responses" in output:
        raise RuntimeError(f"{url} answered errors under load:\n{output}")
    return float(re.search(r"Requests/sec:\s+([\d.]+)", output).group(1))


def median_time(base, path, requests=SCALE_REQUESTS):
    """Median seconds per request, sequential, on one keep-alive connection."""
    connection = HTTPConnection(urlsplit(base).netloc, timeout=60)
    times = []
    for _ in range(requests + 3):
        started = time.perf_counter()
        connection.request("GET", path, headers={"Host": "127.0.0.1"})
        response = connection.getresponse()
        response.read()
        assert response.status == 200, (path, response.status)
        times.append(time.perf_counter() - started)
    connection.close()
    return statistics.median(times[3:])


def static_floor(static_root, sizes):
    """A static file as large as the average measured page, served by whitenoise."""
    size = int(statistics.mean(sizes.values()))
    folder = static_root / "bench"
    folder.mkdir(exist_ok=True)
    filler = "<!-- static file of the size of a page -->\n"
    (folder / "page.html").write_text((filler * (size // len(filler) + 1))[:size])
    return "/static/bench/page.html", size


# --- Report ------------------------------------------------------------------------------


def machine():
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} cores, {cpu}; Python {platform.python_version()}, PostgreSQL, Redis"


def table(rows, header):
    widths = [max(len(str(row[i])) for row in [header, *rows]) for i in range(len(header))]
    line = "| " + " | ".join(str(h).ljust(w) for h, w in zip(header, widths, strict=True)) + " |"
    rule = "|" + "|".join("-" * (w + 2) for w in widths) + "|"
    body = [
        "| " + " | ".join(str(c).ljust(w) for c, w in zip(row, widths, strict=True)) + " |"
        for row in rows
    ]
    return "\n".join([line, rule, *body])


def run(size):
    BENCH_DIR.mkdir(exist_ok=True)
    prepare_database()
    static_root = Path(tempfile.mkdtemp(prefix="nejat-bench-static-"))
    SERVER_ENV["STATIC_ROOT"] = str(static_root)
    subprocess.run(
        [sys.executable, "manage.py", "collectstatic", "--no-input", "-v", "0"],
        cwd=ROOT,
        check=True,
        env={**os.environ, **SERVER_ENV},
    )
    setup_django()
    from django.core.cache import cache

    grow_to(min(size, BASE_SIZE))
    cache.clear()
    urls = page_urls()
    queries, sizes = count_queries(urls)
    static_url, static_size = static_floor(static_root, sizes)
    cache.clear()
    cached = Server(PORT, static_root, page_cache=True)
    uncached = Server(PORT + 1, static_root, page_cache=False)
    # The page cache with every read from Redis: what each worker's copies are worth.
    from_redis = Server(PORT + 2, static_root, page_cache=True, worker_copies=False)
    try:
        cached.wait()
        uncached.wait()
        from_redis.wait()
        for url in urls.values():  # warm the servers: page cache, renditions
            for base in (cached.base, uncached.base, from_redis.base):
                for _ in range(3):
                    get(base + url)
        log(f"measuring {len(urls)} pages for {SECONDS} s each, cached and uncached")
        floor = wrk(cached.base + static_url)
        results = {}
        for name, url in urls.items():
            results[name] = (
                wrk(cached.base + url),
                wrk(uncached.base + url),
                wrk(from_redis.base + url),
            )
        floor_again = wrk(cached.base + static_url)
        scale = None
        if size > BASE_SIZE:
            before = {name: median_time(uncached.base, urls[name]) for name in SCALED}
            grow_to(size)
            cache.clear()
            urls_large = page_urls()
            for name in SCALED:
                get(uncached.base + urls_large[name])
            after = {name: median_time(uncached.base, urls_large[name]) for name in SCALED}
            queries_large = count_queries({name: urls_large[name] for name in SCALED})[0]
            scale = (before, after, queries_large)
    finally:
        cached.stop()
        uncached.stop()
        from_redis.stop()
        shutil.rmtree(static_root, ignore_errors=True)
    report(size, floor, floor_again, static_size, results, queries, scale)


def report(size, floor, floor_again, static_size, results, queries, scale):
    static = statistics.mean([floor, floor_again])
    rows, all_met = [], True
    for name, cached_target, uncached_target in PAGES:
        cached_rps, uncached_rps, from_redis_rps = results[name]
        cached_ratio, uncached_ratio = static / cached_rps, static / uncached_rps
        met = (
            cached_ratio <= cached_target
            and uncached_ratio <= uncached_target
            and queries[name] <= QUERY_BUDGET
        )
        all_met &= met
        rows.append(
            [
                name,
                f"{cached_rps:,.0f}",
                f"{cached_ratio:.2f}×",
                f"{uncached_rps:,.0f}",
                f"{uncached_ratio:.1f}×",
                f"{from_redis_rps:,.0f}",
                f"{static / from_redis_rps:.2f}×",
                queries[name],
                f"≤{cached_target}× / ≤{uncached_target}× / ≤{QUERY_BUDGET}",
                "yes" if met else "NO",
            ]
        )
    when = datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC")
    print(f"\nNejat benchmark, {when}; {machine()}")
    print(
        f"{BASE_SIZE:,} articles over four editions; gunicorn, 2 sync workers; "
        f"wrk -t2 -c4 -d{SECONDS}s. Static file ({static_size:,} bytes, whitenoise): "
        f"{floor:,.0f} and {floor_again:,.0f} req/s (before and after the pages)\n"
    )
    header = [
        "page",
        "cached req/s",
        "× static",
        "uncached req/s",
        "× static",
        "cached, no worker copies",
        "× static",
        "queries",
        "target (cached / uncached / queries)",
        "met",
    ]
    print(table(rows, header))
    if scale:
        before, after, queries_large = scale
        scale_rows = []
        for name in SCALED:
            ratio = after[name] / before[name]
            met = ratio <= SCALE_TARGET and queries_large[name] == queries[name]
            all_met &= met
            scale_rows.append(
                [
                    name,
                    f"{before[name] * 1000:.1f} ms",
                    f"{after[name] * 1000:.1f} ms",
                    f"{ratio:.2f}×",
                    f"{queries[name]} / {queries_large[name]}",
                    f"≤{SCALE_TARGET}×, same queries",
                    "yes" if met else "NO",
                ]
            )
        print(
            f"\nScale: {BASE_SIZE:,} → {size:,} articles, page cache off, median of "
            f"{SCALE_REQUESTS} sequential requests\n"
        )
        print(
            table(
                scale_rows,
                ["page", f"{BASE_SIZE:,}", f"{size:,}", "ratio", "queries", "target", "met"],
            )
        )
    print("\nAll targets met." if all_met else "\nSome targets are NOT met.")
    (BENCH_DIR / f"last-{size}.json").write_text(
        json.dumps(
            {"date": when, "static": [floor, floor_again], "results": results, "queries": queries},
            indent=1,
        )
    )
    return all_met


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=BASE_SIZE, help="articles (default 1000)")
    args = parser.parse_args()
    # Stopped from outside: still run the clean-up that stops the gunicorns.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit("bench: stopped"))
    if shutil.which("wrk") is None:
        sys.exit("bench: wrk is not installed (Debian: apt-get install wrk)")
    run(max(args.size, BASE_SIZE))


if __name__ == "__main__":
    main()
