"""Questions the dashboard asks beyond `exodus.questions`: lists, paging, an article, a Sankey.

Plain functions over a sqlite3 connection, returning dataclasses or dicts, so a
notebook can call them as the web pages do. Facts leave in the shape of the fact
contract (`fact_json`), with every source.
"""
from __future__ import annotations

import re
import sqlite3
from collections import Counter
from dataclasses import asdict, dataclass, field, replace

from exodus.errors import StoreError
from exodus.questions.flows import TalentFlows
from exodus.questions.lookup import entity
from exodus.questions.records import FactView, load_facts
from exodus.resolution.dates import end_of, parse_date, start_of
from exodus.resolution.org_parents import org_tree
from exodus.schema import KINDS

ISO_DATE = re.compile(r"\d{4}(-\d{2}(-\d{2})?)?")
MIN_YEAR, MAX_YEAR = 1000, 8999
MAX_QUERY_CHARS = 200
"""The longest name or search text a request may give (a name, or a few words); longer ones are a 422."""


class NotFound(StoreError):
    """No person, organization, fact or article by that name or id."""


def iso_date(value: str | None) -> str | None:
    """`value` when it is an ISO date of any precision ("2024", "2024-05", "2024-05-28"), else ValueError."""
    if value is None or value == "":
        return None
    if not ISO_DATE.fullmatch(value) or parse_date(value) is None:
        raise ValueError(f"{value!r} is not a date; use ISO: 2024, 2024-05 or 2024-05-28")
    if not MIN_YEAR <= int(value[:4]) <= MAX_YEAR:
        # Windows are added to and taken from dates (flows look a year past `until`): keep clear of year 1 and 9999.
        raise ValueError(f"{value!r} is out of range; years {MIN_YEAR} to {MAX_YEAR}")
    return value


def find(conn: sqlite3.Connection, name: str, type_: str) -> sqlite3.Row:
    """The person or organization called `name` (its name, an alias, or a unique part of one)."""
    rows = conn.execute("SELECT * FROM entities WHERE type = ? AND name = ?", (type_, name)).fetchall()
    if len(rows) == 1:
        return rows[0]
    try:
        return entity(conn, name, type_)
    except StoreError as err:
        raise NotFound(str(err)) from None


def fact_json(fact: FactView) -> dict:
    """A fact in the shape of the fact contract, with every source (as `exodus export --format jsonl`)."""
    out = fact.to_schema()
    out["sources"] = [{"doc": s.document, "title": s.title, "url": s.url, "published": s.published,
                       "evidence": {"start": s.start, "end": s.end, "text": s.evidence},
                       "extractor": s.extractor, "confidence": s.confidence, "copy_of": s.copy_of}
                      for s in fact.sources]
    out["source_count"] = fact.source_count
    out["effective_date"] = fact.effective_date
    out["reported"], out["when"] = fact.reported, fact.when
    return out


def get_fact(conn: sqlite3.Connection, fact_id: str) -> FactView:
    facts = load_facts(conn, "f.uid = ?", (fact_id,))
    if not facts:
        raise NotFound(f"no fact {fact_id!r} in the store")
    return facts[0]


@dataclass
class FactsPage:
    total: int
    limit: int
    offset: int
    facts: list[FactView]

    def to_dict(self) -> dict:
        return {"total": self.total, "limit": self.limit, "offset": self.offset,
                "facts": [fact_json(f) for f in self.facts]}


def list_facts(conn: sqlite3.Connection, *, kind: str | None = None, person: str | None = None,
               org: str | None = None, since: str | None = None, until: str | None = None,
               min_confidence: float | None = None, limit: int = 50, offset: int = 0) -> FactsPage:
    """Facts matching every filter given, in the order they were stored, one page at a time."""
    where, params = ["1"], []
    if kind:
        if kind not in KINDS:
            raise ValueError(f"kind must be one of {', '.join(KINDS)}")
        where.append("f.kind = ?")
        params.append(kind)
    if person:
        where.append("f.person_id = ?")
        params.append(find(conn, person, "person")["id"])
    if org:
        where.append("f.org_id = ?")
        params.append(find(conn, org, "org")["id"])
    if since:
        where.append("f.effective_date >= ?")
        params.append(start_of(since))
    if until:
        where.append("f.effective_date <= ?")
        params.append(end_of(until))
    if min_confidence is not None:
        where.append("f.confidence >= ?")
        params.append(min_confidence)
    clause = " AND ".join(where)
    total = conn.execute(f"SELECT count(*) FROM facts f WHERE {clause}", params).fetchone()[0]
    # The page's ids as a subquery, not as parameters: a CSV download asks for far more rows than SQLite
    # takes parameters.
    facts = load_facts(conn, f"f.id IN (SELECT f.id FROM facts f WHERE {clause} ORDER BY f.id LIMIT ? OFFSET ?)",
                       (*params, limit, offset), order="f.id")
    return FactsPage(total, limit, offset, facts)


def latest_facts(conn: sqlite3.Connection, limit: int = 20) -> list[FactView]:
    """The most recent dated facts, newest first (one short index walk per kind)."""
    ids: list[tuple[str, int]] = []
    for kind in KINDS:
        ids += [(r[0], r[1]) for r in conn.execute(
            "SELECT effective_date, id FROM facts WHERE kind = ? AND effective_date IS NOT NULL "
            "ORDER BY effective_date DESC LIMIT ?", (kind, limit))]
    chosen = [i for _, i in sorted(ids, reverse=True)[:limit]]
    if not chosen:
        return []
    return load_facts(conn, f"f.id IN ({','.join('?' * len(chosen))})", tuple(chosen),
                      order="f.effective_date DESC, f.id DESC")


@dataclass
class StoreStats:
    facts: int
    people: int
    organizations: int
    documents: int

    def to_dict(self) -> dict:
        return asdict(self)


def store_stats(conn: sqlite3.Connection) -> StoreStats:
    count = lambda sql: conn.execute(sql).fetchone()[0]
    return StoreStats(facts=count("SELECT count(*) FROM facts"),
                      people=count("SELECT count(*) FROM entities WHERE type = 'person'"),
                      organizations=count("SELECT count(*) FROM entities WHERE type = 'org'"),
                      documents=count("SELECT count(*) FROM documents"))


def list_entities(conn: sqlite3.Connection, type_: str, q: str | None = None, limit: int = 50,
                  offset: int = 0) -> dict:
    """People or organizations (`type_` "person" or "org") whose name contains `q` (ignoring the case of ASCII
    letters), by name. `q` is compared as text (`instr`, not LIKE): "%", "_" and NUL match only themselves."""
    where, params = _name_contains(type_, q)
    total = conn.execute(f"SELECT count(*) FROM entities WHERE {where}", params).fetchone()[0]
    column = "person_id" if type_ == "person" else "org_id"
    rows = conn.execute(f"SELECT id, name, (SELECT count(*) FROM facts WHERE {column} = e.id) AS facts "
                        f"FROM entities e WHERE {where} ORDER BY name LIMIT ? OFFSET ?",
                        (*params, limit, offset)).fetchall()
    return {"total": total, "limit": limit, "offset": offset,
            "items": [{"name": r["name"], "facts": r["facts"]} for r in rows]}


def names_containing(conn: sqlite3.Connection, type_: str, q: str, limit: int) -> list[str]:
    """The first `limit` names (by name) of people or organizations containing `q`, as `list_entities`
    matches them, without counting them all."""
    where, params = _name_contains(type_, q)
    return [r[0] for r in conn.execute(f"SELECT name FROM entities WHERE {where} ORDER BY name LIMIT ?",
                                       (*params, limit))]


def _name_contains(type_: str, q: str | None) -> tuple[str, list]:
    """The WHERE clause of the entities of `type_` whose name contains `q`, and its parameters. LIKE (ASCII case
    folded, in C, without copying each name) finds the candidates in less than half the time of `instr(lower(...))`
    over 100,000 names; instr then compares exactly (a NUL ends a LIKE pattern early)."""
    if not q:
        return "type = ?", [type_]
    pattern = "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    return "type = ? AND name LIKE ? ESCAPE '\\' AND instr(lower(name), lower(?)) > 0", [type_, pattern, q]


@dataclass
class Mention:
    """A fact stated in an article, at these offsets of its text."""
    fact: str
    kind: str
    start: int
    end: int
    text: str


@dataclass
class Article:
    id: str
    title: str | None
    url: str | None
    published: str | None
    text: str
    copy_of: str | None
    mentions: list[Mention] = field(default_factory=list)

    def to_dict(self) -> dict:
        return asdict(self)


def get_article(conn: sqlite3.Connection, doc_key: str) -> Article:
    row = conn.execute("SELECT d.*, o.doc_key AS copy_of FROM documents d "
                       "LEFT JOIN documents o ON o.id = d.duplicate_of WHERE d.doc_key = ?", (doc_key,)).fetchone()
    if row is None:
        raise NotFound(f"no article {doc_key!r} in the store")
    mentions = [Mention(r["uid"], r["kind"], r["evidence_start"], r["evidence_end"], r["evidence_text"])
                for r in conn.execute("SELECT f.uid, c.kind, c.evidence_start, c.evidence_end, c.evidence_text "
                                      "FROM claims c JOIN facts f ON f.id = c.fact_id WHERE c.document_id = ? "
                                      "ORDER BY c.evidence_start, c.id", (row["id"],))]
    return Article(row["doc_key"], row["title"], row["url"], row["published"], row["text"], row["copy_of"], mentions)


# Snippet markers no article contains (control characters), so highlighting can be applied after escaping.
MARK_START, MARK_END = "\x02", "\x03"


def search_everything(conn: sqlite3.Connection, text: str, limit: int = 20) -> dict:
    """Articles (full text, best first), people and organizations whose names match `text`."""
    terms = re.findall(r'"[^"]+"|\w+', text or "")
    query = " ".join(t if t.startswith('"') else f'"{t}"' for t in terms)
    articles = []
    if query:
        rows = conn.execute(
            "SELECT d.doc_key, d.title, d.url, d.published, "
            f"snippet(documents_fts, 1, '{MARK_START}', '{MARK_END}', '…', 16) AS snip "
            "FROM documents_fts JOIN documents d ON d.id = documents_fts.rowid "
            "WHERE documents_fts MATCH ? ORDER BY rank LIMIT ?", (query, limit)).fetchall()
        articles = [{"doc": r["doc_key"], "title": r["title"], "url": r["url"], "published": r["published"],
                     "snippet": r["snip"].replace(MARK_START, "").replace(MARK_END, ""),
                     "marked": r["snip"]} for r in rows]
    found = {"person": [], "org": []}
    if text and text.strip():
        for type_ in found:
            found[type_] = names_containing(conn, type_, text.strip(), limit)
    return {"query": text, "articles": articles, "people": found["person"], "organizations": found["org"]}


def movements_by_year(movements: list[FactView]) -> list[dict]:
    """Arrivals (joined, founded) and departures (left) per year, each with the facts behind it."""
    years: dict[str, dict] = {}
    for fact in movements:
        when = fact.date or fact.effective_date
        if not when or fact.kind not in ("joined", "left", "founded"):
            continue
        year = years.setdefault(when[:4], {"year": when[:4], "arrivals": [], "departures": []})
        side = "departures" if fact.kind == "left" else "arrivals"
        year[side].append({"fact": fact.id, "person": fact.person, "date": when, "reasons": fact.reasons})
    return [years[y] for y in sorted(years)]


def departure_reasons(movements: list[FactView]) -> dict[str, int]:
    counts = Counter(r for f in movements if f.kind == "left" for r in f.reasons)
    return dict(counts.most_common())


def flow_sankey(flows: TalentFlows, max_links: int) -> dict:
    """The largest flows as a two-column Sankey: organizations left (left) to organizations joined (right).

    Every node and link carries the moves behind it (person, fact ids), so a click can list them.
    """
    pairs = flows.pairs[:max_links]
    kept = {(p.from_org, p.to_org) for p in pairs}
    nodes: list[dict] = []
    index: dict[tuple[str, str], int] = {}

    def node(org: str, side: str) -> int:
        if (org, side) not in index:
            index[(org, side)] = len(nodes)
            nodes.append({"org": org, "side": side, "moves": []})
        return index[(org, side)]

    links: dict[tuple[int, int], dict] = {}
    for move in flows.moves:
        if (move.from_org, move.to_org) not in kept:
            continue
        a, b = node(move.from_org, "from"), node(move.to_org, "to")
        entry = {"person": move.person, "from_org": move.from_org, "to_org": move.to_org,
                 "left": move.left, "joined": move.joined, "left_text": move.left_text,
                 "joined_text": move.joined_text, "reasons": move.reasons, "facts": move.facts,
                 "from_unit": move.from_unit, "to_unit": move.to_unit}
        link = links.setdefault((a, b), {"source": a, "target": b, "value": 0, "moves": []})
        link["value"] += 1
        link["moves"].append(entry)
        nodes[a]["moves"].append(entry)
        nodes[b]["moves"].append(entry)
    return {"since": flows.since, "until": flows.until, "org": flows.org, "rollup": flows.rollup,
            "total_moves": len(flows.moves), "total_pairs": len(flows.pairs), "nodes": nodes,
            "links": list(links.values())}


def sankey_rows(sankey: dict) -> list[dict]:
    """The links of `flow_sankey` as table rows, largest first: from, to, how many moves, who moved."""
    rows = [{"from_org": sankey["nodes"][link["source"]]["org"], "to_org": sankey["nodes"][link["target"]]["org"],
             "count": link["value"], "people": sorted({m["person"] for m in link["moves"]})}
            for link in sankey["links"]]
    return sorted(rows, key=lambda r: (-r["count"], r["from_org"], r["to_org"]))


def sankey_selection(sankey: dict, from_org: str | None, to_org: str | None) -> dict | None:
    """The moves behind one part of a `flow_sankey`: the flow `from_org` -> `to_org`, or everyone who left
    `from_org`, or everyone who joined `to_org` (one of them None). None when neither is given."""
    if not from_org and not to_org:
        return None
    if from_org and to_org:
        title, orgs = f"{from_org} → {to_org}", [from_org, to_org]
        moves = [m for link in sankey["links"] for m in link["moves"]
                 if sankey["nodes"][link["source"]]["org"] == from_org
                 and sankey["nodes"][link["target"]]["org"] == to_org]
    else:
        side, org = ("from", from_org) if from_org else ("to", to_org)
        title, orgs = f"{'Left' if side == 'from' else 'Joined'} {org}", [org]
        moves = next((n["moves"] for n in sankey["nodes"] if n["org"] == org and n["side"] == side), [])
    return {"title": f"{title}: {len(moves)} move(s)", "orgs": orgs, "moves": moves}


def timeline_json(conn: sqlite3.Connection, name: str) -> dict:
    """`person_timeline` with its facts in the shape of the fact contract."""
    from exodus.questions import person_timeline

    timeline = person_timeline(conn, find(conn, name, "person")["name"])
    return {"person": timeline.person, "names": timeline.names,
            "stints": [s.to_dict() for s in timeline.stints], "facts": [fact_json(e) for e in timeline.events]}


def roster_json(conn: sqlite3.Connection, name: str, as_of: str | None = None) -> dict:
    """`org_roster` with its movements as facts, arrivals and departures per year, and departure reasons."""
    from exodus.questions import org_roster

    roster = org_roster(conn, find(conn, name, "org")["name"], as_of)
    # The movements are given as facts with their sources: `to_dict`'s own (dataclasses.asdict, half of a
    # large organization's page) would be thrown away.
    out = replace(roster, movements=[]).to_dict()
    out["movements"] = [fact_json(m) for m in roster.movements]
    out["by_year"] = movements_by_year(roster.movements)
    out["departure_reasons"] = departure_reasons(roster.movements)
    out["inflow"], out["outflow"] = talent_sides(conn, roster.org, roster.as_of)
    out["funding"] = [fact_json(f) for f in funding(conn, roster.org, roster.as_of)]
    tree = org_tree(conn)
    out["part_of"], out["units"] = tree.parents(roster.org), tree.units(roster.org)
    return out


def talent_sides(conn: sqlite3.Connection, org: str, as_of: str) -> tuple[list[dict], list[dict]]:
    """Where the organization's hires came from and where its alumni went, up to `as_of`: per other
    organization, how many people and who, most first."""
    from exodus.questions import talent_flows

    inflow: dict[str, set[str]] = {}
    outflow: dict[str, set[str]] = {}
    for move in talent_flows(conn, None, as_of, org).moves:
        if move.to_org == org and move.from_org != org:
            inflow.setdefault(move.from_org, set()).add(move.person)
        elif move.from_org == org and move.to_org != org:
            outflow.setdefault(move.to_org, set()).add(move.person)
    return _by_size(inflow), _by_size(outflow)


def _by_size(side: dict[str, set[str]]) -> list[dict]:
    return [{"org": other, "count": len(people), "people": sorted(people)}
            for other, people in sorted(side.items(), key=lambda kv: (-len(kv[1]), kv[0]))]


def funding(conn: sqlite3.Connection, org: str, as_of: str) -> list[FactView]:
    """Investments in the organization known by `as_of`, latest first."""
    org_id = find(conn, org, "org")["id"]
    facts = load_facts(conn, "f.kind = 'invested' AND f.other_org_id = ? AND "
                             "(f.effective_date IS NULL OR f.effective_date <= ?)", (org_id, as_of))
    return sorted(facts, key=lambda f: f.effective_date or "", reverse=True)


def conflict_json(conflict) -> dict:
    """A conflict with its id, status (open, resolved, dismissed) and decision, each side a fact with sources."""
    return {"id": conflict.id, "kind": conflict.kind, "status": conflict.status, "person": conflict.person,
            "summary": conflict.summary, "sides": [fact_json(s) for s in conflict.sides],
            "decision": conflict.decision.to_dict() if conflict.decision else None}
