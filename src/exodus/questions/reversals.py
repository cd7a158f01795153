"""Announced moves undone before they took effect.

Microsoft said on 20 November 2023 that Sam Altman and Greg Brockman would join it;
two days later both were back at OpenAI. Nothing says they left Microsoft, because
they never arrived: a stint that opens with an announced arrival, while the person is
between two stints at another organization, and is followed within days by the
return there (with nothing placing them at the new organization after it), never
took effect. It is kept, ended at the return and marked, so the timeline shows what
was announced and what happened.
"""
from __future__ import annotations

from datetime import date, timedelta
from typing import TYPE_CHECKING

from exodus.resolution.dates import start_of
from exodus.settings import get_settings

if TYPE_CHECKING:
    from exodus.questions.timeline import Stint


def _plus(day: str, days: int) -> str:
    try:
        return (date.fromisoformat(day) + timedelta(days=days)).isoformat()
    except OverflowError:
        return date.max.isoformat()


def mark_reversed(stints: list[Stint], days: int | None = None) -> None:
    """Mark (in place) each open stint that a return elsewhere within `days` (the `reversal_window_days`
    setting) undid: `reversed_by` names the organization returned to, `end` / `end_by` the return."""
    days = get_settings().reversal_window_days if days is None else days
    for moved in stints:
        arrival = moved.start or moved.start_by
        if moved.ended or moved.reversed_by or not arrival:
            continue
        announced = start_of(moved.began or arrival)
        for back in stints:
            if back is moved or back.org == moved.org or not back.start_after:
                continue  # not a return to an organization left before
            window = back.start_window()
            left_just_before = _plus(start_of(back.start_after), days) >= announced >= start_of(back.start_after)
            if window is None or not left_just_before:
                continue  # the move was not from the organization the person had just left
            first_day, last_day = window
            after_move = last_day >= announced and first_day <= _plus(announced, days)
            nothing_later = moved.last_seen is None or start_of(moved.last_seen) <= last_day
            if after_move and nothing_later:
                moved.reversed_by = back.org
                moved.ended = True
                moved.end = back.start
                moved.end_by = None if back.start else (back.start_by or back.first_seen)
                break
