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
            if word and (word.group(1).lower() in _ABBREVIATIONS or re.fullmatch(r"[A-Z]", word.group(1))):
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


@lru_cache(maxsize=4)
def trigger_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """A regex that finds any word that can start a fact: trigger stems, founder words, '-backed'."""
    stems = set()
    for lemma in [*lexicon.verb_frames, *lexicon.noun_frames]:
        word = lemma.split()[0]
        stems.add(re.escape(word[:-1] if word.endswith("e") and len(word) > 3 else word))
    irregular = ["left", "joined", "hired", "quit", "led", "ran", "sat", "took", "became", "brought",
                 "went", "gone", "chose", "chosen", "rejoined", "founder", "founding", "cofounder",
                 "co-founder", "backed", "stake", "committee", "board", "former", "chief", "ceo",
                 "president", "chair", "head of", "leads", "funding", "round", "poured", "moved",
                 "named", "appointed", "tapped"]
    stems.update(re.escape(w) for w in irregular)
    return re.compile(r"\b(?:" + "|".join(sorted(stems, key=len, reverse=True)) + r")", re.I)


def gated_chunks(text: str, sentences: list[Sentence], pattern: re.Pattern[str],
                 max_chars: int) -> list[tuple[int, int]]:
    """Spans to parse: each sentence with a trigger, with the sentence before it, merged."""
    keep = [False] * len(sentences)
    for i, sent in enumerate(sentences):
        if sent.end - sent.start > max_chars:
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
