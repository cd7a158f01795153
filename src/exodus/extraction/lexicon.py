"""Domain knowledge as data: gazetteer, trigger frames, titles, reasons, hedges.

Built-in files live in `exodus/data/`. Files of the same name in the folder named by
the `lexicon_dir` setting (`EXODUS_LEXICON_DIR`) are merged over them: dict entries
added or replaced, list entries added.
"""
from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources
from pathlib import Path
from typing import Any

from exodus.settings import get_settings


def fold_name(name: str) -> str:
    """Case-, accent-, quote- and possessive-insensitive form of a name, for lookups."""
    text = unicodedata.normalize("NFKD", name)
    text = "".join(c for c in text if not unicodedata.combining(c))
    text = text.replace("\u2019", "'").replace("\u2018", "'").lower()
    text = re.sub(r"'s\b|s'$", "", text)
    text = re.sub(r"[^\w\s&]", " ", text)
    return " ".join(text.split())


def _merge(base: Any, extra: Any) -> Any:
    if isinstance(base, dict) and isinstance(extra, dict):
        out = dict(base)
        for key, value in extra.items():
            out[key] = _merge(base[key], value) if key in base else value
        return out
    if isinstance(base, list) and isinstance(extra, list):
        return base + [x for x in extra if x not in base]
    return extra


def _load_json(name: str) -> Any:
    data = json.loads(resources.files("exodus.data").joinpath(name).read_text(encoding="utf-8"))
    extra_dir = get_settings().lexicon_dir
    if extra_dir and (Path(extra_dir) / name).is_file():
        data = _merge(data, json.loads((Path(extra_dir) / name).read_text(encoding="utf-8")))
    if isinstance(data, dict):
        data.pop("_about", None)
    return data


def _load_lines(name: str) -> list[str]:
    lines = resources.files("exodus.data").joinpath(name).read_text(encoding="utf-8").splitlines()
    extra_dir = get_settings().lexicon_dir
    if extra_dir and (Path(extra_dir) / name).is_file():
        lines += (Path(extra_dir) / name).read_text(encoding="utf-8").splitlines()
    return [ln.strip() for ln in lines if ln.strip() and not ln.lstrip().startswith("#")]


@dataclass(frozen=True)
class Lexicon:
    organizations: dict[str, list[str]]
    people: dict[str, list[str]]
    verb_frames: dict[str, list[dict[str, Any]]]
    noun_frames: dict[str, list[dict[str, Any]]]
    titles: tuple[str, ...]
    nouns: dict[str, list[str]]
    reasons: dict[str, list[re.Pattern[str]]]
    hedges: dict[str, list[str]]
    gate: dict[str, list[str]]
    org_parents: dict[str, str] = field(default_factory=dict)
    """Unit -> parent organization (`_part_of` in organizations.json), canonical names."""

    def canonical_org(self, name: str) -> str | None:
        return _org_index(self).get(fold_name(name))

    def canonical_person(self, name: str) -> str | None:
        return _person_index(self).get(fold_name(name))

    def person_by_surname(self, surname: str) -> str | None:
        """The one gazetteer person with this surname, if exactly one has it."""
        return _surname_index(self).get(fold_name(surname))


@lru_cache(maxsize=None)
def _org_index(lex: Lexicon) -> dict[str, str]:
    return {fold_name(alias): canon for canon, aliases in lex.organizations.items()
            for alias in [canon, *aliases]}


@lru_cache(maxsize=None)
def _person_index(lex: Lexicon) -> dict[str, str]:
    return {fold_name(alias): canon for canon, aliases in lex.people.items() for alias in [canon, *aliases]}


@lru_cache(maxsize=None)
def _surname_index(lex: Lexicon) -> dict[str, str]:
    counts: dict[str, set[str]] = {}
    for canon in lex.people:
        words = fold_name(canon).split()
        if len(words) >= 2:
            counts.setdefault(words[-1], set()).add(canon)
    return {s: next(iter(c)) for s, c in counts.items() if len(c) == 1}


@lru_cache(maxsize=1)
def load_lexicon() -> Lexicon:
    triggers = _load_json("triggers.json")
    reasons = {reason: [re.compile(p, re.I) for p in patterns]
               for reason, patterns in _load_json("reasons.json").items()}
    titles = sorted(set(_load_lines("titles.txt")), key=lambda t: (-len(t.split()), t))
    organizations = _load_json("organizations.json")
    org_parents = organizations.pop("_part_of", {})
    return Lexicon(
        organizations=organizations,
        people=_load_json("people.json"),
        verb_frames=triggers["verbs"],
        noun_frames=triggers["nouns"],
        titles=tuple(titles),
        nouns=_load_json("nouns.json"),
        reasons=reasons,
        hedges=_load_json("hedges.json"),
        gate=_load_json("gate.json"),
        org_parents=org_parents,
    )

# Lexicon holds dicts, so hash it by identity for the caches above.
Lexicon.__hash__ = object.__hash__  # type: ignore[method-assign]
