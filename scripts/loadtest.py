#!/usr/bin/env python3
"""Load and fault test of the production settings on this machine.

What it does (every address is 127.0.0.1; it stops by itself):
  1. creates a fresh PostgreSQL database, starts its own Redis on LOAD_REDIS_PORT (never
     the shared one on 6379), migrates, loads the demo content, collects static files;
  2. starts two gunicorn instances (ports LOAD_PORT and LOAD_PORT+1) with
     config.settings.production, sharing that database and that Redis;
  3. steady load: wrk, LOAD_USERS connections for LOAD_SECONDS against instance A, over
     every address in the sitemap plus search and feeds; reports latency percentiles;
  4. Redis paused: another LOAD_FAULT_SECONDS run; a second in, Redis is paused
     (CLIENT PAUSE ... ALL, as a failover or a network partition behaves: connections
     stay open, nothing answers) until a second before the end. No request may take over
     PAUSED_MAX_SECONDS (3 s) or answer 5xx, and /readyz must answer 503 within 2 s;
  5. Redis outage: another LOAD_FAULT_SECONDS run; Redis is stopped a third of the way in
     (/readyz must then say the cache is down) and started again at two thirds; pages must
     keep answering, never with a 5xx;
  6. after Redis is back, /readyz must be 200 on both instances;
  7. publishes a new title from a separate process and checks that both instances show it
     at once (the page cache, where there is one, lives in the shared Redis).
Fails (exit 1) on any 5xx, socket error or timeout, or a failed check.

  LOAD_SECONDS=60 LOAD_USERS=50 python scripts/loadtest.py      (make load)
  LOAD_SECONDS=10 LOAD_USERS=20 LOAD_FAULT_SECONDS=9 ...           (the short CI form)
Other settings: LOAD_DATABASE_URL (postgres://postgres@127.0.0.1:5432/nejat_load),
LOAD_REDIS_PORT (6390), LOAD_PORT (8301), LOAD_WORKERS (3), LOAD_TIMEOUT (20 s),
LOAD_REPORT (a JSON file to write the figures to), LOAD_REUSE_DATABASE=1 (keep the previous
run's database instead of building a fresh one).
"""

import json
import os
import re
import secrets
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

ROOT = Path(__file__).resolve().parent.parent
SECONDS = int(os.environ.get("LOAD_SECONDS", "60"))
USERS = int(os.environ.get("LOAD_USERS", "50"))
FAULT_SECONDS = int(os.environ.get("LOAD_FAULT_SECONDS", str(max(9, SECONDS // 2))))
DATABASE_URL = os.environ.get("LOAD_DATABASE_URL", "postgres://postgres@127.0.0.1:5432/nejat_load")
REDIS_PORT = int(os.environ.get("LOAD_REDIS_PORT", "6390"))
PORT_A = int(os.environ.get("LOAD_PORT", "8301"))
PORT_B = PORT_A + 1
WORKERS = os.environ.get("LOAD_WORKERS", "3")
TIMEOUT = os.environ.get("LOAD_TIMEOUT", "20")
# LOAD_REUSE_DATABASE=1 keeps the database of the previous run (much quicker to start).
REUSE_DATABASE = os.environ.get("LOAD_REUSE_DATABASE", "") in {"1", "true", "yes"}
HEADERS = {"X-Forwarded-Proto": "https", "Accept-Language": "en"}
# While Redis is paused, no request may take longer, and /readyz must answer within
# READYZ_MAX_SECONDS.
PAUSED_MAX_SECONDS = 3
READYZ_MAX_SECONDS = 2
# Each worker skips Redis this long after a timeout (CACHE_BREAKER_SECONDS, default 5).
BREAKER_SECONDS = float(os.environ.get("CACHE_BREAKER_SECONDS", "5"))


def log(message):
    print(f"[loadtest {time.strftime('%H:%M:%S')}] {message}", flush=True)


class Stack:
    def __init__(self, workdir):
        self.workdir = workdir
        self.processes = {}
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("PYTEST")},
            "DJANGO_SETTINGS_MODULE": "config.settings.production",
            "SECRET_KEY": secrets.token_urlsafe(50),
            "ALLOWED_HOSTS": "127.0.0.1,localhost",
            "DATABASE_URL": DATABASE_URL,
            "REDIS_URL": f"redis://127.0.0.1:{REDIS_PORT}/0",
            "CACHE_KEY_PREFIX": "loadtest",
            "STATIC_ROOT": str(workdir / "static"),
            "MEDIA_ROOT": str(workdir / "media"),
            "REQUEST_LOG": "false",
            "LOG_LEVEL": "WARNING",
            "SENTRY_DSN": "",
        }

    # --- services ------------------------------------------------------------------------

    def start_redis(self):
        self.processes["redis"] = subprocess.Popen(
            [
                "redis-server",
                "--port",
                str(REDIS_PORT),
                "--bind",
                "127.0.0.1",
                "--save",
                "",
                "--appendonly",
                "no",
                "--dir",
                str(self.workdir),
            ],
            stdout=open(self.workdir / "redis.log", "a"),
            stderr=subprocess.STDOUT,
        )
        for _ in range(50):
            ping = subprocess.run(
                ["redis-cli", "-p", str(REDIS_PORT), "ping"], capture_output=True, text=True
            )
            if ping.stdout.strip() == "PONG":
                return
            time.sleep(0.1)
        raise RuntimeError("Redis did not start")

    def stop_redis(self):
        self.stop("redis")

    def pause_redis(self, seconds):
        """Redis stops answering for ``seconds`` and then carries on by itself (while
        paused it answers nothing, not even CLIENT UNPAUSE)."""
        subprocess.run(
            [
                "redis-cli",
                "-p",
                str(REDIS_PORT),
                "CLIENT",
                "PAUSE",
                str(int(seconds * 1000)),
                "ALL",
            ],
            check=True,
            capture_output=True,
            timeout=10,
        )

    def start_app(self, name, port):
        self.processes[name] = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{port}",
                "--workers",
                WORKERS,
                "--timeout",
                "60",
                "--error-logfile",
                str(self.workdir / f"{name}.log"),
            ],
            cwd=ROOT,
            env=self.env,
            # The app's own log lines (a Redis outage logs every ignored cache error).
            stdout=open(self.workdir / f"{name}.out.log", "a"),
            stderr=subprocess.STDOUT,
        )
        for _ in range(200):
            if get(port, "/healthz")[0] == 200:
                return
            time.sleep(0.25)
        raise RuntimeError(f"gunicorn {name} did not start on {port}")

    def stop(self, name):
        process = self.processes.pop(name, None)
        if process and process.poll() is None:
            process.send_signal(signal.SIGTERM)
            try:
                process.wait(timeout=20)
            except subprocess.TimeoutExpired:
                process.kill()

    def stop_all(self):
        for name in list(self.processes):
            self.stop(name)

    def manage(self, *args, input_text=None):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            input=input_text,
        )
        if result.returncode != 0:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def create_database(self):
        import psycopg

        parts = urlsplit(DATABASE_URL)
        name = parts.path.lstrip("/")
        with psycopg.connect(
            host=parts.hostname,
            port=parts.port or 5432,
            user=parts.username,
            password=parts.password,
            dbname="postgres",
            autocommit=True,
        ) as connection:
            connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
            connection.execute(f'CREATE DATABASE "{name}"')


def get(port, path, timeout=30):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers=HEADERS)
    try:
        with urllib.request.urlopen(request, timeout=timeout) as response:
            return response.status, response.read().decode("utf-8", "replace")
    except urllib.error.HTTPError as error:
        return error.code, error.read().decode("utf-8", "replace")
    except OSError:
        return 0, ""


def timed_get(port, path, timeout=30):
    """(status, body, seconds)."""
    started = time.monotonic()
    status, body = get(port, path, timeout)
    return status, body, round(time.monotonic() - started, 3)


def wait_until_ready(port, seconds):
    """/readyz of ``port`` once it is 200, or the last answer after ``seconds``."""
    deadline = time.monotonic() + seconds
    while True:
        status, body = get(port, "/readyz")
        if status == 200 or time.monotonic() > deadline:
            return status, body
        time.sleep(0.5)


def site_paths(port):
    status, sitemap = get(port, "/sitemap.xml")
    if status != 200:
        raise RuntimeError(f"/sitemap.xml answered {status}")
    paths = sorted({urlsplit(url).path for url in re.findall(r"<loc>([^<]+)</loc>", sitemap)})
    extras = ["/en/search/?q=camp", "/fa/search/?q=news", "/en/articles/feed/", "/sitemap.xml"]
    return paths + extras


def run_wrk(port, seconds, paths, workdir):
    script = workdir / "paths.lua"
    lua_paths = ", ".join(json.dumps(path) for path in paths)
    script.write_text(
        f"PATHS = {{{lua_paths}}}\n" + (ROOT / "scripts" / "loadtest.lua").read_text()
    )
    result = subprocess.run(
        [
            "wrk",
            "-t2",
            f"-c{USERS}",
            f"-d{seconds}s",
            f"--timeout={TIMEOUT}s",
            "-s",
            str(script),
            f"http://127.0.0.1:{port}",
        ],
        capture_output=True,
        text=True,
        timeout=seconds + 120,
    )
    line = next(
        (line for line in result.stdout.splitlines() if line.startswith("WRK_RESULT ")), None
    )
    if line is None:
        raise RuntimeError(f"wrk gave no result:\n{result.stdout}\n{result.stderr}")
    figures = json.loads(line.removeprefix("WRK_RESULT "))
    figures["requests_per_s"] = round(figures["requests"] / figures["duration_s"], 1)
    return figures


def server_errors_logged(workdir, name):
    """Django logs every 500 to django.request at ERROR; gunicorn logs crashed or timed-out
    workers in its error log."""
    found = []
    app_log = workdir / f"{name}.out.log"
    if app_log.exists():
        for line in app_log.read_text().splitlines():
            try:
                record = json.loads(line)
            except ValueError:
                continue
            if (
                record.get("logger") == "django.request"
                and record.get("level") == "ERROR"
                and not str(record.get("message", "")).endswith("/readyz")  # the outage check
            ):
                found.append(f"{name} logged a server error: {record.get('message')}")
    server_log = workdir / f"{name}.log"
    if server_log.exists() and re.search(r"WORKER TIMEOUT|Traceback", server_log.read_text()):
        found.append(f"{name}: a gunicorn worker failed, see {server_log}")
    return found[:5]


def failures_in(figures):
    keys = ("status_5xx", "connect_errors", "read_errors", "write_errors", "timeouts")
    return {key: figures[key] for key in keys if figures[key]}


def describe(name, figures):
    log(
        f"{name}: {figures['requests']} requests in {figures['duration_s']} s "
        f"({figures['requests_per_s']}/s), 2xx {figures['status_2xx']}, "
        f"3xx {figures['status_3xx']}, 4xx {figures['status_4xx']}, "
        f"5xx {figures['status_5xx']}, socket errors "
        f"{figures['connect_errors'] + figures['read_errors'] + figures['write_errors']}, "
        f"timeouts {figures['timeouts']}; latency ms p50 {figures['p50_ms']} "
        f"p75 {figures['p75_ms']} p90 {figures['p90_ms']} p99 {figures['p99_ms']} "
        f"max {figures['max_ms']}"
    )


PUBLISH = """
from news.models import ArticlePage
page = (ArticlePage.objects.live().filter(locale__language_code="en", alias_of__isnull=True)
        .order_by("-date", "-id").first())
page.title = "{title}"
page.save_revision().publish()
print(page.get_url())
"""


def main():
    for tool in ("wrk", "redis-server", "redis-cli"):
        if not shutil.which(tool):
            sys.exit(f"{tool} is not installed (apt-get install wrk redis-server)")
    workdir = Path(tempfile.mkdtemp(prefix="nejat-load-"))
    stack = Stack(workdir)
    report = {
        "users": USERS,
        "seconds": SECONDS,
        "fault_seconds": FAULT_SECONDS,
        "workers_per_instance": int(WORKERS),
        "checks": {},
    }
    problems = []
    try:
        log(f"preparing {DATABASE_URL}, Redis on {REDIS_PORT}, files in {workdir}")
        if not REUSE_DATABASE:
            stack.create_database()
        stack.start_redis()
        stack.manage("migrate", "--no-input", "-v", "0")
        stack.manage("collectstatic", "--no-input", "-v", "0")
        stack.manage("configure_site", "--hostname", "127.0.0.1", "--port", str(PORT_A))
        started = time.monotonic()
        stack.manage("load_demo")  # idempotent: quick on a reused database
        log(f"demo content ready in {time.monotonic() - started:.0f} s")

        stack.start_app("app_a", PORT_A)
        stack.start_app("app_b", PORT_B)
        paths = site_paths(PORT_A)
        # Every address once (image renditions are made on first view and shared through
        # the database); instance B needs only a few to have its workers started.
        log(f"{len(paths)} addresses; warming up")
        for port, warm_paths in ((PORT_A, paths), (PORT_B, paths[:5])):
            for path in warm_paths:
                status, _ = get(port, path)
                if status >= 500 or status == 0:
                    problems.append(f"warm-up {path} on {port}: {status}")

        log(f"steady load: {USERS} users for {SECONDS} s")
        steady = run_wrk(PORT_A, SECONDS, paths, workdir)
        describe("steady", steady)
        report["steady"] = steady
        if failures_in(steady):
            problems.append(f"steady load: {failures_in(steady)}")

        paused_seconds = max(1.0, FAULT_SECONDS - 2.0)
        log(
            f"Redis paused: {USERS} users for {FAULT_SECONDS} s, Redis paused for "
            f"{paused_seconds:.0f} s from the first second"
        )
        # Every worker of both instances uses Redis again before the pause.
        for port in (PORT_A, PORT_B):
            wait_until_ready(port, BREAKER_SECONDS + 5)
        paused_checks = {}

        def pause():
            time.sleep(1)
            stack.pause_redis(paused_seconds)
            time.sleep(min(1.0, paused_seconds / 3))
            # Instance B, which shares the Redis but not the load (see above).
            paused_checks["readyz"] = timed_get(PORT_B, "/readyz")
            paused_checks["pages"] = [
                timed_get(PORT_B, path) for path in ("/en/", paths[len(paths) // 2], "/fa/")
            ]
            paused_checks["readyz_again"] = timed_get(PORT_B, "/readyz")

        pauser = threading.Thread(target=pause)
        pauser.start()
        paused = run_wrk(PORT_A, FAULT_SECONDS, paths, workdir)
        pauser.join()
        describe("redis paused", paused)
        report["redis_paused"] = paused
        report["checks"]["redis_paused"] = paused_checks
        if failures_in(paused):
            problems.append(f"while Redis was paused: {failures_in(paused)}")
        if paused["max_ms"] > PAUSED_MAX_SECONDS * 1000:
            problems.append(
                f"while Redis was paused a request took {paused['max_ms']:.0f} ms "
                f"(at most {PAUSED_MAX_SECONDS} s)"
            )
        for name in ("readyz", "readyz_again"):
            status, body, seconds = paused_checks.get(name, (0, "", 0))
            log(f"/readyz while Redis was paused: {status} in {seconds} s {body}")
            if status != 503 or '"cache": false' not in body or seconds > READYZ_MAX_SECONDS:
                problems.append(f"/readyz while Redis was paused: {status} in {seconds} s {body}")
        for status, _, seconds in paused_checks.get("pages", []):
            if status != 200 or seconds > PAUSED_MAX_SECONDS:
                problems.append(
                    f"a page on instance B while Redis was paused: {status} in {seconds} s"
                )
        log(
            "pages on instance B while Redis was paused: "
            + ", ".join(
                f"{status} in {seconds} s" for status, _, seconds in paused_checks.get("pages", [])
            )
        )

        log(f"Redis outage: {USERS} users for {FAULT_SECONDS} s, Redis down in the middle")
        outage_checks = {}

        def outage():
            time.sleep(FAULT_SECONDS / 3)
            stack.stop_redis()
            time.sleep(1)
            # Asked of instance B, which shares the Redis but not the load: A's workers
            # are all busy with wrk's connections.
            outage_checks["readyz_while_down"] = get(PORT_B, "/readyz")
            outage_checks["home_while_down"] = get(PORT_B, "/en/")[0]
            time.sleep(max(0.0, FAULT_SECONDS / 3 - 1))
            stack.start_redis()

        breaker = threading.Thread(target=outage)
        breaker.start()
        fault = run_wrk(PORT_A, FAULT_SECONDS, paths, workdir)
        breaker.join()
        describe("redis outage", fault)
        report["redis_outage"] = fault
        if failures_in(fault):
            problems.append(f"during the Redis outage: {failures_in(fault)}")
        status, body = outage_checks.get("readyz_while_down", (0, ""))
        report["checks"]["readyz_while_redis_down"] = [status, body]
        if status != 503 or '"cache": false' not in body:
            problems.append(f"/readyz did not report the outage: {status} {body}")
        if outage_checks.get("home_while_down") != 200:
            problems.append(f"home page during the outage: {outage_checks.get('home_while_down')}")

        # Each worker tries Redis again once its breaker closes.
        for port in (PORT_A, PORT_B):
            status, body = wait_until_ready(port, BREAKER_SECONDS + 5)
            report["checks"][f"readyz_after_recovery_{port}"] = [status, body]
            if status != 200:
                problems.append(f"instance {port} did not recover: /readyz {status} {body}")
        log("Redis back: both instances ready")

        title = f"Published at {time.strftime('%H:%M:%S')} {secrets.token_hex(3)}"
        url = stack.manage("shell", "-c", PUBLISH.format(title=title)).strip().splitlines()[-1]
        path = urlsplit(url).path
        index = path.rstrip("/").rsplit("/", 1)[0] + "/"
        seen = {}
        for port in (PORT_A, PORT_B):
            for address in (path, index):
                status, body = get(port, address)
                seen[f"{port}{address}"] = status == 200 and title in body
        report["checks"]["publish_seen"] = seen
        if not all(seen.values()):
            problems.append(f"the new title is not on every instance at once: {seen}")
        else:
            log(f"published '{title}': shown at once on both instances ({path}, {index})")
    finally:
        stack.stop_all()
        for name in ("app_a", "app_b"):
            problems.extend(server_errors_logged(workdir, name))

    report["problems"] = problems
    if os.environ.get("LOAD_REPORT"):
        Path(os.environ["LOAD_REPORT"]).write_text(json.dumps(report, indent=2))
    if problems:
        log("FAILED:\n  " + "\n  ".join(problems))
        return 1
    shutil.rmtree(workdir, ignore_errors=True)
    log("no errors")
    return 0


if __name__ == "__main__":
    sys.exit(main())
