"""Whose organization a bare departure means: "Sutskever ... left in May", "X resigned hours later".

A departure that names no organization is from the one the document has already tied the
person to: a title, a membership, a founding or an arrival stated earlier (or earlier in the
same sentence). Without such a tie the departure stays unplaced rather than guessed.
"""
from __future__ import annotations

import re

from exodus.schema import Fact

_PAST = re.compile(r"\b(?:former|formerly|ex-|erstwhile|onetime|one-time|previous|previously|then|once|"
                   r"co-?founders?|founding|board|director|chair|trustee)", re.I)

# the fact kinds that say where someone is (was) working, and how strongly
_TIES = ("role", "member", "joined", "founded")


def affiliation(facts: list[Fact], person: str, before: int) -> str | None:
    """The organization `person` was last tied to by a fact whose evidence starts at or before
    `before` (a document offset); None when the document gives no tie."""
    return _latest_org(facts, person, before, _TIES)


def former_employer(facts: list[Fact], person: str, before: int) -> str | None:
    """"going back to their old employer": the organization `person` was last said to leave."""
    return _latest_org(facts, person, before, ("left",))


def _latest_org(facts: list[Fact], person: str, before: int, kinds: tuple[str, ...]) -> str | None:
    latest: tuple[int, int, str] | None = None
    for order, fact in enumerate(facts):
        if fact.person != person or fact.kind not in kinds or not fact.org or fact.org == person:
            continue
        start = fact.evidence.start
        if start > before:
            continue
        if latest is None or (start, order) >= latest[:2]:
            latest = (start, order, fact.org)
    return latest[2] if latest else None


_SPANS = {"year", "month", "decade", "stint", "tenure", "spell"}


def tenure_departures(builder, ci: int, sent) -> None:
    """"came back to OpenAI after five years at Tesla": an arrival after a stretch somewhere else
    is also a departure from there (and the arrival's `from_org`)."""
    from exodus.extraction.mentions import ORG  # local: keeps this module free of parse imports

    for token in sent:
        if token.lemma_.lower() not in _SPANS or token.dep_ != "pobj" or token.head.lower_ != "after":
            continue
        preps = [p for p in token.children if p.dep_ == "prep"]
        following = token.nbor(1) if token.i + 1 < len(token.doc) else None
        if following is not None and following.dep_ == "prep" and following.head.i == token.head.head.i:
            preps.append(following)  # "joined Google after a decade at Microsoft", "at" hung off the verb
        places = [g for p in preps if p.lower_ in ("at", "with") for g in p.children if g.dep_ == "pobj"]
        orgs = [m for g in places if (m := builder.parsed.mention(ci, g)) and m.kind == ORG]
        if not orgs:
            continue
        verb_start = builder.start_of(ci, token.head.head)
        for fact in list(builder.facts):
            if fact.kind != "joined" or fact.org == orgs[0].name or \
                    not any(start == verb_start for start, _ in fact.keywords):
                continue
            if fact.from_org is None or fact.implied_from:
                fact.from_org = orgs[0].name
                fact.implied_from = False
            builder.facts.append(Fact(kind="left", doc=fact.doc, person=fact.person, org=orgs[0].name,
                                      to_org=fact.org, date=None, reasons=[], evidence=fact.evidence,
                                      confidence=fact.confidence - 0.15, extractor=fact.extractor,
                                      keywords=list(fact.keywords)))


# verbs of moving somewhere: going to a new organization is also leaving the one held before
_MOVES = {"go", "move", "defect", "jump", "decamp", "switch", "head"}


def move_departures(builder, ci: int, sent) -> None:
    """"John Schulman, a co-founder, went to Anthropic": a move to a new organization by someone the
    document has tied to another one (a title, a founding, an earlier arrival) is also a departure
    from that one. Runs after the sentence's titles, so a tie stated in the same sentence counts."""
    verbs = {builder.start_of(ci, t): t for t in sent if t.lemma_.lower() in _MOVES}
    for fact in list(builder.facts):
        if fact.kind != "joined" or fact.from_org and not fact.implied_from or \
                not any(start in verbs for start, _ in fact.keywords):
            continue
        start = next(start for start, _ in fact.keywords if start in verbs)
        tie = _tie_elsewhere(builder.facts, fact.person, fact.org, start)
        if tie is None or any(f.kind == "left" and f.person == fact.person and f.org == tie
                              and f.evidence.start == fact.evidence.start for f in builder.facts):
            continue
        fact.from_org = tie
        fact.implied_from = False
        builder.facts.append(Fact(kind="left", doc=fact.doc, person=fact.person, org=tie, to_org=fact.org,
                                  date=fact.date, reasons=[], evidence=fact.evidence,
                                  confidence=fact.confidence - 0.2, extractor=fact.extractor,
                                  keywords=list(fact.keywords)))


def _tie_elsewhere(facts: list[Fact], person: str, destination: str, before: int) -> str | None:
    """The organization `person` was last tied to before `before`, other than `destination`."""
    latest: tuple[int, int, str] | None = None
    for order, fact in enumerate(facts):
        if fact.person != person or fact.kind not in _TIES or not fact.org or fact.org in (person, destination):
            continue
        if fact.evidence.start > before:
            continue
        if latest is None or (fact.evidence.start, order) >= latest[:2]:
            latest = (fact.evidence.start, order, fact.org)
    return latest[2] if latest else None


def elliptic_moves(builder, ci: int, sent) -> None:
    """"A and B are leaving the board. So is C.": a "So is/does/has X" sentence repeats the arrivals
    and departures of the sentence before for X; the evidence spans both sentences."""
    from exodus.extraction.mentions import PERSON  # local: keeps this module free of parse imports
    from exodus.schema import Evidence

    words = [t for t in sent if not t.is_space]
    if len(words) < 3 or words[0].lower_ != "so" or words[1].lemma_ not in ("be", "do", "have") \
            or sent.start == 0:
        return
    people = [m for t in sent if t.dep_ in ("nsubj", "conj", "compound") and (m := builder.parsed.mention(ci, t))
              and m.kind == PERSON]
    if not people:
        return
    previous = builder.evidence_of(ci, sent.doc[sent.start - 1].sent)
    current = builder.evidence_of(ci, sent)
    text = builder.parsed.document.text[previous.start:current.end]
    evidence = Evidence(previous.start, current.end, text)
    names = {m.name for m in people}
    for fact in list(builder.facts):
        if fact.kind not in ("joined", "left") or fact.evidence.start != previous.start or fact.person in names:
            continue
        for name in sorted(names):
            if any(f.kind == fact.kind and f.person == name and f.org == fact.org for f in builder.facts):
                continue
            if fact.role == "board member" and (holds_post(builder.facts, name, fact.org) or
                                                builder.current_titles(ci, sent, name)):
                continue  # "So is X, the company's chief scientist": leaves the board, stays on staff
            copy = Fact(kind=fact.kind, doc=fact.doc, person=name, org=fact.org, role=fact.role, date=fact.date,
                        evidence=evidence, confidence=fact.confidence - 0.1, extractor=fact.extractor,
                        keywords=list(fact.keywords))
            if fact.kind == "left":
                copy.reasons, copy.to_org = list(fact.reasons or []), fact.to_org
            else:
                copy.from_org = None
            builder.facts.append(copy)


def holds_post(facts: list[Fact], person: str, org: str | None) -> bool:
    """Does `person` hold a post at `org` besides a board seat ("Ilya Sutskever, the company's chief
    scientist")? Then leaving the board is not leaving the organization."""
    return any(f.kind == "role" and f.person == person and f.org == org and f.role and
               not any(w in f.role.lower() for w in ("board", "director", "chair", "trustee")) for f in facts)


def list_title_phrases(builder, ci: int, sent, name: str) -> list:
    """"three senior researchers, A, B and C, resigned": the title a list is set in apposition to is
    each listed name's, not only the first one's (B and C hang on A as conjuncts)."""
    found = []
    for token in sent:
        mention = builder.parsed.mention(ci, token)
        if mention is None or mention.name != name or token.dep_ != "conj":
            continue
        first = token
        while first.dep_ == "conj" and first.head.i != first.i:
            first = first.head
        if first.dep_ != "appos" or builder.parsed.mention(ci, first.head) is not None:
            continue
        head = first.head
        phrase = sorted([t for t in head.subtree if t.i < first.i and t not in first.subtree], key=lambda t: t.i)
        text = " ".join(t.text for t in phrase)
        if phrase and builder.title_re.search(text) and not _PAST.search(text):
            found.append(phrase)
    return found


_ACCOMPANYING = {"along", "together"}


def accompanied_moves(builder, ci: int, sent) -> None:
    """"the company fired A, another researcher, along with B": a person added with "along with" /
    "together with" to the mover (or to the move itself) makes the same move."""
    from exodus.extraction.mentions import PERSON  # local: keeps this module free of parse imports

    for adverb in sent:
        if adverb.lower_ not in _ACCOMPANYING or adverb.dep_ not in ("prep", "advmod"):
            continue
        withs = [c for c in adverb.children if c.lower_ == "with" and c.dep_ == "prep"]
        if adverb.head.lower_ == "with" and adverb.head.dep_ == "prep":
            withs, adverb = [adverb.head], adverb.head  # "together" hung on "with"
        people = [m for w in withs for g in w.children if g.dep_ == "pobj"
                  for t in [g, *g.conjuncts] if (m := builder.parsed.mention(ci, t)) and m.kind == PERSON]
        if not people:
            continue
        anchor = adverb.head
        anchor_start = builder.start_of(ci, anchor)
        anchor_person = builder.parsed.mention(ci, anchor)
        for fact in list(builder.facts):
            if fact.kind not in ("joined", "left") or fact.evidence.start != builder.evidence_of(ci, sent).start:
                continue
            if not (any(start == anchor_start for start, _ in fact.keywords) or
                    anchor_person is not None and anchor_person.kind == PERSON and anchor_person.name == fact.person):
                continue
            for person in people:
                if person.name == fact.person or any(f.kind == fact.kind and f.person == person.name and
                                                     f.org == fact.org for f in builder.facts):
                    continue
                copy = Fact(kind=fact.kind, doc=fact.doc, person=person.name, org=fact.org, date=fact.date,
                            evidence=fact.evidence, confidence=fact.confidence - 0.1, extractor=fact.extractor,
                            keywords=list(fact.keywords))
                if fact.kind == "left":
                    copy.reasons, copy.to_org = list(fact.reasons or []), fact.to_org
                else:
                    copy.from_org = None
                builder.facts.append(copy)
