"""The Nu HTML checker (vnu.jar from the npm package vnu-jar, installed by `make install`)
finds no error in the HTML the browser receives for the main pages of every edition."""

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from tests.browser.demo_site import ROOT
from tests.browser.pages import AUDITED, EDITIONS, edition_path

pytestmark = pytest.mark.browser

VNU_JAR = ROOT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


def require(condition, message):
    if not condition:
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)


def test_main_pages_are_valid_html(desktop, tmp_path):
    require(VNU_JAR.exists(), f"{VNU_JAR} is missing: run `make install` (npm ci).")
    require(shutil.which("java"), "The Nu HTML checker needs Java (apt-get install default-jre).")

    files = []
    for edition in EDITIONS:
        for name, path in AUDITED.items():
            response = desktop.request.get(edition_path(edition, path))
            assert response.status == (404 if name == "not-found" else 200), response.url
            assert response.headers["content-type"].startswith("text/html")
            file = tmp_path / f"{edition}-{name}.html"
            file.write_bytes(response.body())
            files.append(file)

    checked = subprocess.run(
        ["java", "-jar", str(VNU_JAR), "--format", "json", "--stdout", *map(str, files)],
        capture_output=True,
        text=True,
        timeout=300,
    )
    report = json.loads(checked.stdout)
    errors = [
        f"{Path(message.get('url', '')).name}:{message.get('lastLine')}: {message['message']}"
        f"\n    {message.get('extract', '').strip()}"
        for message in report["messages"]
        if message["type"] in {"error", "non-document-error"}
    ]
    assert not errors, f"{len(errors)} HTML errors:\n" + "\n".join(errors)
    # Every file was read: the checker says nothing about a file it could not open.
    assert checked.returncode == 0, checked.stderr
