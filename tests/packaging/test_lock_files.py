"""The lock files `make`, the Dockerfile and CI install from pin what pyproject.toml pins, with hashes.

A dependency changed in pyproject.toml without `make lock` would otherwise never reach a fresh install:
`make` installs the lock with `--require-hashes`, then Quotewire itself with `--no-deps`.
"""
from __future__ import annotations

import re
import tomllib
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
PYPROJECT = tomllib.loads((REPO / "pyproject.toml").read_text(encoding="utf-8"))
# "name==1.2.3" at the start of a requirement line, before any environment marker or line continuation
PINNED_REQUIREMENT = re.compile(r"^([A-Za-z0-9._-]+)==([^\s;\\]+)", re.MULTILINE)


def canonical(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def pins(requirements: list[str]) -> dict[str, str]:
    return {canonical(name): version for name, version in PINNED_REQUIREMENT.findall("\n".join(requirements))}


def locked(lock_name: str) -> dict[str, str]:
    return pins((REPO / lock_name).read_text(encoding="utf-8").splitlines())


@pytest.mark.parametrize(("lock_name", "groups"), [
    ("requirements.lock", ()),
    ("requirements-test.lock", ("test",)),
])
def test_lock_pins_every_dependency_of_pyproject_at_its_version(lock_name, groups):
    wanted = pins(PYPROJECT["project"]["dependencies"]
                  + [req for group in groups for req in PYPROJECT["project"]["optional-dependencies"][group]])
    assert wanted, "pyproject.toml pins no dependency with =="
    lock = locked(lock_name)
    assert {name: lock.get(name) for name in wanted} == wanted


def test_runtime_lock_holds_no_test_tool_and_agrees_with_the_test_lock():
    runtime, with_tests = locked("requirements.lock"), locked("requirements-test.lock")
    assert "pytest" not in runtime
    assert {name: with_tests.get(name) for name in runtime} == runtime


@pytest.mark.parametrize("lock_name", ["requirements.lock", "requirements-test.lock"])
def test_every_locked_requirement_carries_a_hash(lock_name):
    text = (REPO / lock_name).read_text(encoding="utf-8")
    requirements = re.split(r"\n(?=[A-Za-z0-9])", text)
    unhashed = [block.split()[0] for block in requirements
                if PINNED_REQUIREMENT.match(block) and "--hash=sha256:" not in block]
    assert unhashed == []
