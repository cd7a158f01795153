"""Where the read-only shared data (scorer, dev sets, corpora) lives, for the tests that need it.

A test that needs `../shared` fails in CI when it is missing (a skipped quality gate would
look like a passing one); on a developer's machine without it, the test is skipped.
"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
MANIFEST = REPO / "benchmarks" / "sets.json"


def require_shared(*parts: str) -> Path:
    """The path under ../shared, or a failure in CI (a skip elsewhere) when it is not there."""
    path = SHARED.joinpath(*parts)
    if not path.exists():
        message = f"{path} is missing: the tests need ../shared beside the repository"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return path
