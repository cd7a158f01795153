"""What the rule modules need of the fact builder that runs them, as a protocol.

`frames.FactBuilder` runs every rule module over each sentence; the modules call back into
it for positions, evidence, dates and the facts found so far. They see it only through this
protocol, so none of them imports `frames` (which imports them all).
"""
from __future__ import annotations

import re
from typing import Protocol

from spacy.tokens import Span, Token

from exodus.extraction.lexicon import Lexicon
from exodus.extraction.mentions import Mention
from exodus.extraction.parsed import ParsedDocument
from exodus.schema import Amount, Evidence, Fact


class RuleBuilder(Protocol):
    parsed: ParsedDocument
    lexicon: Lexicon
    extractor: str
    facts: list[Fact]
    title_re: re.Pattern[str]

    def start_of(self, ci: int, token: Token) -> int:
        """The token's offset in the document."""

    def evidence_of(self, ci: int, sent: Span) -> Evidence:
        """The sentence as evidence: its exact span of the document."""

    def date_of(self, ci: int, sent: Span, token: Token) -> str | None:
        """When the event the trigger states happened."""

    def amount_of(self, ci: int, sent: Span, token: Token) -> Amount | None:
        """The money a trigger's sentence gives."""

    def mention_of(self, ci: int, token: Token, kind: str) -> Mention | None:
        """The mention of `kind` a token belongs to."""

    def mentions_words(self, ci: int, sent: Span, words: list[str]) -> bool:
        """Does the sentence (or the one before) use one of `words`?"""

    def current_titles(self, ci: int, sent: Span, name: str) -> list[list[Token]]:
        """The present titles the sentence gives the person."""
