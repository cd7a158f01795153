"""Check a gold set written per docs/annotation-guide.md before it is used.

    python benchmarks/check_gold.py benchmarks/SET [benchmarks/OTHER ...]

A set is a folder with `articles/NNN-slug.md` and `gold.jsonl`. Each problem is printed
on one line (`SET/FILE: what is wrong`); the exit status is 1 when there is any. Run it
until it prints nothing but the summary.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
import unicodedata
from pathlib import Path

from exodus.schema import GROUP_ACTIONS, KINDS, REASONS
from exodus.sources.frontmatter import split_front_matter

STYLES = {"wire", "feature", "blog", "press-release", "analysis", "newsletter"}
ISO = re.compile(r"^\d{4}(?:-(0[1-9]|1[0-2])(?:-(0[1-9]|[12]\d|3[01]))?)?$")
REQUIRED = {"joined": ("person", "org"), "left": ("person", "org"), "founded": ("org",),
            "role": ("person", "org", "role"), "member": ("person", "org", "group"),
            "group_event": ("org", "group", "action"), "invested": ("investor", "investee")}
OPTIONAL = {"joined": ("role", "from_org", "date"), "left": ("role", "to_org", "date", "reasons"),
            "founded": ("person", "date"), "role": ("group", "date"), "member": ("role", "date"),
            "group_event": ("date",), "invested": ("amount", "date")}
COMMON = {"kind", "doc", "evidence", "required"}
NAME_FIELDS = ("person", "org", "from_org", "to_org", "investor", "investee")
SUFFIXES = {"inc", "ltd", "llc", "corp", "co", "plc", "the", "company", "group", "ag", "sa", "gmbh"}


def fold(text: str) -> str:
    text = unicodedata.normalize("NFKC", text).replace("\u2019", "'").lower()
    return " ".join(re.sub(r"[^\w\s]", " ", re.sub(r"'s\b", "", text)).split())


def _org_aliases() -> dict[str, list[str]]:
    from importlib.resources import files
    data = json.loads(files("exodus.data").joinpath("organizations.json").read_text(encoding="utf-8"))
    return {fold(k): v for k, v in data.items() if not k.startswith("_")}


ORG_ALIASES = _org_aliases()


def mentioned(name: str, body: str, person: bool) -> bool:
    """A person by surname (or any part of the name), an organization by a distinctive word or an alias."""
    folded = f" {fold(body)} "
    if not person and any(f" {fold(a)} " in folded for a in ORG_ALIASES.get(fold(name), [])):
        return True
    words = fold(name).split()
    if not words:
        return False
    if f" {' '.join(words)} " in folded:
        return True
    if person:
        return any(f" {w} " in folded for w in words if len(w) > 1)
    return any(f" {w} " in folded for w in words if w not in SUFFIXES and len(w) > 2)


def check_article(path: Path, problems: list[str]) -> tuple[str, str, str | None] | None:
    raw = path.read_text(encoding="utf-8")
    meta, body = split_front_matter(raw)
    body = body.strip("\r\n")
    where = f"{path.parent.parent.name}/{path.name}"
    for key in ("id", "title", "published", "url", "style"):
        if not meta.get(key):
            problems.append(f"{where}: front matter has no {key}")
    number = path.name.split("-", 1)[0]
    if meta.get("id") and not str(meta["id"]).endswith(f"-{number}"):
        problems.append(f"{where}: id {meta['id']!r} does not end with the file's number -{number}")
    if meta.get("published") and not ISO.match(str(meta["published"])):
        problems.append(f"{where}: published {meta['published']!r} is not an ISO date")
    if meta.get("style") and meta["style"] not in STYLES:
        problems.append(f"{where}: style {meta['style']!r} is not one of {', '.join(sorted(STYLES))}")
    if meta.get("url") and ".exodus.invalid/" not in str(meta["url"]):
        problems.append(f"{where}: url must be on an *.exodus.invalid host (a reserved name)")
    if len(body.split()) < 80:
        problems.append(f"{where}: body has only {len(body.split())} words")
    if not meta.get("id"):
        return None
    return str(meta["id"]), body, meta.get("published")


def check_fact(fact: dict, body: str, published: str | None, where: str, problems: list[str],
               need_evidence: bool) -> tuple | None:
    kind = fact.get("kind")
    if kind not in KINDS:
        problems.append(f"{where}: unknown kind {kind!r}")
        return None
    allowed = COMMON | set(REQUIRED[kind]) | set(OPTIONAL[kind])
    for extra in sorted(set(fact) - allowed):
        problems.append(f"{where}: {kind} fact has a field {extra!r} it cannot have")
    for name in REQUIRED[kind]:
        if not fact.get(name):
            problems.append(f"{where}: {kind} fact has no {name}")
    if fact.get("date") is not None and not ISO.match(str(fact["date"])):
        problems.append(f"{where}: date {fact['date']!r} is not ISO (2024, 2024-05 or 2024-05-28)")
    if kind == "left" and not isinstance(fact.get("reasons", []), list):
        problems.append(f"{where}: reasons must be a list")
    for reason in fact.get("reasons") or []:
        if reason not in REASONS:
            problems.append(f"{where}: reason {reason!r} is not one of {', '.join(REASONS)}")
    if kind == "group_event" and fact.get("action") not in GROUP_ACTIONS:
        problems.append(f"{where}: action must be formed or disbanded")
    amount = fact.get("amount")
    if amount is not None and not (isinstance(amount, dict) and isinstance(amount.get("value"), (int, float))
                                   and isinstance(amount.get("currency"), str) and len(amount["currency"]) == 3):
        problems.append(f"{where}: amount must be {{\"value\": NUMBER, \"currency\": \"USD\"}}")
    if "required" in fact and fact["required"] is not False:
        problems.append(f"{where}: \"required\" is only ever false (leave it out for required facts)")
    evidence = fact.get("evidence")
    if evidence is None:
        if need_evidence:
            problems.append(f"{where}: {kind} fact has no evidence")
    elif not isinstance(evidence, str) or evidence not in body:
        problems.append(f"{where}: evidence is not exactly in the article: {str(evidence)[:70]!r}")
    for name in NAME_FIELDS:
        value = fact.get(name)
        if value and not mentioned(value, body, name == "person"):
            problems.append(f"{where}: {name} {value!r} is never mentioned in the article")
    return (kind, *(fold(str(fact.get(n) or "")) for n in ("person", "org", "group", "action", "investor",
                                                            "investee")))


def check_set(folder: Path, need_evidence: bool = True) -> list[str]:
    problems: list[str] = []
    articles = sorted((folder / "articles").glob("*.md"))
    if not articles:
        return [f"{folder}: no articles/*.md"]
    bodies: dict[str, tuple[str, str | None]] = {}
    for path in articles:
        found = check_article(path, problems)
        if found:
            doc, body, published = found
            if doc in bodies:
                problems.append(f"{folder.name}/{path.name}: id {doc} is used twice")
            bodies[doc] = (body, published)
    gold_path = folder / "gold.jsonl"
    if not gold_path.exists():
        return problems + [f"{folder}: no gold.jsonl"]
    seen_docs = set()
    for n, line in enumerate(gold_path.read_text(encoding="utf-8").splitlines(), 1):
        if not line.strip():
            continue
        where = f"{folder.name}/gold.jsonl:{n}"
        try:
            row = json.loads(line)
        except json.JSONDecodeError as err:
            problems.append(f"{where}: not JSON: {err}")
            continue
        doc = row.get("doc")
        if doc not in bodies:
            problems.append(f"{where}: doc {doc!r} has no article")
            continue
        if doc in seen_docs:
            problems.append(f"{where}: doc {doc!r} has two gold lines")
        seen_docs.add(doc)
        body, published = bodies[doc]
        keys = set()
        for i, fact in enumerate(row.get("facts", []), 1):
            if fact.get("doc") not in (None, doc):
                problems.append(f"{where} fact {i}: doc {fact.get('doc')!r} is not {doc!r}")
            key = check_fact(fact, body, published, f"{where} fact {i}", problems, need_evidence)
            if key in keys:
                problems.append(f"{where} fact {i}: the same {fact.get('kind')} fact is given twice")
            keys.add(key)
    for doc in sorted(set(bodies) - seen_docs):
        problems.append(f"{folder.name}/gold.jsonl: no line for {doc}")
    return problems


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("sets", nargs="+", type=Path)
    ap.add_argument("--no-evidence", action="store_true", help="do not require evidence (older sets)")
    args = ap.parse_args()
    failed = False
    for folder in args.sets:
        problems = check_set(folder, need_evidence=not args.no_evidence)
        for p in problems:
            print(p)
        n_articles = len(list((folder / "articles").glob("*.md")))
        print(f"{folder}: {n_articles} articles, {len(problems)} problems")
        failed |= bool(problems)
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
