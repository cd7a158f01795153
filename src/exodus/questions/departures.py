"""What a departure's articles say about it beyond its date: a pause rather than an end, or news of the day.

The phrasings are data (`exodus/data/departures.json`, extended by a file of the
same name in `EXODUS_LEXICON_DIR`).
"""
from __future__ import annotations

import re

from exodus.questions.phrasings import phrase_patterns
from exodus.questions.records import FactView


def _patterns() -> dict[str, re.Pattern[str]]:
    return phrase_patterns("departures.json")


def tells_leave(evidence: str) -> bool:
    """The sentence tells a sabbatical or a leave, not as what came before ("after a sabbatical")."""
    patterns = _patterns()
    return any(not patterns["leave_background"].search(evidence[:m.start()])
               for m in patterns["leave"].finditer(evidence))


def is_leave(fact: FactView) -> bool:
    """A departure that is a pause: most of its articles tell it as a sabbatical or a leave (one that only
    mentions a leave before the departure, "stepped away after a sabbatical", does not)."""
    if fact.kind != "left" or not fact.sources:
        return False
    telling = sum(1 for s in fact.sources if tells_leave(s.evidence))
    return telling > 0 and 2 * telling >= len(fact.sources)


def told_as_news(fact: FactView) -> bool:
    """Its first article tells the departure as happening now or next ("is leaving", "will hand the job back",
    "has resigned"): without a stated date, the person was there until about that article's day."""
    dated = [s for s in fact.sources if s.published]
    if not dated:
        return False
    first = min(s.published for s in dated)
    return any(_patterns()["news"].search(s.evidence) for s in dated if s.published == first)
