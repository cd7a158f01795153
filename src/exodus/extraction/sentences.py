"""Cheap sentence splitting on raw text, before any parsing.

Triage (`exodus.extraction.triage`) splits the documents that can hold a fact into these
sentences and parses only those with a trigger word (and the sentence before each, where
pronouns find their antecedents).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

_ABBREVIATIONS = ("mr", "mrs", "ms", "dr", "prof", "inc", "co", "corp", "ltd", "jr", "sr", "st", "vs",
                  "gen", "gov", "sen", "rep", "no", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
                  "sep", "sept", "oct", "nov", "dec", "u.s", "u.k", "e.g", "i.e", "etc", "mt", "ft", "approx")
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’')\]]*\s+(?=[\"“‘'(\[]?[A-Z0-9])|\n+")


@dataclass(frozen=True)
class Sentence:
    start: int
    end: int


def split_sentences(text: str) -> list[Sentence]:
    """Sentence spans (offsets into `text`), trimmed of surrounding white space."""
    spans = []
    start = 0
    for match in _BOUNDARY.finditer(text):
        if match.group(0)[0] != "\n":
            before = text[max(start, match.start() - 12):match.start()]
            word = re.search(r"([\w.]+)\.$", before)
            if word and (word.group(1).lower() in _ABBREVIATIONS or
                         re.fullmatch(r"[A-Z]", word.group(1)) and _initial(text, match.start() - 2, match.end())):
                continue
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text)))
    out = []
    for s, e in spans:
        while s < e and text[s].isspace():
            s += 1
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            out.append(Sentence(s, e))
    return out


def _initial(text: str, letter: int, following: int) -> bool:
    """Is the capital letter at `letter` (before a full stop) a middle initial ("John F. Kennedy")
    rather than a one-letter name ending a sentence ("antisemitic posts on X. Robert Keele ...")?
    An initial follows a capitalized word (or opens the text); a name follows a lower-case one."""
    before = re.search(r"(\S+)\s+$", text[max(0, letter - 40):letter])
    return before is None or not before.group(1)[:1].islower() or \
        bool(re.match(r"[A-Z]\.", text[following:following + 2]))  # "joined J. P. Morgan"
