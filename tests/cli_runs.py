"""Running `exodus` in-process as a user would, for tests: exit status and both outputs."""
from __future__ import annotations

from exodus.cli.main import main


def exodus(capsys, *argv) -> tuple[int, str, str]:
    """Run `exodus ARGV...`: (exit status, stdout, stderr)."""
    status = main([str(a) for a in argv])
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def one_line(err: str) -> str:
    """The one line a problem is reported on (the test fails when there are more)."""
    lines = err.strip().splitlines()
    assert len(lines) == 1, err
    return lines[0]
