"""Remake the README's example output: `exodus org OpenAI --as-of 2024-10-15` on the sample corpus.

    .venv/bin/python docs/readme_example.py           # rewrite the block in README.md
    .venv/bin/python docs/readme_example.py --check   # exit 1 when the README's block is stale

Runs `exodus ingest src/exodus/sample/articles` into a temporary store and then the
command, and puts its output between the `<!-- org-example -->` markers of README.md.
Run it after changing the extractor or the questions.
"""
from __future__ import annotations

import argparse
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
README = ROOT / "README.md"
START, END = "<!-- org-example:start -->", "<!-- org-example:end -->"
COMMAND = ["org", "OpenAI", "--as-of", "2024-10-15"]


def example_output() -> str:
    with tempfile.TemporaryDirectory() as tmp:
        db = str(Path(tmp) / "sample.db")
        exodus = [sys.executable, "-m", "exodus"]
        subprocess.run([*exodus, "ingest", str(ROOT / "src/exodus/sample/articles"), "--db", db], check=True,
                       stdout=subprocess.DEVNULL)
        done = subprocess.run([*exodus, *COMMAND, "--db", db], check=True, capture_output=True, text=True)
    return done.stdout


def with_example(readme: str, output: str) -> str:
    before, rest = readme.split(START, 1)
    _old, after = rest.split(END, 1)
    block = (f"```console\n$ exodus ingest src/exodus/sample/articles\n$ exodus {' '.join(COMMAND)}\n"
             f"{output.rstrip()}\n```\n")
    return f"{before}{START}\n{block}{END}{after}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--check", action="store_true", help="only say whether README.md is up to date")
    args = parser.parse_args()
    readme = README.read_text(encoding="utf-8")
    updated = with_example(readme, example_output())
    if args.check:
        print("README.md example is " + ("up to date" if updated == readme else "stale: run docs/readme_example.py"))
        return 0 if updated == readme else 1
    README.write_text(updated, encoding="utf-8")
    print(f"wrote the example into {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
