"""`exodus ingest` over 300 real articles with bad documents among them, killed with SIGKILL at 20
points and run again, ends with the store a clean run of the good documents gives: the same fact
ids with the same sources. Every bad document is named once on stderr by the run that completes."""
from __future__ import annotations

import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

from tests.shared_data import require_shared

ARTICLES = 300
KILLS = 20
FILLER = "\n\n".join(["Rain fell on the green hills near the old river for most of the day."] * 10_500)


def exodus_ingest(docs: Path, db: Path) -> subprocess.Popen:
    # Small extraction batches, so that the store grows a few documents at a time between kill points.
    env = {**os.environ, "EXODUS_PROCESSES": "1", "EXODUS_BATCH_SIZE": "4"}
    return subprocess.Popen([sys.executable, "-m", "exodus", "ingest", str(docs), "--db", str(db)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=env,
                            start_new_session=True)


def stored_documents(db: Path) -> int:
    if not db.exists():
        return 0
    try:
        conn = sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5)
        try:
            return conn.execute("SELECT count(*) FROM documents").fetchone()[0]
        finally:
            conn.close()
    except sqlite3.OperationalError:  # not created or not migrated yet
        return 0


def snapshot(db: Path) -> dict[str, tuple]:
    """Every fact by its public id: kind, the resolved names, and the documents that state it."""
    conn = sqlite3.connect(db)
    try:
        rows = conn.execute("""
            SELECT f.uid, f.kind, p.name, o.name, g.name, x.name, f.action, f.role, f.date,
                   group_concat(d.doc_key || '@' || c.evidence_start, ' ')
            FROM facts f
            LEFT JOIN entities p ON p.id = f.person_id LEFT JOIN entities o ON o.id = f.org_id
            LEFT JOIN entities g ON g.id = f.group_id LEFT JOIN entities x ON x.id = f.other_org_id
            JOIN claims c ON c.fact_id = f.id JOIN documents d ON d.id = c.document_id
            GROUP BY f.id""").fetchall()
        documents = sorted(r[0] for r in conn.execute("SELECT doc_key FROM documents"))
    finally:
        conn.close()
    facts = {row[0]: row[1:-1] + (" ".join(sorted(row[-1].split())),) for row in rows}
    return {"facts": facts, "documents": documents}


def build_inputs(tmp_path: Path) -> tuple[Path, Path, set[str]]:
    """The good documents alone, and the same with bad ones at random places; and the bad lines' places."""
    rng = random.Random(20261207)
    corpus = require_shared("corpora", "bbc.docs.jsonl")
    with corpus.open(encoding="utf-8") as fh:
        good = [next(fh).rstrip("\n") for _ in range(ARTICLES)]
    for n in range(2):  # long, but good: extracted in parts
        text = f"{FILLER}\n\nJan Leike left OpenAI in May 2024 and joined Anthropic.\n\n{FILLER}"
        assert len(text) > 1_000_000
        good.insert(rng.randrange(len(good)), json.dumps({"id": f"long-{n}", "text": text}))
    bad: list[str] = []
    for n in range(3):
        bad.append('{"id": "surrogate-%d", "text": "Ilya Sutskever left OpenAI. \\udc80"}' % n)
    bad.append(json.dumps({"id": json.loads(good[5])["id"], "text": "Someone else's article with a used id."}))
    bad.append(json.dumps({"id": json.loads(good[200])["id"], "text": "Another article with a used id."}))
    binary = bytes(rng.randrange(256) for _ in range(300)).replace(b"\n", b" ")
    lines: list[bytes] = [line.encode("utf-8") for line in good]
    positions = sorted(rng.sample(range(210, len(lines)), 2)) + sorted(rng.sample(range(10, len(lines)), 3))
    # duplicates come after the documents whose ids they reuse (positions above 200)
    for line, position in zip(bad[3:] + bad[:3], positions):
        lines.insert(position, line.encode("utf-8"))
    lines.insert(rng.randrange(len(lines)), binary)
    faulty = tmp_path / "faulty.jsonl"
    faulty.write_bytes(b"\n".join(lines) + b"\n")
    clean = tmp_path / "clean.jsonl"
    clean.write_text("\n".join(good) + "\n", encoding="utf-8")
    numbers = {number for number, line in enumerate(faulty.read_bytes().split(b"\n"), 1)
               if line and (line == binary or line.decode("utf-8") in bad)}
    assert len(numbers) == 6
    return clean, faulty, {f"{faulty}:{number}" for number in numbers}


def test_ingest_killed_at_20_points_ends_as_a_clean_run_of_the_good_documents(tmp_path):
    clean, faulty, bad_places = build_inputs(tmp_path)
    rng = random.Random(7)

    reference_db = tmp_path / "reference.db"
    reference = exodus_ingest(clean, reference_db)
    _, err = reference.communicate(timeout=1200)
    assert reference.returncode == 0, err

    db = tmp_path / "faulty.db"
    kills = 0
    for point in range(KILLS):
        process = exodus_ingest(faulty, db)
        if point % 5 == 0:  # while it starts: loading the model, opening the store, skipping what is stored
            time.sleep(rng.uniform(0.5, 4.0))
        else:  # after a few more documents are stored, inside the next one's work or transaction
            target = stored_documents(db) + rng.randint(1, 4)
            deadline = time.monotonic() + 300
            while process.poll() is None and stored_documents(db) < target and time.monotonic() < deadline:
                time.sleep(0.02)
            time.sleep(rng.random() * 0.05)
        if process.poll() is None:
            os.killpg(process.pid, signal.SIGKILL)
            kills += 1
        out, err = process.communicate(timeout=60)
        assert process.returncode in (-signal.SIGKILL, 1), err
        assert "Traceback" not in err
    assert kills == KILLS, "the run finished before every kill point: raise ARTICLES"

    final = exodus_ingest(faulty, db)
    out, err = final.communicate(timeout=1200)
    assert final.returncode == 1  # documents were skipped
    assert "Traceback" not in err
    problems = [line for line in err.splitlines() if line.startswith("exodus: ")]
    assert sorted(line.split(": ")[1] for line in problems) == sorted(bad_places)
    assert len(problems) == len(bad_places)

    assert snapshot(db) == snapshot(reference_db)
