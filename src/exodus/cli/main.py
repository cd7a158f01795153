"""`exodus COMMAND ...`: the registry of subcommands and the one place that turns errors into exit codes.

A subcommand is a module with `NAME`, `HELP` (one line), `DESCRIPTION` (with an
example), `add_arguments(parser)` and `run(args) -> int`. To add one, write the
module and add its name to `COMMANDS`.

Exit status: 0 when everything was read, 1 when an input failed or Exodus stopped
on an error, 2 for a usage error, 130 when interrupted.
"""
from __future__ import annotations

import argparse
import importlib
import os
import sys
from collections.abc import Sequence

COMMANDS: tuple[str, ...] = (
    "exodus.cli.extract",
    "exodus.cli.read",
    "exodus.cli.evaluate",
    "exodus.cli.train",
    "exodus.cli.demo",
    "exodus.cli.ingest",
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
    from exodus.errors import ExodusError

    args = build_parser().parse_args(argv)
    try:
        return args.run(args)
    except ExodusError as err:
        print(f"exodus: error: {err}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        print("exodus: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        # The reader went away (`exodus extract ... | head`): stop quietly, and keep
        # Python from complaining again when it flushes stdout at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return 1


if __name__ == "__main__":
    raise SystemExit(main())
