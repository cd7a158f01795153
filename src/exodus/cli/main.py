"""`exodus COMMAND ...`: the registry of subcommands and the one place that turns errors into exit codes.

A subcommand is a module with `NAME`, `HELP` (one line), `DESCRIPTION` (with an
example), `add_arguments(parser)` and `run(args) -> int`. To add one, write the
module and add its name to `COMMANDS`.

Exit status: 0 when everything was read, 1 when an input failed or Exodus stopped
on an error, 2 for a usage error (argparse: a bad option or a date that is not ISO),
130 when interrupted. An error is one line on stderr naming the file or store and
the cause, never a traceback: `ExodusError`s as they are, and as a last resort an
`OSError` or an SQLite error that escaped the command.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sqlite3
import sys
from collections.abc import Sequence
from contextlib import suppress
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from exodus.cli.common import NamedOutput

COMMANDS: tuple[str, ...] = (
    "exodus.cli.extract",
    "exodus.cli.read",
    "exodus.cli.evaluate",
    "exodus.cli.quiz",
    "exodus.cli.train",
    "exodus.cli.demo",
    "exodus.cli.ingest",
    "exodus.cli.watch",
    "exodus.cli.person",
    "exodus.cli.org",
    "exodus.cli.flows",
    "exodus.cli.conflicts",
    "exodus.cli.search",
    "exodus.cli.sources",
    "exodus.cli.export",
    "exodus.cli.alias",
    "exodus.cli.merge",
    "exodus.cli.split",
    "exodus.cli.serve",
)

_DESCRIPTION = """\
Exodus reads AI-industry news and extracts cited facts: who joined, left or
founded which organization, roles, board and team memberships, investments.

example:
  exodus demo
  exodus extract articles/ --published 2024-05-29 --format table
"""


def build_parser() -> argparse.ArgumentParser:
    from exodus import __version__

    parser = argparse.ArgumentParser(prog="exodus", description=_DESCRIPTION,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--version", action="version", version=f"exodus {__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", required=True)
    for module_name in COMMANDS:
        module = importlib.import_module(module_name)
        command = commands.add_parser(module.NAME, help=module.HELP, description=module.DESCRIPTION,
                                      formatter_class=argparse.RawDescriptionHelpFormatter)
        module.add_arguments(command)
        command.set_defaults(run=module.run)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    from exodus.cli.common import NamedOutput

    args = build_parser().parse_args(argv)
    # Standard output goes through a stream that names itself in its errors: `exodus export >
    # /dev/full` says `cannot write standard output: No space left on device`.
    stdout = sys.stdout
    sys.stdout = output = NamedOutput(stdout, "standard output")
    try:
        status = _run(args, output)
    finally:
        sys.stdout = stdout
    if output.failed:
        # Keep Python from failing again when it flushes stdout at exit (a closed pipe, a full disk).
        with suppress(OSError, ValueError):
            os.dup2(os.open(os.devnull, os.O_WRONLY), stdout.fileno())
    return status


def _run(args: argparse.Namespace, output: NamedOutput) -> int:
    """Run the command; every error is one line on stderr and an exit status."""
    from exodus.errors import ExodusError

    try:
        from exodus.cli.common import allowing_hosts

        with allowing_hosts(getattr(args, "allow_host", None)):
            status = args.run(args)
        output.flush()
        return status
    except ExodusError as err:
        print(f"exodus: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("exodus: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`exodus extract ... | head`): stop quietly.
        output.failed = True
        return 1
    except OSError as err:
        # The last resort for a file-system error that the command did not report itself.
        where = f"{err.filename}: " if err.filename else ""
        print(f"exodus: error: {where}{err.strerror or err}", file=sys.stderr)
        return 1
    except sqlite3.Error as err:
        # The last resort for a store error raised outside `with open_store(...)`.
        from exodus.settings import get_settings
        from exodus.store.database import store_problem

        problem = store_problem(args.db or get_settings().db, err) if "db" in args else f"SQLite: {err}"
        print(f"exodus: error: {problem}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
