"""`quotewire --version`: what a bug report and a deployment check quote."""

from __future__ import annotations

from importlib.metadata import version

from typer.testing import CliRunner

from app.cli import app


def test_version_prints_the_installed_version_and_exits() -> None:
    result = CliRunner().invoke(app, ["--version"])
    assert result.exit_code == 0
    assert result.output.strip() == f"quotewire {version('quotewire')}"
