"""Triage before parsing: which documents and sentences can hold a fact, decided on raw text.

Parsing is the expensive step. One Aho-Corasick automaton (pyahocorasick), built once per
process from the lexicons (data/gate.json's strong and context words, the trigger stems of
data/triggers.json, role titles, the gazetteer's names), finds every lexicon word of a
document in one pass over its text. Then:

- a document with no strong word, trigger, title or move word at all is done: it is neither
  split into sentences nor parsed;
- a sentence passes when it has a strong word, or a title beside an inner name, or a move
  word beside two name words, or a trigger with a context word or a known name; the sentence
  before each passing one is parsed too, for pronouns (`gated_chunks`).

The matching rules are those of the regular expressions this replaced: every word is
matched at a word start, case-insensitively; names are case-sensitive and whole words;
titles and move words end at a word end (a title may take a plural "s").
"""
from __future__ import annotations

import re
from bisect import bisect_left
from dataclasses import dataclass
from functools import lru_cache

import ahocorasick

from exodus.extraction.lexicon import Lexicon
from exodus.extraction.round_owners import dateline_end
from exodus.extraction.sentences import Sentence, split_sentences

# what a lexicon word is, as bits of a hit's `kinds`
STRONG, TRIGGER, CONTEXT, TITLE, MOVE, NAME = 1, 2, 4, 8, 16, 32
# a document without any of these has no sentence that can pass
_OPENING = STRONG | TRIGGER | TITLE | MOVE

_MOVE_WORDS = ("left", "leaves", "leaving", "quit", "quits", "named", "founded", "co-founded", "cofounded",
               "started", "launched", "appointed", "hired", "hires", "joined", "joins", "rejoined", "poached",
               "tapped", "ousted", "fired", "backed", "invested", "raised")
# two capitalized words in a row: a name, most of the time
_TWO_NAME_WORDS = re.compile(r"\b[A-Z][\w'’.-]*[a-z][\w'’.-]*\s+(?:(?:van|de|der|la|dos|da|del|von|bin|al|el)\s+)*[A-Z]")
# a capitalized word after the first of a sentence: a name, most of the time
_INNER_NAME = re.compile(r"(?<=[\s,;(“\"'])[A-Z][\w'’.-]*[a-z]")

# trigger words whose bare stem is too common in business news to open the gate on its own
_PHRASE_ONLY = {"chip", "lay", "close", "stand", "spin", "add", "count"}
_EXTRA_STEMS = ("left", "led", "ran", "sat", "took", "became", "brought", "went", "gone", "chose", "founder",
                "founding", "leads", "poured", "named", "now at", "stood up", "spun up", "broke up", "broken up",
                "made up of", "laid off", "came in", "chipped in", "make up", "makes up", "lay off", "lays off",
                "come in", "comes in", "chip in", "chips in", "close down", "closed down", "closes down",
                "stand up", "stands up", "spin up", "spins up", "serves as", "serve as", "serving as",
                "among its", "to its board", "to the board", "to their board")
# characters Python's case-insensitive matching takes for a lower-case letter their lower() keeps apart
_FOLD_EXTRA = str.maketrans({"ı": "i", "ſ": "s"})


def fold_case(text: str) -> str:
    """`text` in lower case, character for character (same length, same offsets), as a
    case-insensitive regular expression compares characters."""
    lowered = text.lower()
    if len(lowered) != len(text):  # "İ" lowers to two characters; one character compares as "i"
        lowered = "".join(c.lower()[0] for c in text)
    return lowered.translate(_FOLD_EXTRA) if "ı" in lowered or "ſ" in lowered else lowered


def _is_word(c: str) -> bool:
    return c.isalnum() or c == "_"


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    kinds: int  # the bits of the lexicon words found here that are valid at this start


@dataclass(frozen=True)
class DocumentHits:
    """Every lexicon word found in one document's text, in order of where it starts."""

    text: str
    hits: list[Hit]
    starts: list[int]

    @property
    def opens(self) -> bool:
        """Can any sentence of this document pass the gate?"""
        return any(h.kinds & _OPENING for h in self.hits)

    def within(self, start: int, end: int) -> list[Hit]:
        i = bisect_left(self.starts, start)
        out = []
        while i < len(self.hits) and self.hits[i].start < end:
            if self.hits[i].end <= end:
                out.append(self.hits[i])
            i += 1
        return out


@dataclass(frozen=True)
class Gate:
    """The lexicon's words in one automaton, with the rules that make a sentence worth parsing."""

    # each folded lexicon word maps to (its length, its kind bits, the spellings of the names it folds)
    automaton: ahocorasick.Automaton

    def scan(self, text: str) -> DocumentHits:
        """Every lexicon word of `text` that starts where its kind requires."""
        folded = fold_case(text)
        found: dict[tuple[int, int], int] = {}
        for last, (length, kinds, names) in self.automaton.iter(folded):
            start, end = last - length + 1, last + 1
            before = start > 0 and _is_word(text[start - 1])
            word_start = before != _is_word(text[start])
            valid = 0
            if word_start:
                valid |= kinds & (STRONG | TRIGGER | TITLE | MOVE)
                if names and text[start:end] in names:
                    valid |= NAME
            if kinds & CONTEXT and (word_start or (start > 0 and not before)):
                valid |= CONTEXT  # "$", "€": after any non-word character
            if valid:
                found[(start, end)] = found.get((start, end), 0) | valid
        hits = sorted((Hit(s, e, k) for (s, e), k in found.items()), key=lambda h: (h.start, h.end))
        return DocumentHits(text, hits, [h.start for h in hits])

    def passes(self, hits: DocumentHits, start: int, end: int) -> bool:
        """Is the sentence text[start:end] worth parsing?"""
        text = hits.text
        inside = hits.within(start, end)
        kinds = 0
        for hit in inside:
            if hit.kinds & STRONG:
                return True
            kinds |= hit.kinds & (TRIGGER | CONTEXT)
            if hit.kinds & (TITLE | MOVE | NAME):
                kinds |= _ended(text, hit, end)
        if kinds & TITLE and _INNER_NAME.search(text, start, end):
            return True  # "said Dan Ives, an analyst at Wedbush": a title beside a name
        if kinds & MOVE and _TWO_NAME_WORDS.search(text, start, end):
            return True  # "Niki Kowalczyk left Quorvel": a move between names no list knows
        return bool(kinds & TRIGGER) and bool(kinds & (CONTEXT | NAME))

    def search(self, text: str, start: int = 0, end: int | None = None) -> bool:
        """Does text[start:end] pass the gate (one sentence, scanned on its own)?"""
        return self.passes(self.scan(text), start, len(text) if end is None else end)


def _word_end(text: str, at: int, end: int) -> bool:
    """A word boundary at `at`, with the text taken to stop at `end`."""
    return _is_word(text[at - 1]) != (at < end and _is_word(text[at]))


def _ended(text: str, hit: Hit, end: int) -> int:
    """Of a hit's title, move-word and name kinds, those that end at a word end (before `end`)."""
    if _word_end(text, hit.end, end):
        return hit.kinds & (TITLE | MOVE | NAME)
    if hit.kinds & TITLE and hit.end < end and text[hit.end] in "sSſ" and _word_end(text, hit.end + 1, end):
        return TITLE  # "analysts"
    return 0


def _add(words: dict[str, list], word: str, kinds: int, name: str | None = None) -> None:
    folded = fold_case(word)
    if not folded:
        return
    entry = words.setdefault(folded, [0, set()])
    entry[0] |= kinds
    if name is not None:
        entry[1].add(name)


@lru_cache(maxsize=4)
def trigger_pattern(lexicon: Lexicon) -> Gate:
    """The gate: strong move words alone, other trigger words only next to context or a known name."""
    words: dict[str, list] = {}
    for word in lexicon.gate["strong"]:
        _add(words, word, STRONG)
    for word in lexicon.gate["context"]:
        _add(words, word, CONTEXT)
    for lemma in [*lexicon.verb_frames, *lexicon.noun_frames]:
        word = lemma.split()[0]
        if word in _PHRASE_ONLY:
            continue  # too common alone ("made", "added", "came"): only the phrases below open the gate
        _add(words, word[:-1] if word.endswith("e") and len(word) > 3 else word, TRIGGER)
    for word in _EXTRA_STEMS:
        _add(words, word, TRIGGER)
    for word in _MOVE_WORDS:
        _add(words, word, MOVE)
    for title in lexicon.titles:
        if len(title) > 3:
            _add(words, title, TITLE)
    for table in (lexicon.organizations, lexicon.people):
        for canonical, aliases in table.items():
            for alias in [canonical, *aliases]:
                if len(alias) > 2:
                    _add(words, alias, NAME, alias)
    automaton = ahocorasick.Automaton()
    for folded, (kinds, names) in words.items():
        automaton.add_word(folded, (len(folded), kinds, frozenset(names)))
    automaton.make_automaton()
    return Gate(automaton)


def _shouting(text: str, sent: Sentence) -> bool:
    """An all-capitals wire headline: its words are no names, and the story repeats its facts."""
    letters = list(filter(str.isalpha, text[sent.start:sent.end]))
    return len(letters) > 12 and sum(map(str.isupper, letters)) / len(letters) > 0.7


def gated_chunks(text: str, sentences: list[Sentence], pattern: Gate, max_chars: int,
                 hits: DocumentHits | None = None) -> list[tuple[int, int]]:
    """Spans to parse: each sentence with a trigger, with the sentence before it, merged."""
    hits = hits if hits is not None else pattern.scan(text)
    keep = [False] * len(sentences)
    for i, sent in enumerate(sentences):
        if sent.end - sent.start > max_chars:
            continue
        if pattern.passes(hits, sent.start, sent.end) and not _shouting(text, sent):
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


def parse_spans(text: str, gate: Gate | None, max_chars: int) -> list[tuple[int, int]]:
    """What of `text` the parser sees: the gated chunks (none when the document has no lexicon
    word that can open the gate; everything without a gate), each starting after a wire
    dateline ("MOUNTAIN VIEW, Calif., Aug 6 — Groq has raised ..."), which the parser would
    otherwise take for the first sentence's subject."""
    if gate is None:
        chunks = [(0, len(text))]
    else:
        hits = gate.scan(text)
        if not hits.opens:
            return []
        chunks = gated_chunks(text, split_sentences(text), gate, max_chars, hits)
    skip = dateline_end(text)
    return [(max(start, skip), end) if start < skip < end else (start, end) for start, end in chunks]
