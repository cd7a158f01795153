"""Cheap sentence splitting and trigger gating, before any parsing.

Parsing is the expensive step, so only sentences that contain a trigger word (and
the sentence before each, where pronouns find their antecedents) are parsed.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from exodus.extraction.lexicon import Lexicon

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


@dataclass(frozen=True)
class Gate:
    """Cheap tests on raw sentence text, before any parsing (see data/gate.json)."""

    strong: re.Pattern[str]
    trigger: re.Pattern[str]
    context: re.Pattern[str]
    names: re.Pattern[str]
    titles: re.Pattern[str] | None = None

    def search(self, text: str, start: int = 0, end: int | None = None) -> bool:
        end = len(text) if end is None else end
        if self.strong.search(text, start, end):
            return True
        if self.titles is not None and self.titles.search(text, start, end) and \
                _INNER_NAME.search(text, start, end):
            return True  # "said Dan Ives, an analyst at Wedbush": a title beside a name
        if _MOVE_WORDS.search(text, start, end) and _TWO_NAME_WORDS.search(text, start, end):
            return True  # "Niki Kowalczyk left Quorvel": a move between names no list knows
        return bool(self.trigger.search(text, start, end)) and bool(
            self.context.search(text, start, end) or self.names.search(text, start, end))


_MOVE_WORDS = re.compile(r"\b(?:left|leaves|leaving|quit|quits|named|founded|co-founded|cofounded|started|"
                         r"launched|appointed|hired|hires|joined|joins|rejoined|poached|tapped|ousted|fired|"
                         r"backed|invested|raised)\b", re.I)
# two capitalized words in a row: a name, most of the time
_TWO_NAME_WORDS = re.compile(r"\b[A-Z][\w'’.-]*[a-z][\w'’.-]*\s+(?:(?:van|de|der|la|dos|da|del|von|bin|al|el)\s+)*[A-Z]")
# a capitalized word after the first of a sentence: a name, most of the time
_INNER_NAME = re.compile(r"(?<=[\s,;(“\"'])[A-Z][\w'’.-]*[a-z]")


def _alternation(words: list[str]) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


# trigger words whose bare stem is too common in business news to open the gate on its own
_PHRASE_ONLY = {"chip", "lay", "close", "stand", "spin", "add", "count"}


@lru_cache(maxsize=4)
def trigger_pattern(lexicon: Lexicon) -> Gate:
    """The gate: strong move words alone, other trigger words only next to context or a known name."""
    gate = lexicon.gate
    stems = set()
    for lemma in [*lexicon.verb_frames, *lexicon.noun_frames]:
        word = lemma.split()[0]
        if word in _PHRASE_ONLY:
            continue  # too common alone ("made", "added", "came"): only the phrases below open the gate
        stems.add(word[:-1] if word.endswith("e") and len(word) > 3 else word)
    stems.update(["left", "led", "ran", "sat", "took", "became", "brought", "went", "gone", "chose", "founder",
                  "founding", "leads", "poured", "named", "now at", "stood up", "spun up", "broke up", "broken up",
                  "made up of", "laid off", "came in", "chipped in", "make up", "makes up", "lay off", "lays off",
                  "come in", "comes in", "chip in", "chips in", "close down", "closed down", "closes down",
                  "stand up", "stands up", "spin up", "spins up", "serves as", "serve as", "serving as",
                  "among its", "to its board", "to the board", "to their board"])
    names = [alias for table in (lexicon.organizations, lexicon.people)
             for canonical, aliases in table.items() for alias in [canonical, *aliases] if len(alias) > 2]
    return Gate(
        strong=re.compile(r"\b(?:" + _alternation(gate["strong"]) + r")", re.I),
        trigger=re.compile(r"\b(?:" + _alternation(list(stems)) + r")", re.I),
        context=re.compile(r"(?:\b|(?<=\W))(?:" + _alternation(gate["context"]) + r")", re.I),
        names=re.compile(r"\b(?:" + _alternation(names) + r")\b"),
        titles=re.compile(r"\b(?:" + _alternation([t for t in lexicon.titles if len(t) > 3]) + r")s?\b", re.I),
    )


def _shouting(text: str, sent: Sentence) -> bool:
    """An all-capitals wire headline: its words are no names, and the story repeats its facts."""
    letters = [c for c in text[sent.start:sent.end] if c.isalpha()]
    return len(letters) > 12 and sum(c.isupper() for c in letters) / len(letters) > 0.7


def gated_chunks(text: str, sentences: list[Sentence], pattern: Gate,
                 max_chars: int) -> list[tuple[int, int]]:
    """Spans to parse: each sentence with a trigger, with the sentence before it, merged."""
    keep = [False] * len(sentences)
    for i, sent in enumerate(sentences):
        if sent.end - sent.start > max_chars or _shouting(text, sent):
            continue
        if pattern.search(text, sent.start, sent.end):
            keep[i] = True
            if i > 0 and sentences[i - 1].end - sentences[i - 1].start <= max_chars:
                keep[i - 1] = True
    chunks: list[tuple[int, int]] = []
    for i, sent in enumerate(sentences):
        if not keep[i]:
            continue
        if chunks and i > 0 and keep[i - 1]:
            chunks[-1] = (chunks[-1][0], sent.end)
        else:
            chunks.append((sent.start, sent.end))
    return chunks
