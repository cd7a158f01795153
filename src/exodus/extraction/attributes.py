"""A candidate's attributes when no rule stated its fact: date, role, reasons, from/to, amount."""
from __future__ import annotations

import re

from spacy.tokens import Span, Token

from exodus.extraction.analysis import DocumentAnalysis, MentionRef, SentenceView
from exodus.extraction.candidates import Candidate
from exodus.extraction.event_dates import event_date
from exodus.extraction.lexicon import Lexicon
from exodus.extraction.mentions import ORG
from exodus.extraction.money import find_amounts
from exodus.extraction.reasons import find_reasons
from exodus.schema import Amount

_FROM_WORDS = {"from"}
_TO_WORDS = {"to", "for", "join", "joining", "joined"}
_PAST_TITLE = re.compile(r"\b(?:former|formerly|ex-|erstwhile|onetime|one-time|previous|previously|then)\s*$", re.I)


def title_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    titles = sorted(lexicon.titles, key=len, reverse=True)
    body = "|".join(re.escape(t) for t in titles)
    # a title, optionally with "of"/"for" and up to four words naming its field ("head of research")
    return re.compile(rf"(?<![\w-])(?:(?:senior|executive|deputy|interim|acting|founding|co-)\s*)*(?:{body})s?"
                      rf"(?:\s+(?:of|for|at)\s+(?:[a-z][\w&-]*\s+){{0,3}}?[a-z][\w&-]*)?(?![\w-])", re.I)


def _near(span: Span, person: MentionRef) -> tuple[int, int] | None:
    if not person.tokens:
        return None
    start = person.tokens[0].idx - span.start_char
    end = person.tokens[-1].idx + len(person.tokens[-1]) - span.start_char
    return start, end


def find_role(sentence: SentenceView, person: MentionRef, pattern: re.Pattern[str],
              org: MentionRef | None = None) -> str | None:
    """The title closest to the person in the sentence (within a few words), without the names of
    organizations inside it: "OpenAI CTO Mira Murati" -> CTO; "Brockman, its president" -> president."""
    where = _near(sentence.span, person)
    if where is None:
        return None
    text = sentence.span.text
    best, best_distance = None, 60
    for match in pattern.finditer(text):
        if _PAST_TITLE.search(text[max(0, match.start() - 14):match.start()]):
            continue
        distance = where[0] - match.end() if match.end() <= where[0] else match.start() - where[1] \
            if match.start() >= where[1] else 0
        if distance < best_distance:
            best, best_distance = match.group(0), distance
    if best is None:
        return None
    role = best.strip()
    if org is not None and org.tokens:
        role = role.replace(org.name, "").strip()
    return re.sub(r"\s+(?:of|for|at)\s*$", "", role) or None


def _org_after(sentence: SentenceView, words: set[str], not_names: set[str]) -> str | None:
    """An organization of the sentence that is the object of one of `words` ("from Google")."""
    for ref in sentence.of_kind(ORG):
        head = ref.head
        if head is None or ref.name in not_names:
            continue
        governor: Token = head.head
        if head.dep_ in ("pobj", "dobj") and governor.lower_ in words:
            return ref.name
    return None


def candidate_date(candidate: Candidate, trigger: Token | None, published: str | None) -> str | None:
    anchor = trigger if trigger is not None else candidate.sentence.span.root
    return event_date(candidate.sentence.span, anchor, published)


def fill_attributes(candidate: Candidate, analysis: DocumentAnalysis, lexicon: Lexicon, pattern: re.Pattern[str],
                    trigger: Token | None, investors_in_sentence: int) -> dict:
    """The optional fields of the candidate's fact."""
    out: dict = {}
    kind = candidate.kind
    sentence = candidate.sentence
    if kind != "role":
        out["date"] = candidate_date(candidate, trigger, analysis.document.published)
    if kind in ("joined", "left", "role", "member") and candidate.first is not None:
        role = find_role(sentence, candidate.first, pattern, candidate.second if kind != "member" else None)
        if role:
            out["role"] = role
    names = {n for n in candidate.names() if n}
    if kind == "joined":
        out["from_org"] = _org_after(sentence, _FROM_WORDS, names)
    elif kind == "left":
        out["to_org"] = _org_after(sentence, _TO_WORDS, names)
        out["reasons"] = find_reasons([sentence.span.text], lexicon)
    elif kind == "invested" and investors_in_sentence == 1:
        amounts = find_amounts(sentence.span.text)
        if len(amounts) == 1:
            out["amount"] = amounts[0][2]
    return {k: v for k, v in out.items() if v is not None}


__all__ = ["Amount", "fill_attributes", "find_role", "title_pattern"]
