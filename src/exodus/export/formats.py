"""The whole store written out: jsonl, csv, graphml, or Turtle with Wikidata properties.

Turtle maps employment to P108 (employer) with P580/P582 (start/end time) as
qualifiers on a reified statement, founding to P112 (founded by, on the
organization) and memberships to P463 (member of, on the group).
"""
from __future__ import annotations

import csv
import io
import json
import sqlite3
from collections.abc import Iterator
from typing import TextIO
from xml.sax.saxutils import escape

from exodus.questions.records import FactView, load_facts
from exodus.questions.timeline import build_stints

FORMATS = ("jsonl", "csv", "graphml", "ttl")
_CSV_FIELDS = ("id", "kind", "person", "org", "group", "action", "role", "other_org", "date", "reasons",
               "amount", "confidence", "source_count", "documents")


def export(conn: sqlite3.Connection, fmt: str, out: TextIO) -> int:
    """Write every fact to `out` in `fmt`; returns how many facts were written."""
    facts = load_facts(conn)
    writer = {"jsonl": _jsonl, "csv": _csv, "graphml": _graphml, "ttl": _turtle}[fmt]
    writer(conn, facts, out)
    return len(facts)


def _jsonl(conn, facts: list[FactView], out: TextIO) -> None:
    for fact in facts:
        row = fact.to_schema()
        row["sources"] = [{"doc": s.document, "url": s.url, "published": s.published,
                           "evidence": {"start": s.start, "end": s.end, "text": s.evidence}} for s in fact.sources]
        row["source_count"] = fact.source_count
        out.write(json.dumps(row, ensure_ascii=False) + "\n")


def _csv(conn, facts: list[FactView], out: TextIO) -> None:
    write_facts_csv(facts, out)


def write_facts_csv(facts: list[FactView], out: TextIO) -> None:
    """`facts` as CSV, one row each, in the columns of `exodus export --format csv` (the dashboard's /facts
    download writes the same)."""
    writer = csv.DictWriter(out, fieldnames=_CSV_FIELDS)
    writer.writeheader()
    for f in facts:
        writer.writerow({"id": f.id, "kind": f.kind, "person": f.person, "org": f.org, "group": f.group,
                         "action": f.action, "role": f.role, "other_org": f.other_org, "date": f.date,
                         "reasons": ";".join(f.reasons),
                         "amount": f"{f.amount['value']} {f.amount['currency']}" if f.amount else "",
                         "confidence": f.confidence, "source_count": f.source_count,
                         "documents": ";".join(sorted({s.document for s in f.sources}))})


def _entities(conn) -> Iterator[sqlite3.Row]:
    return conn.execute("SELECT id, type, name, org_id FROM entities WHERE id IN (SELECT person_id FROM facts "
                        "UNION SELECT org_id FROM facts UNION SELECT group_id FROM facts "
                        "UNION SELECT other_org_id FROM facts) ORDER BY id")


def _graphml(conn, facts: list[FactView], out: TextIO) -> None:
    out.write('<?xml version="1.0" encoding="UTF-8"?>\n'
              '<graphml xmlns="http://graphml.graphdrawing.org/xmlns">\n'
              '  <key id="name" for="node" attr.name="name" attr.type="string"/>\n'
              '  <key id="type" for="node" attr.name="type" attr.type="string"/>\n')
    for name in ("kind", "fact", "date", "role", "reasons", "sources"):
        out.write(f'  <key id="{name}" for="edge" attr.name="{name}" attr.type="string"/>\n')
    out.write('  <graph id="exodus" edgedefault="directed">\n')
    for row in _entities(conn):
        out.write(f'    <node id="e{row["id"]}"><data key="name">{escape(row["name"])}</data>'
                  f'<data key="type">{row["type"]}</data></node>\n')
    ids = {r["uid"]: r for r in conn.execute("SELECT uid, person_id, org_id, group_id, other_org_id FROM facts")}
    for n, fact in enumerate(facts):
        r = ids[fact.id]
        source = r["person_id"] or r["org_id"]
        target = r["group_id"] or (r["other_org_id"] if fact.kind == "invested" else r["org_id"])
        if not source or not target or source == target:
            continue
        data = {"kind": fact.kind, "fact": fact.id, "date": fact.date, "role": fact.role,
                "reasons": ";".join(fact.reasons), "sources": str(fact.source_count)}
        cells = "".join(f'<data key="{k}">{escape(v)}</data>' for k, v in data.items() if v)
        out.write(f'    <edge id="x{n}" source="e{source}" target="e{target}">{cells}</edge>\n')
    out.write("  </graph>\n</graphml>\n")


def _literal(value: str) -> str:
    return json.dumps(value, ensure_ascii=False)


def _date(value: str) -> str:
    kind = {4: "gYear", 7: "gYearMonth"}.get(len(value), "date")
    return f'"{value}"^^xsd:{kind}'


def _turtle(conn, facts: list[FactView], out: TextIO) -> None:
    out.write("@prefix wdt: <http://www.wikidata.org/prop/direct/> .\n"
              "@prefix p: <http://www.wikidata.org/prop/> .\n"
              "@prefix ps: <http://www.wikidata.org/prop/statement/> .\n"
              "@prefix pq: <http://www.wikidata.org/prop/qualifier/> .\n"
              "@prefix rdfs: <http://www.w3.org/2000/01/rdf-schema#> .\n"
              "@prefix xsd: <http://www.w3.org/2001/XMLSchema#> .\n"
              "@prefix ex: <https://exodus.invalid/entity/> .\n"
              "@prefix exf: <https://exodus.invalid/fact/> .\n\n")
    ids = {}
    for row in _entities(conn):
        ids[(row["type"], row["name"])] = f"ex:{row['type']}{row['id']}"
        out.write(f"ex:{row['type']}{row['id']} rdfs:label {_literal(row['name'])} .\n")
    out.write("\n")
    node = lambda t, name: ids.get((t, name))
    by_person: dict[str, list[FactView]] = {}
    for fact in facts:
        if fact.person and fact.kind in ("joined", "left", "founded", "role", "member"):
            by_person.setdefault(fact.person, []).append(fact)
        if fact.kind == "founded" and fact.person:
            out.write(f"{node('org', fact.org)} wdt:P112 {node('person', fact.person)} .\n")
        if fact.kind == "member" and fact.group:
            out.write(f"{node('person', fact.person)} wdt:P463 {node('group', fact.group)} .\n")
    for person, own in sorted(by_person.items()):
        for n, stint in enumerate(build_stints(own)):
            subject, org = node("person", person), node("org", stint.org)
            if not subject or not org or stint.reversed_by:
                continue  # (an announced move that never took effect is no employment)
            statement = f"exf:{subject.split(':')[1]}-{org.split(':')[1]}-{n}"
            out.write(f"{subject} wdt:P108 {org} ;\n    p:P108 {statement} .\n{statement} ps:P108 {org}")
            if stint.start:
                out.write(f" ;\n    pq:P580 {_date(stint.start)}")
            if stint.end:
                out.write(f" ;\n    pq:P582 {_date(stint.end)}")
            out.write(" .\n")


def export_text(conn: sqlite3.Connection, fmt: str) -> str:
    buffer = io.StringIO()
    export(conn, fmt, buffer)
    return buffer.getvalue()
