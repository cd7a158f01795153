"""Fields of the dashboard's forms. A form sends every field, filled or not: an empty field means "no filter",
and a wrong value is answered in words naming the field's value (never with a pattern or a pydantic type).

Dates are `exodus.web.api.FormDate`; these are the other kinds of field.
"""
from __future__ import annotations

from typing import Annotated

from fastapi import Query
from pydantic import AfterValidator

from exodus.schema import KINDS
from exodus.web.queries import MAX_QUERY_CHARS


def optional_text(value: str | None) -> str | None:
    """`value` without surrounding spaces, or None when nothing is left."""
    return (value or "").strip() or None


def optional_kind(value: str | None) -> str | None:
    value = optional_text(value)
    if value is not None and value not in KINDS:
        raise ValueError(f"{value!r} is not a kind of fact; use one of {', '.join(KINDS)}")
    return value


def optional_confidence(value: str | None) -> float | None:
    value = optional_text(value)
    if value is None:
        return None
    try:
        number = float(value)
    except ValueError:
        number = -1.0
    if not 0 <= number <= 1:
        raise ValueError(f"{value!r} is not a confidence; use a number from 0 to 1, such as 0.8")
    return number


def optional_count(most: int):
    """A validator of a whole number from 1 to `most`, or None for an empty field."""

    def check(value: str | None) -> int | None:
        value = optional_text(value)
        if value is None:
            return None
        if not value.isdigit() or not 1 <= int(value) <= most:
            raise ValueError(f"{value!r} is not a number from 1 to {most}")
        return int(value)

    return check


def optional_flag(value: str | None) -> bool:
    """A checkbox: ticked (`true`, as the form sends it, or on, yes, 1) or not (empty, false, off, no, 0)."""
    value = (optional_text(value) or "false").lower()
    if value not in ("true", "on", "yes", "1", "false", "off", "no", "0"):
        raise ValueError(f"{value!r} is not yes or no; use true or false")
    return value in ("true", "on", "yes", "1")


FormText = Annotated[str | None, Query(max_length=MAX_QUERY_CHARS), AfterValidator(optional_text)]
FormFlag = Annotated[str | None, Query(max_length=10), AfterValidator(optional_flag)]
FormKind = Annotated[str | None, Query(), AfterValidator(optional_kind)]
FormConfidence = Annotated[str | None, Query(max_length=20), AfterValidator(optional_confidence)]
