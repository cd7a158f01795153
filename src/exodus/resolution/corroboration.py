"""Corroboration: claims from many articles that state the same thing become one fact.

Claims share a *base key* when they are of one kind about the same entities
(person, organization, group, action; the title too for `role`). Within a base
key, claims whose dates can mean the same event (compatible, or close in time)
form one fact; far-apart dates are separate events (Karpathy joined OpenAI in
2015 and again in 2023). An undated claim joins the latest event that happened
before the article was published; when every dated event came long after it (more
than the same-event window), it told an earlier event of its own ("Brockman will
be OpenAI's CTO", 2015, is not his return of 2024), and undated claims whose
articles are that close in time are one event. Copies of one article (see store.dedupe) count
as one source. An investment is a round: only reports within three weeks of each
other that give the same amount (or none) are one fact, so Amazon's rounds in
Anthropic of 2023 and 2024 stay two facts.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from collections import Counter
from collections.abc import Iterable

from exodus.resolution.dates import compatible, gap_days, precision, start_of
from exodus.resolution.names import org_key, person_key
from exodus.settings import get_settings


def base_key(kind: str, person_id: int | None, org_id: int | None, group_id: int | None,
             other_org_id: int | None, action: str | None, role: str | None) -> str:
    parts = [kind, person_id, org_id, group_id, action]
    if kind == "invested":
        parts.append(other_org_id)
    if kind == "role":
        parts.append((role or "").strip().lower())
    return "|".join("" if p is None else str(p) for p in parts)


# An investment is a round: reports of one round come within days of each other, and give one amount.
SAME_ROUND_DAYS = 21
_AMOUNT_TOLERANCE = 0.1


def _same_amount(a: sqlite3.Row, b: sqlite3.Row) -> bool:
    """Two claims' amounts can be one round's: either is unknown, or they agree within 10% in one currency."""
    if a["amount_value"] is None or b["amount_value"] is None:
        return True
    if (a["amount_currency"] or "") != (b["amount_currency"] or ""):
        return False
    high = max(abs(a["amount_value"]), abs(b["amount_value"]))
    return high == 0 or abs(a["amount_value"] - b["amount_value"]) <= _AMOUNT_TOLERANCE * high


def _same_event(claim: sqlite3.Row, other: sqlite3.Row, same_event_days: int) -> bool:
    if claim["kind"] == "invested":
        return _same_amount(claim, other) and (compatible(claim["date"], other["date"])
                                               or gap_days(claim["date"], other["date"]) <= SAME_ROUND_DAYS)
    return compatible(claim["date"], other["date"]) or gap_days(claim["date"], other["date"]) <= same_event_days


def cluster_claims(claims: list[sqlite3.Row], same_event_days: int) -> list[list[sqlite3.Row]]:
    """Group one base key's claims into events, deterministically (independent of claim order)."""
    dated = sorted((c for c in claims if c["date"]),
                   key=lambda c: (start_of(c["date"]), -precision(c["date"]), c["id"]))
    clusters: list[list[sqlite3.Row]] = []
    for claim in dated:
        if clusters and any(_same_event(claim, other, same_event_days) for other in clusters[-1]):
            clusters[-1].append(claim)
        else:
            clusters.append([claim])
    undated = [c for c in claims if not c["date"]]
    if not clusters:
        return [undated] if undated else []
    alone: list[sqlite3.Row] = []
    for claim in undated:
        target = clusters[-1]
        if claim["published"]:
            told = start_of(claim["published"])
            before = [cl for cl in clusters if start_of(cl[0]["date"]) <= told]
            if before:
                target = before[-1]
            elif gap_days(clusters[0][0]["date"], told) > same_event_days:
                # Every dated event came long after this article: it told an earlier one of its own.
                alone.append(claim)
                continue
        target.append(claim)
    return _by_report(alone, same_event_days) + clusters


def _by_report(undated: list[sqlite3.Row], same_event_days: int) -> list[list[sqlite3.Row]]:
    """Undated claims (of dated articles) as events: reports this close in time tell one."""
    clusters: list[list[sqlite3.Row]] = []
    for claim in sorted(undated, key=lambda c: (c["published"], c["id"])):
        if clusters and gap_days(clusters[-1][-1]["published"], claim["published"]) <= same_event_days:
            clusters[-1].append(claim)
        else:
            clusters.append([claim])
    return clusters


def _choose_date(dates: list[str]) -> str | None:
    if not dates:
        return None
    best = max(precision(d) for d in dates)
    counts = Counter(d for d in dates if precision(d) == best)
    return sorted(counts, key=lambda d: (-counts[d], d))[0]


def _most_common(values: Iterable) -> object:
    counts = Counter(v for v in values if v is not None)
    return sorted(counts, key=lambda v: (-counts[v], str(v)))[0] if counts else None


def recluster(conn: sqlite3.Connection, keys: Iterable[str]) -> None:
    """Rebuild the facts of these base keys from their claims."""
    same_event_days = get_settings().same_event_days
    for key in sorted(set(keys)):
        conn.execute("DELETE FROM facts WHERE base_key = ?", (key,))
        claims = conn.execute(
            "SELECT c.*, coalesce(d.duplicate_of, d.id) AS source_group FROM claims c "
            "JOIN documents d ON d.id = c.document_id WHERE c.base_key = ? ORDER BY c.id", (key,)).fetchall()
        undated = 0
        for cluster in cluster_claims(claims, same_event_days):
            later = undated > 0 and not any(c["date"] for c in cluster)
            undated += not any(c["date"] for c in cluster)
            _insert_fact(conn, key, cluster, later)


def _entity_key(conn: sqlite3.Connection, entity_id: int | None) -> str:
    """An entity as its folded name (the same whatever order the articles came in), not its row id."""
    if entity_id is None:
        return ""
    row = conn.execute("SELECT type, name FROM entities WHERE id = ?", (entity_id,)).fetchone()
    if row is None:
        return f"#{entity_id}"
    if row["type"] == "group":
        # a group is named as its first article names it ("new advanced AI research team" or "advanced AI
        # research team"): the first of all its names in sorted order is the same whatever came first
        first = conn.execute("SELECT min(folded) FROM aliases WHERE entity_id = ?", (entity_id,)).fetchone()[0]
        if first:
            return f"group:{first}"
    return f"{row['type']}:{(person_key if row['type'] == 'person' else org_key)(row['name'])}"


def fact_uid(conn: sqlite3.Connection, claim: sqlite3.Row, anchor: str) -> str:
    """A fact's public id, from what it says: its kind, its entities by name, its action or title, and the
    start of its earliest date. The same articles give the same ids in any order, and a link to a fact
    survives a rebuild of the store. Two facts that would share one (two entities with one name) are told
    apart by their entities' row ids."""
    parts = [claim["kind"], _entity_key(conn, claim["person_id"]), _entity_key(conn, claim["org_id"]),
             _entity_key(conn, claim["group_id"]), claim["action"] or ""]
    if claim["kind"] == "invested":
        parts.append(_entity_key(conn, claim["other_org_id"]))
    if claim["kind"] == "role":
        parts.append((claim["role"] or "").strip().lower())
    content = "|".join([*parts, anchor])
    uid = "f" + hashlib.sha1(content.encode()).hexdigest()[:11]
    if conn.execute("SELECT 1 FROM facts WHERE uid = ?", (uid,)).fetchone() is not None:
        content += "|" + claim["base_key"]
        uid = "f" + hashlib.sha1(content.encode()).hexdigest()[:11]
    return uid


def _insert_fact(conn: sqlite3.Connection, key: str, cluster: list[sqlite3.Row], later: bool = False) -> None:
    first = cluster[0]
    dated = sorted(c["date"] for c in cluster if c["date"])
    date = _choose_date(dated)
    published = sorted(c["published"] for c in cluster if c["published"])
    # A second undated event of the same people (told years after the first) is anchored at its first report.
    anchor = start_of(dated[0]) if dated else f"undated {published[0]}" if later and published else "undated"
    uid = fact_uid(conn, first, anchor)
    effective = start_of(date) if date else (published[0] if published else None)
    reasons = sorted({r for c in cluster for r in json.loads(c["reasons"])})
    # Copies of one article are one source: take the best claim of each source group.
    best: dict[int, float] = {}
    for c in cluster:
        best[c["source_group"]] = max(best.get(c["source_group"], 0.0), c["confidence"])
    doubt = 1.0
    for value in best.values():
        doubt *= 1.0 - min(max(value, 0.0), 1.0)
    amounts = [(c["amount_value"], c["amount_currency"]) for c in cluster if c["amount_value"] is not None]
    amount = _most_common(amounts) or (None, None)
    cur = conn.execute(
        "INSERT INTO facts(uid, base_key, kind, person_id, org_id, group_id, other_org_id, action, role, date, "
        "effective_date, reasons, amount_value, amount_currency, confidence, source_count) "
        "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        (uid, key, first["kind"], first["person_id"], first["org_id"], first["group_id"],
         _most_common(c["other_org_id"] for c in cluster), first["action"],
         _most_common(c["role"] for c in cluster), date, effective, json.dumps(reasons),
         amount[0], amount[1], round(1.0 - doubt, 4), len(best)))
    conn.executemany("UPDATE claims SET fact_id = ? WHERE id = ?", [(cur.lastrowid, c["id"]) for c in cluster])
