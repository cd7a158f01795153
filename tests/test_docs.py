"""Docs that are checked: the README documents every setting and command, and its Quickstart is two commands."""
from __future__ import annotations

import importlib
import re
from dataclasses import fields
from pathlib import Path

import pytest

from exodus.cli.main import COMMANDS
from exodus.settings import Settings

ROOT = Path(__file__).resolve().parents[1]
README = (ROOT / "README.md").read_text(encoding="utf-8")


@pytest.mark.parametrize("name", [f.name for f in fields(Settings)])
def test_every_setting_is_documented_with_its_environment_variable(name):
    assert f"`EXODUS_{name.upper()}`" in README, f"README.md does not document the setting {name}"


@pytest.mark.parametrize("module", COMMANDS)
def test_every_command_is_documented(module):
    name = importlib.import_module(module).NAME
    assert re.search(rf"^#+ `exodus {name}", README, flags=re.M), f"README.md has no section on exodus {name}"


def test_quickstart_is_exactly_two_commands():
    quickstart = README.split("## Quickstart", 1)[1].split("\n## ", 1)[0]
    block = re.search(r"```(?:sh|bash|console)?\n(.*?)```", quickstart, flags=re.S)
    assert block, "the Quickstart has no command block"
    commands = [line for line in block.group(1).splitlines() if line.strip() and not line.startswith("#")]
    assert commands == ["make demo", "make test"]


def test_readme_starts_with_the_quickstart():
    headings = re.findall(r"^## (.+)$", README, flags=re.M)
    assert headings[0] == "Quickstart"


def test_makefile_has_the_quickstart_targets():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    for target in ("demo", "test"):
        assert re.search(rf"^{target}:", makefile, flags=re.M)


def test_the_readme_example_is_what_exodus_answers_now():
    """The `exodus org` example in the README is remade by docs/readme_example.py; stale is a failure."""
    import subprocess
    import sys

    result = subprocess.run([sys.executable, str(ROOT / "docs" / "readme_example.py"), "--check"],
                            capture_output=True, text=True, timeout=600)
    assert result.returncode == 0, result.stdout + result.stderr
