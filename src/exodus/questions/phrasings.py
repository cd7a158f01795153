"""Phrasings the questions read in evidence, as data: named lists of regular expressions in a JSON file of
`exodus/data/` (`departures.json`, `memberships.json`), each list extended by a file of the same name in
`EXODUS_LEXICON_DIR`."""
from __future__ import annotations

import json
import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from exodus.settings import get_settings


@lru_cache(maxsize=8)
def phrase_patterns(filename: str) -> dict[str, re.Pattern[str]]:
    """Each list of `filename` as one case-insensitive pattern matching any of its expressions."""
    data = json.loads(resources.files("exodus.data").joinpath(filename).read_text(encoding="utf-8"))
    lexicon_dir = get_settings().lexicon_dir
    extra = Path(lexicon_dir or ".") / filename
    if lexicon_dir and extra.is_file():
        for name, more in json.loads(extra.read_text(encoding="utf-8")).items():
            if isinstance(more, list):
                data.setdefault(name, []).extend(more)
    return {name: re.compile("|".join(f"(?:{p})" for p in items), re.I)
            for name, items in data.items() if isinstance(items, list)}
