"""When a stated event happened: the date phrase attached to its trigger word.

Explicit dates are resolved against the article's publication date ("last month",
"on Tuesday"). Without one, the date of the report that tells the event is used
("OpenAI announced on Wednesday that it is creating a team"), and news told in the
present ("X is leaving Y", "X has joined Y") takes the article's date.
"""
from __future__ import annotations

from spacy.tokens import Span, Token

from exodus.extraction.dates import resolve_date

_DATE_PREPS = {"in", "since", "by", "until", "from", "during", "last", "this", "next", "early", "late", "of"}
_REPORTING = {"announce", "say", "confirm", "disclose", "report", "tell", "reveal", "state", "write"}


def event_date(sent: Span, trigger: Token, published: str | None) -> str | None:
    """ISO date of the event `trigger` states in `sent`, or None when nothing anchors it."""
    attached, others = [], []
    for ent in sent.ents:
        if ent.label_ != "DATE":
            continue
        before = sent.doc[ent.start - 1] if ent.start > 0 else None
        phrase = f"{before.text} {ent.text}" if before is not None and before.lower_ in _DATE_PREPS else ent.text
        value = resolve_date(phrase, published)
        if not value:
            continue
        if attaches_to(ent.root, trigger):
            # "will retire in June": the next June; a reporting verb's "said on Friday" stays past
            attached.append(resolve_date(phrase, published, future=True) if _future(trigger) else value)
        else:
            others.append((ent, value))
    if attached:
        return attached[0]
    head = trigger
    while head.dep_ in ("conj", "xcomp") and head.head is not head:
        head = head.head
    if head.dep_ == "ccomp" and head.head.lemma_.lower() in _REPORTING:
        for ent, value in others:
            if attaches_to(ent.root, head.head):
                return value
    # "Groq has raised $640 million ..., it said on Monday": the report's date, told after the news
    for reporter in (c for c in head.children if c.dep_ in ("parataxis", "ccomp", "advcl")
                     and c.lemma_.lower() in _REPORTING and c.i > head.i):
        for ent, value in others:
            if attaches_to(ent.root, reporter):
                return value
    if published and reported_as_news(trigger):
        return published
    return None


def _future(trigger: Token) -> bool:
    """"will retire in June", "is set to leave on Friday": an event still to come."""
    head = trigger
    while head.dep_ in ("xcomp", "conj") and head.head is not head:
        if any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall", "would") for c in head.children):
            return True
        head = head.head
    return any(c.dep_ == "aux" and c.lower_ in ("will", "'ll", "shall", "would") for c in head.children)


def reported_as_news(token: Token) -> bool:
    """Is the event told in the present or present perfect ("joins", "is leaving", "has joined")?"""
    if token.pos_ not in ("VERB", "AUX"):
        return False
    aux = {c.lower_ for c in token.children if c.dep_ in ("aux", "auxpass")}
    if token.tag_ in ("VBZ", "VBP"):
        return True
    if token.tag_ == "VBG" and aux & {"is", "are", "'s", "’s"}:
        return True
    if token.tag_ == "VBN" and aux & {"has", "have", "'s", "’s"} and not aux & {"had"}:
        return True
    return False


def attaches_to(token: Token, trigger: Token) -> bool:
    """The date's nearest governing verb is the trigger, or the verb the trigger completes
    ("decided last month to leave")."""
    governors = {trigger.i}
    t = trigger
    while t.dep_ in ("xcomp", "pcomp") and t.head is not t:
        t = t.head
        governors.add(t.i)
    t = token
    for _ in range(6):
        if t.i in governors:
            return True
        if t.head is t:
            return False
        if t.pos_ in ("VERB", "AUX") and t is not token:
            return False
        if t.dep_ in ("nsubj", "nsubjpass") and t is not token:
            return False  # "Alec Radford, first author of the 2018 paper, is departing": the subject's date
        t = t.head
    return False
