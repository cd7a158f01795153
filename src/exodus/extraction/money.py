"""Money amounts in news text: "$4 billion", "£600m", "4bn", "$1.13bn", "1.5 billion dollars"."""
from __future__ import annotations

import re

from exodus.schema import Amount

_SYMBOLS = {"$": "USD", "us$": "USD", "usd": "USD", "£": "GBP", "gbp": "GBP", "€": "EUR", "eur": "EUR",
            "¥": "JPY", "c$": "CAD", "a$": "AUD"}
_WORDS = {"dollar": "USD", "dollars": "USD", "pounds": "GBP", "pound": "GBP", "sterling": "GBP",
          "euros": "EUR", "euro": "EUR", "yen": "JPY"}
_SCALES = {"trillion": 1e12, "tn": 1e12, "t": 1e12, "billion": 1e9, "bn": 1e9, "b": 1e9, "bln": 1e9,
           "million": 1e6, "mn": 1e6, "m": 1e6, "mln": 1e6, "thousand": 1e3, "k": 1e3}

AMOUNT = re.compile(
    r"(?P<sym>US\$|C\$|A\$|\$|£|€|¥|\b(?:USD|GBP|EUR)\b)?\s?"
    r"(?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)\s?"
    r"(?P<scale>trillion|billion|million|thousand|bn|bln|mn|mln|tn|[bmkt]\b)?"
    r"(?:\s(?P<word>dollars?|pounds?|sterling|euros?|yen)\b)?",
    re.I,
)


def find_amounts(text: str) -> list[tuple[int, int, Amount]]:
    """Every money amount in `text` as (start, end, Amount); bare numbers are not money."""
    found = []
    for m in AMOUNT.finditer(text):
        sym, num, scale, word = m.group("sym"), m.group("num"), m.group("scale"), m.group("word")
        if not sym and not word and not (scale and scale.lower() in ("bn", "bln", "mn", "mln", "tn")):
            continue
        if not sym and not word and not scale:
            continue
        value = float(num.replace(",", ""))
        if scale:
            value *= _SCALES[scale.lower()]
        currency = _SYMBOLS.get((sym or "").lower()) or _WORDS.get((word or "").lower()) or "USD"
        found.append((m.start(), m.end(), Amount(value, currency)))
    return found


def parse_amount(text: str) -> Amount | None:
    """The first money amount in `text`, or None."""
    amounts = find_amounts(text)
    return amounts[0][2] if amounts else None
