"""A real server on the demo content, for the browser tests and `make screenshots`.

The browser tests drive a separate gunicorn process (the production server) rather than
pytest-django's live_server: the demo content takes half a minute to load, and a
transactional live_server database would be emptied after every test. Here it is loaded
once, into its own database (a SQLite file, or a scratch PostgreSQL database next to the
one in DATABASE_URL), and the rest of the suite's test database is never touched.
"""

import os
import shutil
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

import dj_database_url

ROOT = Path(__file__).resolve().parents[2]
SERVER_SETTINGS = "tests.browser.settings"

# Accounts the journeys log in with (created by tests.browser.prepare).
PASSWORD = "browser-journey-pass-1"
EDITOR = "editor"
MODERATOR = "moderator"
PERSIAN_TRANSLATOR = "translator_fa"
COORDINATOR = "coordinator"


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class ScratchDatabase:
    """A database made for one run and dropped afterwards, of the kind DATABASE_URL names."""

    def __init__(self, workdir):
        self.source_url = os.environ.get("DATABASE_URL", "")
        self.is_postgres = self.source_url.startswith(("postgres://", "postgresql://"))
        if self.is_postgres:
            parts = urlsplit(self.source_url)
            self.name = f"{parts.path.lstrip('/') or 'nejat'}_browser"
            self.url = urlunsplit(parts._replace(path=f"/{self.name}"))
        else:
            self.url = f"sqlite:///{Path(workdir) / 'browser.sqlite3'}"

    def _admin(self, sql):
        import psycopg

        config = dj_database_url.parse(self.source_url)
        with psycopg.connect(
            dbname="postgres",
            user=config["USER"] or None,
            password=config["PASSWORD"] or None,
            host=config["HOST"] or None,
            port=config["PORT"] or None,
            autocommit=True,
        ) as connection:
            connection.execute(sql)

    def create(self):
        if self.is_postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')
            self._admin(f'CREATE DATABASE "{self.name}"')

    def drop(self):
        if self.is_postgres:
            self._admin(f'DROP DATABASE IF EXISTS "{self.name}" WITH (FORCE)')


class DemoSite:
    """Migrate, load the demo, create the journey accounts, serve with gunicorn."""

    def __init__(self, port=None):
        self.workdir = Path(tempfile.mkdtemp(prefix="nejat-browser-"))
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.database = ScratchDatabase(self.workdir)
        self.log_path = self.workdir / "server.log"
        self.process = None
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": SERVER_SETTINGS,
            "DATABASE_URL": self.database.url,
            "MEDIA_ROOT": str(self.workdir / "media"),
            "REDIS_URL": "",
            "PYTHONUNBUFFERED": "1",
        }

    def start(self):
        self.database.create()
        started = time.monotonic()
        subprocess.run(
            [sys.executable, "-m", "tests.browser.prepare", "--port", str(self.port)],
            cwd=ROOT,
            env=self.env,
            check=True,
        )
        self.prepare_seconds = time.monotonic() - started
        self.log = open(self.log_path, "w")  # noqa: SIM115 - closed in stop()
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "config.wsgi:application",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--threads",
                "8",
                "--timeout",
                "120",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=self.log,
            stderr=subprocess.STDOUT,
        )
        self._wait_until_ready()
        return self

    def _wait_until_ready(self, timeout=60):
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"The server stopped:\n{self.server_log()}")
            try:
                with urllib.request.urlopen(f"{self.url}/readyz", timeout=2) as response:
                    if response.status == 200:
                        return
            except (urllib.error.URLError, ConnectionError, TimeoutError):
                pass
            time.sleep(0.3)
        raise RuntimeError(f"The server did not answer in {timeout} s:\n{self.server_log()}")

    def server_log(self):
        return self.log_path.read_text(errors="replace") if self.log_path.exists() else ""

    def stop(self):
        if self.process is not None:
            self.process.terminate()
            try:
                self.process.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.process.kill()
            self.log.close()
        self.database.drop()
        shutil.rmtree(self.workdir, ignore_errors=True)

    def __enter__(self):
        return self.start()

    def __exit__(self, *exc):
        self.stop()
