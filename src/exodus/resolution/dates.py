"""ISO dates of any precision ("2023", "2023-11", "2023-11-17") as intervals."""
from __future__ import annotations

import calendar
from datetime import date


def date_bounds(value: str) -> tuple[date, date]:
    """First and last day the (partial) ISO date can mean."""
    parts = [int(p) for p in value[:10].split("-")]
    year = parts[0]
    if len(parts) == 1:
        return date(year, 1, 1), date(year, 12, 31)
    month = parts[1]
    if len(parts) == 2:
        return date(year, month, 1), date(year, month, calendar.monthrange(year, month)[1])
    day = date(year, month, parts[2])
    return day, day


def parse_date(value: str | None) -> str | None:
    """A valid partial ISO date (trimmed to the day), or None."""
    if not value:
        return None
    value = str(value)[:10]
    try:
        date_bounds(value)
    except (ValueError, IndexError):
        return None
    return value


def compatible(a: str, b: str) -> bool:
    """True when both can mean the same day ("2023" and "2023-11-17" can; "2023-10" and "2023-11" cannot)."""
    return a.startswith(b) or b.startswith(a)


def precision(value: str) -> int:
    """1 for a year, 2 for a month, 3 for a day."""
    return len(value[:10].split("-"))


def gap_days(a: str, b: str) -> int:
    """Days between the two intervals (0 when they overlap)."""
    a0, a1 = date_bounds(a)
    b0, b1 = date_bounds(b)
    if a1 < b0:
        return (b0 - a1).days
    if b1 < a0:
        return (a0 - b1).days
    return 0


def start_of(value: str) -> str:
    return date_bounds(value)[0].isoformat()


def end_of(value: str) -> str:
    return date_bounds(value)[1].isoformat()


def more_precise(a: str | None, b: str | None) -> str | None:
    """Of two dates that can mean the same day, the more precise ("2024-08" and "2024-08-05" give the
    second); otherwise `a`."""
    if a and b and compatible(a, b) and precision(b) > precision(a):
        return b
    return a or b


def narrowest(first_day: str, last_day: str) -> str | None:
    """The most precise ISO date holding every day from `first_day` to `last_day` (days, inclusive):
    "2023-11" for 2023-11-18 to 2023-11-22, None when they are years apart."""
    if first_day == last_day:
        return first_day
    if first_day[:7] == last_day[:7]:
        return first_day[:7]
    if first_day[:4] == last_day[:4]:
        return first_day[:4]
    return None


def when_text(kind: str, date: str | None, reported: str | None) -> str:
    """How a fact's time reads: its stated date; else its first article's date as a bound ("by 2024-08-09":
    it happened on or before; for a title or a membership, "as of 2024-03-01": it held then); else unknown."""
    if date:
        return date
    if reported:
        return f"as of {reported}" if kind in ("role", "member") else f"by {reported}"
    return "date unknown"
