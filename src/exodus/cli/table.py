"""The `table` format: facts for people, one line each, grouped by document.

On a terminal the evidence shows the words that triggered the fact and the names of
the people and organizations in colour; written to a file or a pipe it is plain text.
"""
from __future__ import annotations

import re

from exodus.schema import Amount, Document, Fact

_RESET = "\x1b[0m"
_BOLD = "\x1b[1m"
_DIM = "\x1b[2m"
# What is highlighted, most important first: where spans overlap, the first wins.
STYLES: dict[str, str] = {
    "keyword": "\x1b[1;33m",  # bold yellow: the trigger words ("joined", "co-founded")
    "person": "\x1b[1;36m",   # bold cyan
    "org": "\x1b[32m",        # green
    "group": "\x1b[35m",      # magenta
}
_ORG_FIELDS = ("org", "from_org", "to_org", "investor", "investee")
_CURRENCY_SYMBOLS = {"USD": "$", "GBP": "£", "EUR": "€"}
_FLATTEN = str.maketrans("\n\r\t\f\v", "     ")  # one character for one: offsets stay valid


def format_amount(amount: Amount) -> str:
    """`$4bn`, `£600m`, `$1.13bn`, `2,500 JPY`."""
    value = amount.value
    for size, suffix in ((1e12, "tn"), (1e9, "bn"), (1e6, "m")):
        if abs(value) >= size:
            number = f"{value / size:.2f}".rstrip("0").rstrip(".") + suffix
            break
    else:
        number = f"{value:,.0f}" if float(value).is_integer() else f"{value:,.2f}"
    symbol = _CURRENCY_SYMBOLS.get(amount.currency)
    return f"{symbol}{number}" if symbol else f"{number} {amount.currency}"


def describe(fact: Fact) -> str:
    """The fact as a short English sentence: "Jan Leike joined Anthropic from OpenAI"."""
    role = f" as {fact.role}" if fact.role else ""
    if fact.kind == "joined":
        text = f"{fact.person} joined {fact.org}{role}"
        text += f" from {fact.from_org}" if fact.from_org else ""
    elif fact.kind == "left":
        text = f"{fact.person} left {fact.org}{role}"
        text += f" for {fact.to_org}" if fact.to_org else ""
        text += f" ({', '.join(fact.reasons)})" if fact.reasons else ""
    elif fact.kind == "founded":
        text = f"{fact.person} co-founded {fact.org}" if fact.person else f"{fact.org} was founded"
    elif fact.kind == "role":
        text = f"{fact.person} is {fact.role} of {fact.org}"
        text += f" ({fact.group})" if fact.group else ""
    elif fact.kind == "member":
        text = f"{fact.person} is on {fact.org}'s {fact.group}{role}"
    elif fact.kind == "group_event":
        text = f"{fact.org} {fact.action} {fact.group}"
    elif fact.kind == "invested":
        amount = f" {format_amount(fact.amount)}" if fact.amount else ""
        text = f"{fact.investor} invested{amount} in {fact.investee}"
    else:
        text = ", ".join(f"{k}={v}" for k, v in fact.to_dict().items()
                         if k not in ("kind", "doc", "evidence", "confidence", "extractor"))
    return text


def _name_patterns(fact: Fact) -> list[tuple[str, str]]:
    """(style, name) for every entity of the fact, a person also by surname."""
    names: list[tuple[str, str]] = []
    if fact.person:
        names.append(("person", fact.person))
        parts = fact.person.split()
        if len(parts) > 1 and len(parts[-1]) > 2:
            names.append(("person", parts[-1]))
    for field in _ORG_FIELDS:
        value = getattr(fact, field)
        if value:
            names.append(("org", value))
    if fact.group:
        names.append(("group", fact.group))
    return names


def highlight_spans(fact: Fact) -> list[tuple[int, int, str]]:
    """(start, end, style) spans within the evidence text, keywords first."""
    ev = fact.evidence
    spans: list[tuple[int, int, str]] = []
    for start, end in fact.keywords:
        start, end = max(start - ev.start, 0), min(end - ev.start, len(ev.text))
        if start < end:
            spans.append((start, end, "keyword"))
    for style, name in _name_patterns(fact):
        for match in re.finditer(rf"(?<!\w){re.escape(name)}(?!\w)", ev.text):
            spans.append((match.start(), match.end(), style))
    return spans


def paint(text: str, spans: list[tuple[int, int, str]]) -> str:
    """`text` with ANSI colours on `spans`; earlier spans win where they overlap."""
    styles: list[str | None] = [None] * len(text)
    for start, end, style in spans:
        for i in range(start, end):
            if styles[i] is None:
                styles[i] = style
    out: list[str] = []
    current: str | None = None
    for char, style in zip(text, styles):
        if style != current:
            if current is not None:
                out.append(_RESET)
            if style is not None:
                out.append(STYLES[style])
            current = style
        out.append(char)
    if current is not None:
        out.append(_RESET)
    return "".join(out)


def format_fact(fact: Fact, colour: bool = False) -> str:
    """One line: kind, date, what happened, the evidence in quotes, the confidence."""
    evidence = fact.evidence.text.translate(_FLATTEN)
    if colour:
        evidence = paint(evidence, highlight_spans(fact))
    confidence = f"({fact.confidence:.2f})"
    if colour:
        confidence = f"{_DIM}{confidence}{_RESET}"
    return f"  {fact.kind:<11}  {fact.date or '-':<10}  {describe(fact)}: \"{evidence}\" {confidence}"


def format_header(document: Document, colour: bool = False) -> str:
    parts = [document.id]
    if document.title:
        parts.append(document.title)
    if document.published:
        parts.append(f"published {document.published}")
    header = " | ".join(parts)
    return f"{_BOLD}{header}{_RESET}" if colour else header


def format_document(document: Document, facts: list[Fact], colour: bool = False) -> str:
    """A document's header line and one line per fact (or a note that it has none)."""
    lines = [format_header(document, colour)]
    if facts:
        lines.extend(format_fact(fact, colour) for fact in facts)
    else:
        lines.append(f"{_DIM}  (no facts){_RESET}" if colour else "  (no facts)")
    return "\n".join(lines) + "\n"
