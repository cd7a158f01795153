"""`exodus quiz`: the questions of benchmarks/questions/ asked of a store built from the sample corpus's gold
facts (the graph alone), and each kind of question answered right on a store written by hand."""
from __future__ import annotations

import json
from pathlib import Path

from exodus.cli.main import main
from exodus.evaluation import load_gold
from exodus.evaluation.questions import ask, build_gold_store, load_questions
from exodus.extraction.pipeline import iter_documents
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story

REPO = Path(__file__).resolve().parents[2]
QUESTIONS = REPO / "benchmarks" / "questions" / "sample.jsonl"
# The graph's figure on the gold store: 0.836 when the question set was written, 0.918 once report dates
# became bounds, announced moves undone within days never took effect and the two halves of a move shared
# their date, 0.987 once the gold was as precise as its articles and memberships became intervals of their own
# (ended by "is no longer a member", kept through a departure by "will keep a seat"). A floor a little below
# it; docs/evaluation.md says what the 3 misses are.
GOLD_STORE_FLOOR = 0.98


def test_the_sample_questions_on_the_gold_store_do_not_fall(tmp_path, capsys):
    status = main(["quiz", str(QUESTIONS), "--gold", str(REPO / "src/exodus/sample/gold.jsonl"),
                   "--docs", str(REPO / "src/exodus/sample/articles"), "--json"])
    assert status == 0
    figures = json.loads(capsys.readouterr().out)
    assert sum(k["asked"] for k in figures["by_kind"].values()) == len(load_questions(QUESTIONS)) >= 150
    assert figures["accuracy"] >= GOLD_STORE_FLOOR


def test_every_kind_is_answered_as_the_store_says(tmp_path):
    stories = [
        story("a", "2015-12-12",
              ("founded", "Sam Altman co-founded OpenAI in 2015-12", {"person": "Sam Altman", "org": "OpenAI",
                                                                    "date": "2015-12"}),
              ("founded", "Ilya Sutskever co-founded OpenAI in 2015-12",
               {"person": "Ilya Sutskever", "org": "OpenAI", "date": "2015-12"}),
              ("member", "Ilya Sutskever sits on the board of OpenAI",
               {"person": "Ilya Sutskever", "org": "OpenAI", "group": "board"})),
        story("b", "2024-05-15",
              ("left", "Ilya Sutskever left OpenAI on 2024-05-14 over safety",
               {"person": "Ilya Sutskever", "org": "OpenAI", "date": "2024-05-14", "reasons": ["safety"]})),
        story("c", "2024-06-20",
              ("founded", "Ilya Sutskever founded Safe Superintelligence on 2024-06-19",
               {"person": "Ilya Sutskever", "org": "Safe Superintelligence", "date": "2024-06-19"}))]
    questions = [
        {"kind": "at_org", "person": "Ilya Sutskever", "org": "OpenAI", "date": "2020-01-01", "answer": True},
        {"kind": "at_org", "person": "Ilya Sutskever", "org": "OpenAI", "date": "2024-06-01", "answer": False},
        {"kind": "founders", "org": "OpenAI", "date": "2024-06-01", "answer": {"total": 2, "remaining": ["Sam Altman"]}},
        {"kind": "left_when", "person": "Ilya Sutskever", "org": "OpenAI", "answer": "2024-05"},
        {"kind": "joined_when", "person": "Ilya Sutskever", "org": "Safe Superintelligence", "answer": "2024-06-19"},
        {"kind": "next_org", "person": "Ilya Sutskever", "org": "OpenAI", "answer": "Safe Superintelligence"},
        {"kind": "moved", "from": "OpenAI", "to": "Safe Superintelligence", "since": "2024-01-01",
         "until": "2024-12-31", "answer": {"count": 1, "people": ["Ilya Sutskever"]}},
        {"kind": "why_left", "person": "Ilya Sutskever", "org": "OpenAI", "answer": ["safety"]},
        {"kind": "group_member", "person": "Ilya Sutskever", "org": "OpenAI", "group": "board", "date": "2020-01-01",
         "answer": True},
        {"kind": "group_member", "person": "Ilya Sutskever", "org": "OpenAI", "group": "board", "date": "2024-06-01",
         "answer": False},
    ]
    wrong = [dict(q, answer={"total": 2, "remaining": []}) if q["kind"] == "founders" else
             dict(q, answer="Anthropic") if q["kind"] == "next_org" else None for q in questions]
    with open_store(tmp_path / "s.db") as store:
        ingest_extracted(store, stories)
        report = ask(store.conn, questions)
        assert [o.question["kind"] for o in report.outcomes if not o.right] == []
        assert not any(o.right for o in ask(store.conn, [q for q in wrong if q]).outcomes)


def test_a_gold_store_holds_the_gold_facts(tmp_path):
    gold = load_gold(REPO / "src/exodus/sample/gold.jsonl")
    build_gold_store(tmp_path / "g.db", iter_documents([str(REPO / "src/exodus/sample/articles")]), gold)
    with open_store(tmp_path / "g.db", readonly=True) as store:
        claims = store.conn.execute("SELECT count(*) FROM claims").fetchone()[0]
    assert claims >= 0.95 * sum(len(facts) for facts in gold.values())
