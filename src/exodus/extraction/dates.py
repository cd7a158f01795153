"""Resolve date expressions against a document's publication date.

`resolve_date("last month", "2024-06-03") == "2024-05"`. The result is ISO 8601 at the
precision the text supports ("2021", "2024-05", "2024-05-28"), or None when the
expression names no date or needs an anchor that is missing.
"""
from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

MONTHS = {name.lower(): i for i, name in enumerate(calendar.month_name) if name}
MONTHS.update({name.lower(): i for i, name in enumerate(calendar.month_abbr) if name})
MONTHS["sept"] = 9
_FULL_MONTHS = {name.lower() for name in calendar.month_name if name}
WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}
_MONTH = r"(jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
_YEAR = r"((?:19|20)\d{2})"
_DAY = r"(\d{1,2})(?:st|nd|rd|th)?"

_PATTERNS: list[tuple[str, re.Pattern[str]]] = [
    ("iso", re.compile(rf"\b{_YEAR}-(\d{{2}})-(\d{{2}})\b")),
    ("mdy", re.compile(rf"\b{_MONTH}\s+{_DAY},?\s+{_YEAR}\b", re.I)),
    ("dmy", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH},?\s+{_YEAR}\b", re.I)),
    ("my", re.compile(rf"\b{_MONTH},?\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("md", re.compile(rf"\b{_MONTH}\s+{_DAY}\b(?!,?\s*(?:19|20)\d\d)", re.I)),
    ("dm", re.compile(rf"\b{_DAY}\s+(?:of\s+)?{_MONTH}\b(?!,?\s*(?:19|20)\d\d)", re.I)),
    ("season", re.compile(rf"\b(?:(early|late|mid)[- ])?(spring|summer|autumn|fall|winter)\s+(?:of\s+)?{_YEAR}\b", re.I)),
    ("year_part", re.compile(rf"\b(?:(?:early|late|mid|the end of|the start of|the beginning of|the middle of)[- ])\s*{_YEAR}\b", re.I)),
    ("year", re.compile(rf"(?<![\d$£€.,])\b{_YEAR}\b(?![\d%]|\s*(?:percent|billion|million))", re.I)),
    ("month", re.compile(r"\b(?:((?i:last|this|next|earlier this|late last|early last|in|since|by|until|from|on|during|of|"
                         r"(?:in |since |by |until )?(?:early|mid|late)))[\s-]+)?([A-Z][a-z]+)\b")),
    ("weekday", re.compile(r"\b(?:(last|this|next|on|late|early)\s+)?(monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b", re.I)),
    ("relative", re.compile(r"\b(yesterday|today|tonight|this morning|this afternoon|this week|last week|this month|last month|"
                            r"earlier this month|earlier this year|this year|last year|earlier this week|"
                            r"late last year|early last year|late last month|"
                            r"(\d+|a|an|one|two|three|four|five|six|seven|eight|nine|ten|several) (days?|weeks?|months?|years?) ago|"
                            r"a year earlier|the previous year|the prior year|the year before)\b", re.I)),
]
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7,
            "eight": 8, "nine": 9, "ten": 10, "several": None}


def parse_iso(value: str | None) -> tuple[date, int] | None:
    """(date, precision) of an ISO date of any precision: precision 1 = year, 2 = month, 3 = day."""
    if not value:
        return None
    match = re.match(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?", str(value))
    if not match:
        return None
    y, m, d = match.groups()
    try:
        return date(int(y), int(m or 1), int(d or 1)), 1 + bool(m) + bool(d)
    except ValueError:
        return None


def _fmt(y: int, m: int | None = None, d: int | None = None) -> str:
    if m is None:
        return f"{y:04d}"
    if d is None:
        return f"{y:04d}-{m:02d}"
    return f"{y:04d}-{m:02d}-{d:02d}"


def _valid(y: int, m: int, d: int) -> bool:
    try:
        date(y, m, d)
        return True
    except ValueError:
        return False


def _month_before(anchor: date, month: int, allow_same: bool = True) -> int:
    """The year of the most recent `month` not after the anchor's month."""
    if month < anchor.month or (allow_same and month == anchor.month):
        return anchor.year
    return anchor.year - 1


def _shift_months(d: date, months: int) -> tuple[int, int]:
    total = d.year * 12 + (d.month - 1) + months
    return total // 12, total % 12 + 1


def resolve_date(expression: str, published: str | None = None, future: bool = False) -> str | None:
    """The ISO date an expression names, anchored on `published` for relative ones; `future` for an
    event still to come ("will retire in June": the next June, not the last)."""
    text = " ".join(expression.split())
    anchor_info = parse_iso(published)
    anchor = anchor_info[0] if anchor_info else None
    anchor_precision = anchor_info[1] if anchor_info else 0
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            result = _resolve_match(kind, match, anchor, anchor_precision, future)
            if result:
                return result
    return None


def find_dates(text: str, published: str | None = None) -> list[tuple[int, int, str]]:
    """Every date expression in `text` that resolves, as (start, end, ISO date), in text order.
    Where two patterns overlap, the more specific one (earlier in the list) wins."""
    anchor_info = parse_iso(published)
    anchor = anchor_info[0] if anchor_info else None
    anchor_precision = anchor_info[1] if anchor_info else 0
    found: list[tuple[int, int, str]] = []
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            if any(match.start() < end and start < match.end() for start, end, _ in found):
                continue
            result = _resolve_match(kind, match, anchor, anchor_precision)
            if result:
                found.append((match.start(), match.end(), result))
    return sorted(found)


def _resolve_match(kind: str, m: re.Match[str], anchor: date | None, precision: int,
                   future: bool = False) -> str | None:
    g = m.groups()
    if kind == "iso":
        y, mo, d = int(g[0]), int(g[1]), int(g[2])
        return _fmt(y, mo, d) if _valid(y, mo, d) else None
    if kind == "mdy":
        mo, d, y = MONTHS[g[0].lower().rstrip(".")], int(g[1]), int(g[2])
        return _fmt(y, mo, d) if _valid(y, mo, d) else None
    if kind == "dmy":
        d, mo, y = int(g[0]), MONTHS[g[1].lower().rstrip(".")], int(g[2])
        return _fmt(y, mo, d) if _valid(y, mo, d) else None
    if kind == "my":
        return _fmt(int(g[1]), MONTHS[g[0].lower().rstrip(".")])
    if kind in ("md", "dm"):
        mo_txt, d = (g[0], g[1]) if kind == "md" else (g[1], g[0])
        mo = MONTHS[mo_txt.lower().rstrip(".")]
        if mo_txt.lower().startswith("may") and mo_txt == "may":
            return None  # the verb "may"
        if anchor is None or precision < 2:
            return None
        y = _month_before(anchor, mo)
        if mo == anchor.month and int(d) > anchor.day and precision == 3:
            y -= 1
        if future and (y, mo, int(d)) < (anchor.year, anchor.month, anchor.day):
            y += 1
        return _fmt(y, mo, int(d)) if _valid(y, mo, int(d)) else None
    if kind in ("season", "year_part"):
        return _fmt(int(g[-1]))
    if kind == "year":
        return _fmt(int(g[0]))
    if kind == "month":
        word = g[1]
        mo = MONTHS.get(word.lower())
        if mo is None or len(word) < 3 or word == "May" and not g[0] or word in ("Mar", "Jan") and not g[0]:
            return None
        if word.lower() not in _FULL_MONTHS and re.match(r"\s+[A-Z][a-z]", m.string[m.end():]):
            return None  # "by Jan Leike": an abbreviation before a capitalized word is a first name
        if anchor is None or precision < 2:
            return None
        qualifier = (g[0] or "").lower()
        if qualifier == "next" or (future and qualifier not in ("last", "late last", "early last", "since",
                                                                 "earlier this")):
            y = anchor.year if mo > anchor.month or (future and mo == anchor.month) else anchor.year + 1
        elif qualifier in ("last", "late last", "early last"):
            y = _month_before(anchor, mo, allow_same=False)
        else:
            y = _month_before(anchor, mo)
        return _fmt(y, mo)
    if kind == "weekday":
        if anchor is None or precision < 3:
            return None
        qualifier = (g[0] or "").lower()
        target = WEEKDAYS[g[1].lower()]
        back = (anchor.weekday() - target) % 7
        if qualifier == "next" or (future and qualifier in ("", "on", "this")):
            forward = (target - anchor.weekday()) % 7 or 7
            day = anchor + timedelta(days=forward)
        else:
            if qualifier == "last" and back == 0:
                back = 7
            day = anchor - timedelta(days=back)
        return day.isoformat()
    if kind == "relative":
        if anchor is None:
            return None
        phrase = g[0].lower()
        if phrase in ("today", "tonight", "this morning", "this afternoon"):
            return anchor.isoformat() if precision == 3 else None
        if phrase == "yesterday":
            return (anchor - timedelta(days=1)).isoformat() if precision == 3 else None
        if phrase in ("this week", "earlier this week"):
            return _fmt(anchor.year, anchor.month) if precision >= 2 else None
        if phrase == "last week":
            if precision < 3:
                return None
            d = anchor - timedelta(days=7)
            return _fmt(d.year, d.month)
        if phrase in ("this month", "earlier this month"):
            return _fmt(anchor.year, anchor.month) if precision >= 2 else None
        if phrase in ("last month", "late last month"):
            if precision < 2:
                return None
            return _fmt(*_shift_months(anchor, -1))
        if phrase in ("this year", "earlier this year"):
            return _fmt(anchor.year)
        if phrase in ("last year", "late last year", "early last year", "a year earlier", "the previous year",
                      "the prior year", "the year before"):
            return _fmt(anchor.year - 1)
        count_word, unit = g[1], g[2]
        if count_word:
            n = int(count_word) if count_word.isdigit() else _NUMBERS.get(count_word.lower())
            if n is None:
                return None
            unit = unit.rstrip("s")
            if unit == "day" and precision == 3:
                return (anchor - timedelta(days=n)).isoformat()
            if unit == "week" and precision == 3:
                d = anchor - timedelta(days=7 * n)
                return _fmt(d.year, d.month)
            if unit == "month" and precision >= 2:
                return _fmt(*_shift_months(anchor, -n))
            if unit == "year":
                return _fmt(anchor.year - n)
        return None
    return None
