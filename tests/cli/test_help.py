"""Every command explains itself: `--help` with an example."""
from __future__ import annotations

import importlib

import pytest

from exodus.cli.main import COMMANDS, main

COMMAND_NAMES = [importlib.import_module(module).NAME for module in COMMANDS]


def help_text(argv: list[str], capsys) -> str:
    with pytest.raises(SystemExit) as stopped:
        main([*argv, "--help"])
    assert stopped.value.code == 0
    return capsys.readouterr().out


def test_top_level_help_lists_every_command(capsys):
    text = help_text([], capsys)
    for name in COMMAND_NAMES:
        assert name in text
    assert "example:" in text


@pytest.mark.parametrize("name", COMMAND_NAMES)
def test_every_command_has_help_with_an_example(name, capsys):
    text = help_text([name], capsys)
    assert f"usage: exodus {name}" in text
    example = text[text.index("example:"):]
    assert f"exodus {name}" in example


@pytest.mark.parametrize("module", COMMANDS)
def test_command_modules_keep_the_command_shape(module):
    command = importlib.import_module(module)
    for attribute in ("NAME", "HELP", "DESCRIPTION", "add_arguments", "run"):
        assert hasattr(command, attribute), f"{module} has no {attribute}"


def test_version(capsys):
    with pytest.raises(SystemExit):
        main(["--version"])
    assert capsys.readouterr().out.startswith("exodus ")
