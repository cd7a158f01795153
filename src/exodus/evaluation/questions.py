"""Questions with hand-written answers, asked of a store: is the graph right, question by question?

A question file is JSONL, one question a line (benchmarks/questions/README.md):
`{"id": "q001", "kind": "left_when", "person": "Jan Leike", "org": "OpenAI", "answer": "2024-05"}`.
Each kind is answered the way the CLI and the dashboard answer it (`exodus.questions`), and
compared with the hand-written answer:

| kind | asks | a right answer |
|---|---|---|
| at_org | was PERSON at ORG on DATE | the same yes or no |
| founders | ORG's founders on DATE | the same number and the same names still there |
| left_when, joined_when | when PERSON left / joined ORG | the same date at the answer's precision |
| next_org | where PERSON went after ORG | the same organization |
| moved | who moved FROM -> TO in [SINCE, UNTIL] | the same people |
| why_left | why PERSON left ORG | the same reasons |
| group_member | was PERSON on GROUP of ORG on DATE | the same yes or no |

`build_gold_store` makes a store from gold facts: asked of it, the questions test the graph
alone; asked of a store of extracted facts, they test extraction and graph together.
"""
from __future__ import annotations

import json
import sqlite3
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from exodus.errors import ExodusError, StoreError
from exodus.questions.flows import talent_flows
from exodus.questions.lookup import entity
from exodus.questions.roster import org_roster
from exodus.questions.timeline import Stint, arrival_date, departure_date, is_leave, person_timeline
from exodus.resolution.dates import start_of
from exodus.resolution.names import org_key, person_key
from exodus.schema import Document, Fact
from exodus.store import ingest_extracted, open_store

KINDS = ("at_org", "founders", "left_when", "joined_when", "next_org", "moved", "why_left", "group_member")
_PARAMETERS = {"at_org": ("person", "org", "date"), "founders": ("org", "date"), "left_when": ("person", "org"),
               "joined_when": ("person", "org"), "next_org": ("person", "org"),
               "moved": ("from", "to", "since", "until"), "why_left": ("person", "org"),
               "group_member": ("person", "org", "group", "date")}


class QuestionError(ExodusError):
    """A question file that cannot be read."""


@dataclass
class Outcome:
    question: dict[str, Any]
    given: Any
    right: bool


@dataclass
class Report:
    outcomes: list[Outcome] = field(default_factory=list)

    def by_kind(self) -> dict[str, tuple[int, int]]:
        """Kind -> (right, asked)."""
        asked = Counter(o.question["kind"] for o in self.outcomes)
        right = Counter(o.question["kind"] for o in self.outcomes if o.right)
        return {kind: (right[kind], asked[kind]) for kind in KINDS if asked[kind]}

    @property
    def accuracy(self) -> float:
        return sum(o.right for o in self.outcomes) / len(self.outcomes) if self.outcomes else 0.0

    def table(self) -> str:
        lines = [f"{'kind':<14}{'asked':>7}{'right':>7}{'accuracy':>10}"]
        for kind, (right, asked) in self.by_kind().items():
            lines.append(f"{kind:<14}{asked:>7}{right:>7}{right / asked:>10.3f}")
        total = len(self.outcomes)
        lines.append(f"{'ALL':<14}{total:>7}{sum(o.right for o in self.outcomes):>7}{self.accuracy:>10.3f}")
        return "\n".join(lines)


def load_questions(path: Path) -> list[dict[str, Any]]:
    questions = []
    try:
        lines = path.read_text(encoding="utf-8").splitlines()
    except (OSError, UnicodeDecodeError) as err:
        raise QuestionError(f"{path}: cannot be read ({err})") from None
    for number, line in enumerate(lines, 1):
        if not line.strip():
            continue
        try:
            question = json.loads(line)
        except json.JSONDecodeError as err:
            raise QuestionError(f"{path}:{number}: not JSON ({err.msg})") from None
        kind = question.get("kind") if isinstance(question, dict) else None
        if kind not in _PARAMETERS:
            raise QuestionError(f"{path}:{number}: kind must be one of {', '.join(KINDS)}, not {kind!r}")
        missing = [p for p in (*_PARAMETERS[kind], "answer") if p not in question]
        if missing:
            raise QuestionError(f"{path}:{number}: a {kind} question needs {', '.join(missing)}")
        questions.append(question)
    return questions


# --- answering --------------------------------------------------------------------------

def _org_name(conn: sqlite3.Connection, name: str) -> str | None:
    try:
        return entity(conn, name, "org")["name"]
    except StoreError:
        return None


def _person_facts(conn: sqlite3.Connection, person: str, org: str):
    """The person's timeline and the name of `org` in the store (None when either is unknown)."""
    try:
        timeline = person_timeline(conn, person)
    except StoreError:
        return None, None
    return timeline, _org_name(conn, org)


def _at_org(conn, q) -> bool:
    timeline, org = _person_facts(conn, q["person"], q["org"])
    if timeline is None or org is None:
        return False
    day = start_of(q["date"])
    return any(s.org == org and s.present_on(day) for s in timeline.stints)


def _founders(conn, q) -> dict:
    try:
        roster = org_roster(conn, q["org"], q["date"])
    except StoreError:
        return {"total": 0, "remaining": []}
    return {"total": len(roster.founders), "remaining": sorted(f.person for f in roster.founders if f.still_there)}


def _moves(conn, q, kind: str):
    timeline, org = _person_facts(conn, q["person"], q["org"])
    if timeline is None or org is None:
        return []
    return [e for e in timeline.events if e.kind == kind and e.org == org and not (kind == "left" and is_leave(e))]


def _stints(conn, q) -> list[Stint]:
    """The person's stints at the question's organization that took effect, in time order."""
    timeline, org = _person_facts(conn, q["person"], q["org"])
    if timeline is None or org is None:
        return []
    return [s for s in timeline.stints if s.org == org and not s.reversed_by]


def _left_when(conn, q) -> str | None:
    """The last departure's date, as precise as the articles make it (a departure told undated on a day has
    no date of its own: at most the month or year that day and the last fact showing them there share)."""
    ended = [s for s in _stints(conn, q) if s.ended]
    return departure_date(ended[-1]) if ended else None


def _joined_when(conn, q) -> str | None:
    """The first (or the latest) arrival's date, as precise as the articles make it."""
    stints = _stints(conn, q)
    if not stints:
        return None
    return arrival_date(stints[-1] if q.get("which") == "latest" else stints[0])


def _next_org(conn, q) -> str | None:
    org = _org_name(conn, q["org"])
    try:
        person = entity(conn, q["person"], "person")["name"]
    except StoreError:
        return None
    if org is None:
        return None
    moves = [m for m in talent_flows(conn, org=org).moves if m.person == person and m.from_org == org]
    moves.sort(key=lambda m: start_of(m.left or m.left_by) if m.left or m.left_by else "9999")
    return moves[-1].to_org if moves else None


def _moved(conn, q) -> dict:
    source, target = _org_name(conn, q["from"]), _org_name(conn, q["to"])
    if source is None or target is None:
        return {"count": 0, "people": []}
    people = sorted({m.person for m in talent_flows(conn, q["since"], q["until"], source).moves
                     if m.from_org == source and m.to_org == target})
    return {"count": len(people), "people": people}


def _why_left(conn, q) -> list[str]:
    departures = _moves(conn, q, "left")
    if not departures:
        return []
    latest = max(departures, key=lambda e: start_of(e.date or e.effective_date or "0001"))
    return sorted(latest.reasons)


def _group_member(conn, q) -> bool:
    try:
        roster = org_roster(conn, q["org"], q["date"])
        person = entity(conn, q["person"], "person")["name"]
    except StoreError:
        return False
    wanted = set(org_key(q["group"]).split()) - {"the", "team", "committee"}
    for group in roster.groups:
        words = set(org_key(group.name).split())
        if wanted <= words or words - {"team", "committee"} <= wanted:
            if any(m["person"] == person for m in group.members):
                return True
    return False


_ANSWER: dict[str, Callable[[sqlite3.Connection, dict], Any]] = {
    "at_org": _at_org, "founders": _founders, "left_when": _left_when, "joined_when": _joined_when,
    "next_org": _next_org, "moved": _moved, "why_left": _why_left, "group_member": _group_member}


# --- comparing ---------------------------------------------------------------------------

def _same_people(a: Iterable[str], b: Iterable[str]) -> bool:
    return sorted(person_key(n) for n in a) == sorted(person_key(n) for n in b)


def _right(conn: sqlite3.Connection, question: dict, given: Any) -> bool:
    answer, kind = question["answer"], question["kind"]
    if kind in ("at_org", "group_member"):
        return bool(given) == bool(answer)
    if kind in ("left_when", "joined_when"):
        # as precise as the answer, at least: "2024-05-28" answers "2024-05"; "2024" does not
        return bool(given) and given[:len(answer)] == answer
    if kind == "next_org":
        return given is not None and (org_key(given) == org_key(answer) or _org_name(conn, answer) == given)
    if kind == "founders":
        return given["total"] == answer["total"] and _same_people(given["remaining"], answer["remaining"])
    if kind == "moved":
        return _same_people(given["people"], answer["people"])
    if kind == "why_left":
        return sorted(given) == sorted(answer)
    return False


def ask(conn: sqlite3.Connection, questions: list[dict[str, Any]]) -> Report:
    """Answer every question from the store and compare with its hand-written answer."""
    report = Report()
    for question in questions:
        given = _ANSWER[question["kind"]](conn, question)
        report.outcomes.append(Outcome(question, given, _right(conn, question, given)))
    return report


# --- a store of gold facts -------------------------------------------------------------

def gold_pairs(documents: Iterable[Document], gold: dict[str, list[dict]]) -> list[tuple[Document, list[Fact]]]:
    """Each document with its gold facts as `Fact`s, their evidence found in its text (the first occurrence)."""
    pairs = []
    for document in documents:
        facts = []
        for item in gold.get(document.id, []):
            evidence = item.get("evidence")
            text = evidence.get("text") if isinstance(evidence, dict) else evidence
            start = document.text.find(text) if text else -1
            if start < 0:
                continue  # a gold fact without evidence in the text cannot be stored
            data = {**item, "doc": document.id, "confidence": 1.0, "extractor": "gold",
                    "evidence": {"start": start, "end": start + len(text), "text": text}}
            facts.append(Fact.from_dict(data))
        pairs.append((document, facts))
    return pairs


def build_gold_store(path: Path, documents: Iterable[Document], gold: dict[str, list[dict]]) -> None:
    with open_store(path) as store:
        ingest_extracted(store, gold_pairs(documents, gold))
