"""The ray engine (`exodus ingest --engine ray`) stores what the local engine stores.

One local Ray of 2 CPUs serves the whole file (starting one takes seconds). In CI, where
`make test` installs the `ray` extra, a missing Ray is a failure, not a skip.
"""
from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from exodus.errors import ExodusError
from exodus.extraction.engines.ray import INSTALL_HINT, RayEngine, ray_installed, start_ray
from exodus.store import ingest_inputs, open_store
from tests.cli_runs import exodus, one_line
from tests.shared_data import REPO

SAMPLE = REPO / "src" / "exodus" / "sample" / "articles"

# Columns that say when a row was written, not what it holds.
_WHEN_WRITTEN = {"ingested_at", "created_at", "updated_at", "decided_at"}


@pytest.fixture(scope="module")
def local_ray(tmp_path_factory):
    if not ray_installed():
        message = f"Ray is not installed ({INSTALL_HINT}; `make test` installs it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    os.environ["RAY_USAGE_STATS_ENABLED"] = "0"  # never reach out to the internet
    assert start_ray(processes=2), "a Ray was already running in this test process"
    import ray

    yield ray
    ray.shutdown()


@pytest.fixture(scope="module")
def inputs(tmp_path_factory) -> list[str]:
    """The sample corpus and a JSONL with one good article, a malformed line and an empty document."""
    extra = tmp_path_factory.mktemp("extra")
    lines = [json.dumps({"id": "ray-good", "published": "2024-03-02",
                         "text": "Jane Doe left OpenAI to join Anthropic as head of research."}),
             '{"id": "ray-broken", "text": ',
             json.dumps({"id": "ray-empty", "text": "   "})]
    (extra / "more.jsonl").write_text("\n".join(lines) + "\n", encoding="utf-8")
    return [str(SAMPLE), str(extra / "more.jsonl")]


def _ingest(path: Path, inputs: list[str], engine=None, processes: int = 1) -> tuple[list[str], dict]:
    problems: list[str] = []
    with open_store(path) as store:
        report = ingest_inputs(store, inputs, extractor="model", processes=processes,
                               on_problem=lambda problem: problems.append(str(problem)), engine=engine)
    return problems, report.to_dict()


def store_contents(path: Path) -> dict[str, list[tuple]]:
    """Every row of every table (ids included), less the times rows were written."""
    conn = sqlite3.connect(path)
    try:
        tables = [row[0] for row in conn.execute(
            "SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%' "
            "AND name NOT LIKE 'documents_fts%' ORDER BY name")]
        contents = {}
        for table in tables:
            columns = [row[1] for row in conn.execute(f"PRAGMA table_info({table})") if row[1] not in _WHEN_WRITTEN]
            listed = ", ".join(f'"{column}"' for column in columns)
            contents[table] = [tuple(columns)] + conn.execute(
                f'SELECT {listed} FROM "{table}" ORDER BY {listed}').fetchall()
        return contents
    finally:
        conn.close()


@pytest.fixture(scope="module")
def local_store(tmp_path_factory, inputs) -> tuple[Path, list[str], dict]:
    path = tmp_path_factory.mktemp("local") / "local.db"
    problems, report = _ingest(path, inputs)
    return path, problems, report


def test_ray_engine_stores_what_the_local_engine_stores(local_ray, local_store, inputs, tmp_path):
    local_path, local_problems, local_report = local_store
    problems, report = _ingest(tmp_path / "ray.db", inputs, engine=RayEngine(), processes=2)

    assert report == local_report
    ray_rows, local_rows = store_contents(tmp_path / "ray.db"), store_contents(local_path)
    # The comparison means something: (a header row and) many facts, every readable document.
    assert len(local_rows["facts"]) > 100 and len(local_rows["documents"]) == 1 + 63
    for table in local_rows:
        assert ray_rows[table] == local_rows[table], f"table {table} differs"
    # The bad documents: one line each, the same as the local engine's, and skipped.
    assert problems == local_problems
    assert len(problems) == 2 and all("\n" not in line for line in problems)
    assert any("more.jsonl:2: malformed JSON" in line for line in problems), problems
    assert any("more.jsonl:3: empty document" in line for line in problems), problems


def test_cli_ingest_with_the_ray_engine_then_again_finds_everything_unchanged(local_ray, local_store, inputs,
                                                                             tmp_path, capsys):
    db = tmp_path / "cli.db"
    status, out, err = exodus(capsys, "ingest", *inputs, "--db", db, "--engine", "ray", "--processes", "2")
    assert status == 1  # two inputs were skipped
    assert out.startswith("63 added, 0 replaced, 0 unchanged, 2 skipped")
    assert len(err.strip().splitlines()) == 2
    assert store_contents(db)["facts"] == store_contents(local_store[0])["facts"]

    status, out, _ = exodus(capsys, "ingest", *inputs, "--db", db, "--engine", "ray")
    assert out.startswith("0 added, 0 replaced, 63 unchanged, 2 skipped")


def test_an_unreachable_cluster_is_one_line(tmp_path, capsys):
    if not ray_installed():
        pytest.skip("Ray is not installed")
    with pytest.raises(ExodusError, match=r"cannot reach the Ray cluster at 127\.0\.0\.1:1 "):
        start_ray("127.0.0.1:1")


def test_address_without_the_ray_engine_is_refused(tmp_path, capsys):
    status, _, err = exodus(capsys, "ingest", str(SAMPLE), "--db", tmp_path / "x.db",
                            "--address", "127.0.0.1:6379")
    assert status == 1
    assert one_line(err) == "exodus: error: --address names a Ray cluster: use it with --engine ray"


def test_without_ray_the_ray_engine_is_one_line_saying_how_to_install_it(tmp_path):
    # A Python in which `import ray` finds nothing, as on an install without the extra.
    program = ("import sys; sys.modules['ray'] = None\n"
               "from exodus.cli.main import main\n"
               f"sys.exit(main(['ingest', {str(SAMPLE)!r}, '--db', {str(tmp_path / 'x.db')!r}, "
               "'--engine', 'ray']))")
    result = subprocess.run([sys.executable, "-c", program], capture_output=True, text=True, timeout=120)
    assert result.returncode == 1
    assert one_line(result.stderr) == (f"exodus: error: the ray engine needs Ray, which is not installed; "
                                       f"install it with: {INSTALL_HINT}")
    assert not (tmp_path / "x.db").exists()  # nothing was read or written
