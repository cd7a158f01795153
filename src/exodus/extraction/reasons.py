"""Why someone left, from cue words near the statement of the departure."""
from __future__ import annotations

from exodus.extraction.lexicon import Lexicon
from exodus.schema import REASONS


def find_reasons(texts: list[str], lexicon: Lexicon) -> list[str]:
    """Reasons (the fact format's list, in its order) whose cues occur in any of `texts`."""
    found = set()
    for text in texts:
        for reason, patterns in lexicon.reasons.items():
            if any(p.search(text) for p in patterns):
                found.add(reason)
    return [r for r in REASONS if r in found]
