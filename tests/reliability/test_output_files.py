"""`--out FILE` writes a regular file whole or not at all; anything else is one line and exit status 1.

A symlink is written through (the link stays), a directory, FIFO or device is
refused and left as it was, a missing directory or a full disk is one line naming
the file, and the file that was there before is untouched. Standard output on a
full disk is one line too.
"""
from __future__ import annotations

import os
import stat
import subprocess
import sys
from contextlib import suppress
from pathlib import Path

import pytest

from exodus.cli.main import main
from tests.reliability.test_store_errors import assert_one_line_error, build_store, exodus, small_disk  # noqa: F401


@pytest.fixture(scope="module")
def store(tmp_path_factory) -> Path:
    return build_store(tmp_path_factory.mktemp("store") / "store.db")


@pytest.fixture
def article(tmp_path) -> Path:
    path = tmp_path / "leike.txt"
    path.write_text("Jan Leike resigned from OpenAI on Friday.\n", encoding="utf-8")
    return path


def export_to(out: Path, store: Path, fmt: str = "jsonl") -> list[str]:
    return ["export", "--format", fmt, "--db", str(store), "--out", str(out)]


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if "partial" in p.name)


def test_out_writes_a_new_file_and_replaces_an_old_one_keeping_its_permissions(tmp_path, store, capsys):
    out = tmp_path / "facts.jsonl"
    assert main(export_to(out, store)) == 0
    assert out.read_text(encoding="utf-8").count("Jan Leike") >= 2
    out.write_text("old\n", encoding="utf-8")
    out.chmod(0o640)
    assert main(export_to(out, store, "csv")) == 0
    assert out.read_text(encoding="utf-8").startswith("id,kind,person")
    assert stat.S_IMODE(out.stat().st_mode) == 0o640
    assert capsys.readouterr().out == ""
    assert leftovers(tmp_path) == []


def test_out_through_a_symlink_writes_its_target_and_keeps_the_link(tmp_path, store):
    target = tmp_path / "real" / "facts.jsonl"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    link = tmp_path / "latest.jsonl"
    link.symlink_to(target)
    assert main(export_to(link, store)) == 0
    assert link.is_symlink() and link.resolve() == target
    assert "Jan Leike" in target.read_text(encoding="utf-8")
    assert leftovers(tmp_path) == [] and leftovers(target.parent) == []


def test_out_into_a_missing_directory_is_one_line(tmp_path, store, article, capsys):
    for command in (export_to(tmp_path / "no" / "facts.jsonl", store),
                    ["read", str(article), "--out", str(tmp_path / "no" / "docs.jsonl")]):
        assert main(command) == 1
        assert_one_line_error(capsys.readouterr().err, str(tmp_path / "no"), "no directory")
    assert not (tmp_path / "no").exists()


def test_out_onto_a_directory_is_refused_and_the_directory_left_alone(tmp_path, store, capsys):
    folder = tmp_path / "exports"
    folder.mkdir()
    (folder / "keep.txt").write_text("mine", encoding="utf-8")
    assert main(export_to(folder, store)) == 1
    assert_one_line_error(capsys.readouterr().err, str(folder), "not a regular file", "directory")
    assert folder.is_dir() and (folder / "keep.txt").read_text(encoding="utf-8") == "mine"
    assert leftovers(tmp_path) == []


def test_out_onto_a_fifo_is_refused_and_the_fifo_left_alone(tmp_path, store, article, capsys):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for command in (export_to(fifo, store), ["read", str(article), "--out", str(fifo)]):
        assert main(command) == 1
        assert_one_line_error(capsys.readouterr().err, str(fifo), "not a regular file", "FIFO")
        assert stat.S_ISFIFO(fifo.lstat().st_mode)
    assert leftovers(tmp_path) == []


def test_out_onto_a_device_is_refused_and_the_device_left_alone(tmp_path, store):
    """`exodus export --out /dev/full`, on a device node of the test's own (never the system's)."""
    device = tmp_path / "full"
    try:
        os.mknod(device, 0o666 | stat.S_IFCHR, os.makedev(1, 7))
    except (PermissionError, OSError) as err:
        pytest.skip(f"cannot make a device node here: {err}")
    result = exodus(*export_to(device, store))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert_one_line_error(result.stderr, str(device), "not a regular file", "character device")
    assert stat.S_ISCHR(device.lstat().st_mode)


def test_a_full_disk_is_one_line_and_the_old_file_stays(small_disk, store):
    out = small_disk / "facts.jsonl"
    out.write_text("the export of yesterday\n", encoding="utf-8")
    with (small_disk / "filler").open("wb", buffering=0) as filler, suppress(OSError):
        while True:
            filler.write(b"\0" * 4096)
    result = exodus(*export_to(out, store))
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    assert_one_line_error(result.stderr, str(out), "No space left on device", "left as it was")
    assert out.read_text(encoding="utf-8") == "the export of yesterday\n"
    assert leftovers(small_disk) == []


@pytest.mark.parametrize("command", [["export"], ["flows"], ["person", "Jan Leike", "--json"]],
                         ids=lambda c: c[0])
def test_standard_output_on_a_full_disk_is_one_line(store, command):
    """`exodus export > /dev/full`: large output fails while written, small output when flushed at the end."""
    with open("/dev/full", "w") as full:
        result = subprocess.run([sys.executable, "-m", "exodus", *command, "--db", str(store)], stdout=full,
                                stderr=subprocess.PIPE, text=True, timeout=120)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr and "Exception ignored" not in result.stderr
    assert_one_line_error(result.stderr, "standard output", "No space left on device")


def test_a_reader_that_goes_away_is_no_error(store):
    """`exodus export | head -1`: the rest of the output is dropped quietly."""
    big = subprocess.Popen([sys.executable, "-m", "exodus", "export", "--db", str(store)],
                           stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    big.stdout.close()
    assert big.wait(60) in (0, 1)
    assert big.stderr.read().decode() == ""
