"""Foundings without a named founder: "Mistral AI was founded in 2023"."""
from __future__ import annotations

from collections.abc import Iterator

from exodus.extraction.analysis import DocumentAnalysis, SentenceView
from exodus.extraction.candidates.base import Candidate
from exodus.extraction.mentions import ORG

# Words of starting something; the model decides which sentences found what.
FOUNDING_LEMMAS = frozenset({"found", "co-found", "cofound", "founder", "co-founder", "founding", "establish",
                             "launch", "start", "create", "incorporate", "set", "spin", "form", "begin", "birth",
                             "inception", "establishment", "debut"})


def has_founding_word(sentence: SentenceView) -> bool:
    return bool(sentence.lemmas & FOUNDING_LEMMAS) or \
        any(t.lower_.startswith(("found", "co-found", "cofound")) for t in sentence.tokens)


def foundings(analysis: DocumentAnalysis, sentence: SentenceView) -> Iterator[Candidate]:
    if not has_founding_word(sentence):
        return
    for org in sentence.of_kind(ORG):
        yield Candidate("founded_org", sentence, org, None, proposers={"founding"})
