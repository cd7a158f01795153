"""Named gold sets, listed in a manifest (the repository's is `benchmarks/sets.json`).

A manifest is `{"sets": {NAME: {"docs": PATH, "gold": PATH, "use": USE, "kinds": [...]}}}`
with paths relative to the manifest's folder. `use` says what a set is for: `train`
(exodus train learns from it), `holdout` (never read to tune anything) or `evaluate`
(an outside set, never trained on).
"""
from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from exodus.evaluation.scoring import GoldError

USES = ("train", "holdout", "evaluate")


@dataclass(frozen=True)
class GoldSet:
    name: str
    docs: Path           # documents JSONL, or a folder of articles
    gold: Path
    use: str
    kinds: tuple[str, ...] | None = None
    shared: bool = False  # lives outside the repository (../shared), not always present

    @property
    def present(self) -> bool:
        return self.docs.exists() and self.gold.exists()


def load_sets(manifest: Path, use: str | None = None) -> list[GoldSet]:
    """The sets of `manifest`, in its order; only those for `use` when given."""
    try:
        data = json.loads(manifest.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as err:
        raise GoldError(f"{manifest}: cannot read the list of gold sets: {err}") from None
    sets = []
    for name, entry in (data.get("sets") or {}).items():
        if entry.get("use") not in USES or not entry.get("docs") or not entry.get("gold"):
            raise GoldError(f"{manifest}: set {name!r} needs docs, gold and a use ({', '.join(USES)})")
        kinds = tuple(entry["kinds"]) if entry.get("kinds") else None
        sets.append(GoldSet(name, (manifest.parent / entry["docs"]).resolve(), (manifest.parent / entry["gold"]).resolve(),
                            entry["use"], kinds, bool(entry.get("shared"))))
    return [s for s in sets if use is None or s.use == use]
