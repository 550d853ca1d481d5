"""The slow packaging test: what a newsroom does with a release, in an empty folder.

    pip install -r requirements.lock && pip install dist/*.whl
    quotewire db upgrade && quotewire serve

It builds the wheel from a copy of the files a release is made of (so nothing in the checkout can stand in
for what the wheel forgets), installs it into a fresh virtual environment, migrates a new database in an
empty working folder and asks the running server for /health. About a minute: `pytest -m "not packaging"`
leaves it out while you work; `make test` runs it.
"""
from __future__ import annotations

import json
import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest

pytestmark = pytest.mark.packaging

REPO = Path(__file__).resolve().parents[2]
RELEASE_FILES = ("pyproject.toml", "README.md", "LICENSE")
SERVER_START_SECONDS = 60


def run(*command: str | Path, cwd: Path, env: dict[str, str] | None = None) -> str:
    done = subprocess.run([str(part) for part in command], cwd=cwd, env=env, capture_output=True, text=True,
                          timeout=600)
    assert done.returncode == 0, f"{command} failed:\n{done.stdout}\n{done.stderr}"
    return done.stdout


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def health(port: int) -> tuple[int, dict] | None:
    try:
        with urllib.request.urlopen(f"http://127.0.0.1:{port}/health", timeout=2) as response:
            return response.status, json.load(response)
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


@pytest.fixture(scope="module")
def installed(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The bin folder of a fresh virtual environment holding the locked dependencies and the built wheel."""
    root = tmp_path_factory.mktemp("release")
    source = root / "source"
    for folder in ("app", "migrations"):
        shutil.copytree(REPO / folder, source / folder, ignore=shutil.ignore_patterns("__pycache__", "*.pyc"))
    for name in RELEASE_FILES:
        shutil.copy2(REPO / name, source / name)
    run(sys.executable, "-m", "pip", "wheel", "--quiet", "--no-deps", "--wheel-dir", root / "dist", source, cwd=root)
    wheels = list((root / "dist").glob("quotewire-*.whl"))
    assert len(wheels) == 1, wheels

    run(sys.executable, "-m", "venv", root / "venv", cwd=root)
    bin_dir = root / "venv" / "bin"
    run(bin_dir / "pip", "install", "--quiet", "--require-hashes", "-r", REPO / "requirements.lock", cwd=root)
    run(bin_dir / "pip", "install", "--quiet", wheels[0], cwd=root)
    return bin_dir


def newsroom_env() -> dict[str, str]:
    """This process's environment without any Quotewire setting or path into the checkout."""
    return {name: value for name, value in os.environ.items()
            if not name.startswith("QUOTEWIRE_") and name not in ("PYTHONPATH", "VIRTUAL_ENV")}


def test_installed_wheel_migrates_and_serves_from_an_empty_folder(installed: Path, tmp_path: Path):
    newsroom = tmp_path / "newsroom"
    newsroom.mkdir()
    env = newsroom_env()

    run(installed / "quotewire", "db", "upgrade", cwd=newsroom, env=env)
    assert (newsroom / "data" / "quotewire.db").is_file()

    port = free_port()
    server = subprocess.Popen([str(installed / "quotewire"), "serve", "--port", str(port), "--no-access-log"],
                              cwd=newsroom, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        answer = None
        deadline = time.monotonic() + SERVER_START_SECONDS
        while answer is None and server.poll() is None and time.monotonic() < deadline:
            time.sleep(0.5)
            answer = health(port)
        assert answer is not None, f"no answer on /health; server output:\n{server.stdout.read() if server.poll() is not None else ''}"
        assert answer == (200, {"status": "ok", "database": "reachable", "schema": "at head"})
        for page, kind in (("/", "text/html"), ("/static/quotewire.css", "text/css")):  # the journalists' page
            with urllib.request.urlopen(f"http://127.0.0.1:{port}{page}", timeout=5) as response:
                assert response.status == 200 and response.headers["content-type"].startswith(kind), page
    finally:
        server.terminate()
        try:
            server.wait(timeout=20)
        except subprocess.TimeoutExpired:
            server.kill()
            server.wait()
        server.stdout.close()


def test_wheel_carries_the_migrations_and_the_bundled_data(installed: Path):
    files = run(installed / "python", "-c",
                "import importlib.metadata as m; print('\\n'.join(str(f) for f in m.files('quotewire')))",
                cwd=installed)
    shipped = set(files.split())
    assert "app/store/migrations/env.py" in shipped
    assert any(name.startswith("app/store/migrations/versions/0001_") for name in shipped)
    assert "app/data/taxonomy.json" in shipped
    assert any(name.startswith("app/samples/") for name in shipped)
    assert {"app/web/templates/base.html", "app/web/static/quotewire.css", "app/web/static/quotewire.js"} <= shipped
    assert any(name.endswith("licenses/LICENSE") or name.endswith("/LICENSE") for name in shipped)
