"""Triage before parsing: the automaton gate decides as the regular expressions it replaced did,
and a document with no lexicon word never reaches the parser."""
from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exodus.extraction.lexicon import load_lexicon
from exodus.extraction.sentences import split_sentences
from exodus.extraction.triage import (_EXTRA_STEMS, _INNER_NAME, _MOVE_WORDS, _PHRASE_ONLY, _TWO_NAME_WORDS,
                                      fold_case, gated_chunks, parse_spans, trigger_pattern)
from exodus.schema import Document

LEXICON = load_lexicon()
GATE = trigger_pattern(LEXICON)


def _alternation(words) -> str:
    return "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))


class RegexGate:
    """The specification: the regular-expression gate the automaton replaced (slow, exact)."""

    def __init__(self, lexicon) -> None:
        stems = set(_EXTRA_STEMS)
        for lemma in [*lexicon.verb_frames, *lexicon.noun_frames]:
            word = lemma.split()[0]
            if word not in _PHRASE_ONLY:
                stems.add(word[:-1] if word.endswith("e") and len(word) > 3 else word)
        names = [a for table in (lexicon.organizations, lexicon.people)
                 for canonical, aliases in table.items() for a in [canonical, *aliases] if len(a) > 2]
        self.strong = re.compile(r"\b(?:" + _alternation(lexicon.gate["strong"]) + r")", re.I)
        self.trigger = re.compile(r"\b(?:" + _alternation(stems) + r")", re.I)
        self.context = re.compile(r"(?:\b|(?<=\W))(?:" + _alternation(lexicon.gate["context"]) + r")", re.I)
        self.names = re.compile(r"\b(?:" + _alternation(names) + r")\b")
        self.titles = re.compile(r"\b(?:" + _alternation([t for t in lexicon.titles if len(t) > 3]) + r")s?\b", re.I)
        self.moves = re.compile(r"\b(?:" + _alternation(_MOVE_WORDS) + r")\b", re.I)

    def search(self, text: str, start: int, end: int) -> bool:
        if self.strong.search(text, start, end):
            return True
        if self.titles.search(text, start, end) and _INNER_NAME.search(text, start, end):
            return True
        if self.moves.search(text, start, end) and _TWO_NAME_WORDS.search(text, start, end):
            return True
        return bool(self.trigger.search(text, start, end)) and bool(
            self.context.search(text, start, end) or self.names.search(text, start, end))


REGEX = RegexGate(LEXICON)
_NAMES = sorted({a for table in (LEXICON.organizations, LEXICON.people)
                 for canonical, aliases in table.items() for a in [canonical, *aliases] if len(a) > 2})
_TRIGGERS = sorted({*_EXTRA_STEMS, *(lemma.split()[0] for lemma in [*LEXICON.verb_frames, *LEXICON.noun_frames])})
_FILLERS = ["the", "said", "on", "Monday", "market", "shares", "Maria Lopez", "Dan Ives", "x", "_", "9", "of"]
# each kind of word about as likely as the others (strong words, which decide alone, no more than any)
_WORD = st.one_of(*(st.sampled_from(sorted(set(words))) for words in (
    LEXICON.gate["strong"], LEXICON.gate["context"], _TRIGGERS, _MOVE_WORDS, _NAMES, _FILLERS, _FILLERS,
    [t for t in LEXICON.titles if len(t) > 3])))
_GLUE = ["", " ", "  ", "-", "'", "’", "s", "S", "ed", "x", "_", "1", ",", ".", "(", "“", "$", "\n", "İ", "ı", "ſ"]


def _case(word: str, how: int) -> str:
    return [word, word.lower(), word.upper(), word.title()][how]


sentence_pieces = st.lists(
    st.tuples(_WORD, st.integers(0, 3), st.sampled_from(_GLUE)),
    min_size=1, max_size=8)


@settings(max_examples=1500)
@given(sentence_pieces, st.integers(0, 6), st.integers(0, 6))
def test_automaton_gate_decides_as_the_regular_expressions(pieces, cut_start, cut_end):
    text = "".join(_case(word, how) + glue for word, how, glue in pieces)
    start, end = min(cut_start, len(text)), max(min(cut_start, len(text)), len(text) - cut_end)
    assert GATE.search(text, start, end) == REGEX.search(text, start, end), (text, start, end)


@settings(max_examples=200)
@given(st.lists(sentence_pieces.map(lambda p: "".join(_case(w, h) + g for w, h, g in p)), min_size=1, max_size=6))
def test_gated_chunks_are_those_of_the_regular_expressions(sentences):
    text = ". ".join(s.strip() or "Nothing" for s in sentences) + "."
    spans = split_sentences(text)
    expected = [i for i, s in enumerate(spans) if REGEX.search(text, s.start, s.end)]
    passing = [i for i, s in enumerate(spans) if GATE.passes(GATE.scan(text), s.start, s.end)]
    assert passing == expected
    assert gated_chunks(text, spans, GATE, 1500) == gated_chunks(text, spans, GATE, 1500, GATE.scan(text))


def test_words_match_at_a_word_start_only():
    assert GATE.search("She rejoined the lab.")
    assert not GATE.search("The outjoining wall.")  # "join" inside a word
    assert GATE.search("He QUIT on Monday.")  # case-insensitive


def test_names_are_case_sensitive_whole_words():
    name = next(n for n in _NAMES if n[0].isupper() and n.isalpha() and len(n) > 4)
    assert GATE.search(f"It became part of {name} last year.")  # a trigger beside a known name
    assert not GATE.search(f"It became part of {name.lower()} last year.")
    assert not GATE.search(f"It became part of {name}x last year.")


def test_titles_take_a_plural_s_and_end_at_a_word_end():
    title = next(t for t in sorted(LEXICON.titles) if t.isalpha() and len(t) > 5)
    assert GATE.search(f"Some {title}s, like Dan Ives, said so.")
    assert GATE.search(f"Some {title.upper()}S, like Dan Ives, said so.")
    assert not GATE.search(f"Some {title}sx, like Dan Ives, said so.")


def test_context_symbols_count_after_any_non_word_character():
    assert GATE.search("They led a $5 deal.")
    assert GATE.search("They led a deal of ($5).")
    assert not GATE.search("They led a deal.")


def test_case_folding_keeps_offsets():
    assert len(fold_case("İstanbul ſ K")) == len("İstanbul ſ K")
    assert fold_case("İSTANBUL ſ") == "istanbul s"


def test_a_document_without_any_lexicon_word_is_neither_split_nor_parsed():
    quiet = "Wheat prices eased on Tuesday. Traders expected rain in Kansas."
    assert not GATE.scan(quiet).opens
    assert parse_spans(quiet, GATE, 1500) == []
    assert parse_spans(quiet, None, 1500) == [(0, len(quiet))]  # no gate: everything


@pytest.fixture(scope="module")
def extractor():
    from exodus.extraction.rules import RulesExtractor

    return RulesExtractor()


def test_only_gated_sentences_reach_the_parser(extractor):
    seen: list[str] = []
    pipe = extractor.nlp.pipe

    def counting_pipe(texts, **kwargs):
        texts = list(texts)
        seen.extend(texts)
        return pipe(texts, **kwargs)

    extractor.nlp.pipe = counting_pipe
    try:
        quiet = Document(id="quiet", text="Wheat prices eased on Tuesday. Traders expected rain in Kansas.")
        story = Document(id="story", text="Corn was flat. Maria Lopez left Google to join Anthropic in May. "
                                          "She will lead research. Soy rose.")
        results = dict((d.id, facts) for d, facts in extractor.extract_many([quiet, story]))
    finally:
        extractor.nlp.pipe = pipe
    assert seen == ["Corn was flat. Maria Lopez left Google to join Anthropic in May. She will lead research."]
    assert results["quiet"] == []
    assert any(f.kind == "joined" for f in results["story"])
