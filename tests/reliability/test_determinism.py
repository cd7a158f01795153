"""Tests draw the same examples for everyone: in CI and on a user's `make test` alike."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]


def test_property_tests_are_derandomized_without_ci_too():
    env = {k: v for k, v in os.environ.items() if k not in ("CI", "HYPOTHESIS_PROFILE")}
    probe = ("import tests.conftest; from hypothesis import settings; "
             "print(settings.default.derandomize, settings.default.database)")
    result = subprocess.run([sys.executable, "-c", probe], cwd=REPO, env=env, capture_output=True, text=True,
                            check=True)
    assert result.stdout.split() == ["True", "None"]
