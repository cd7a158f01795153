"""People's names the NER missed or took for something else ("Ana Ruiz left Google", "with Denis
Yarats, Johnny Ho and Andy Konwinski", "Niki Parmar" tagged as an organization). Names from outside
the English-speaking world are often missed by the small model; their place in the clause says they
are people: in a list with people, the subject of a move, the object of a hire, or described by a title."""
from __future__ import annotations

import re

from spacy.tokens import Doc, Span, Token

# verbs whose subject is a person when it is a bare two- or three-word name
_PERSON_SUBJECT_VERBS = {"join", "rejoin", "leave", "quit", "resign", "depart", "retire", "step", "co-found",
                         "cofound", "found", "serve", "become"}
# verbs whose object is a person ("hired Ana Ruiz")
_PERSON_OBJECT_VERBS = {"hire", "appoint", "name", "poach", "tap", "recruit", "promote", "fire", "oust", "lure",
                        "replace", "succeed", "elect", "select", "pick", "choose", "install"}
# passive verbs whose agent is a person ("founded by", "started by")
_FOUNDED_BY = {"found", "co-found", "cofound", "start", "launch", "create", "establish", "set", "lead", "run",
               "head", "hire", "appoint", "name", "replace", "succeed"}
_WORD = re.compile(r"^[A-ZÀ-ÖØ-Þ][^\W\d_'’-]*(?:['’-][^\W\d_]+)*$")  # "Yılmaz", "D'Souza", "Müller-Schmidt"
# entity types a person's name is mistaken for
_MISTAKEN = ("", "NORP", "PRODUCT", "WORK_OF_ART", "ORG", "FAC", "LOC", "GPE")


def untagged_people(doc: Doc, titles: set[str], is_known_org, org_words: set[str],
                    surnames: frozenset[str] = frozenset()) -> list[Span]:
    """Spans of the doc that name people the NER did not tag as PERSON. `surnames` are words the NER
    tagged as a person on their own elsewhere in the article ("Ogunlesi")."""
    from exodus.extraction.name_shapes import name_runs, person_shaped

    found: list[Span] = []
    taken: set[int] = set()
    # runs of name words ("Thandiwe García Márquez", "Jae-won Parmar"), for heads the parser tags oddly
    run_of: dict[int, list[Token]] = {}
    for run in name_runs(doc[:]):
        if person_shaped(run, frozenset(org_words)):
            for t in run:
                run_of[t.i] = run
    for tok in doc:
        if tok.i in taken or tok.pos_ not in ("PROPN", "NOUN") or tok.dep_ == "compound":
            continue
        span = _name_span(tok) if tok.pos_ == "PROPN" else None
        run = run_of.get(tok.i)
        if run is not None and (span is None or len(run) > len(span)) and all(t.i <= tok.i or t.text in ("-", "‑") or
                                                                              t.is_lower for t in run):
            span = doc[run[0].i:run[-1].i + 1]
        if span is None or any(t.i in taken for t in span):
            continue
        types = {t.ent_type_ for t in span}
        if "PERSON" in types and {t.ent_type_ for t in span[:-1]} - {""}:
            continue
        if "PERSON" in types:  # "Ana [Nowak]": the tagger took the family name alone
            if span[-1].ent_type_ == "PERSON" and span[-1].ent_iob_ == "B" and not is_known_org(span.text):
                found.append(span)
                taken.update(t.i for t in span)
            continue
        if not types <= set(_MISTAKEN) or is_known_org(span.text):
            continue
        if span[-1].lower_ in org_words or any(t.lower_ in titles for t in span):
            continue
        whole = any(e.start == span.start and e.end == span.end and e.label_ in ("ORG", "FAC", "LOC")
                    for e in doc.ents)
        if whole and not (_beside_people(tok) or _who(tok) or _titled(tok, titles) or span[-1].text in surnames
                          or (_person_slot(tok) and _facing_org(tok))):
            continue  # only a list of people, "who", or a move to or from an organization outweighs the
            # tagger's organization (not part of one): "Quorvel hired Niki Parmar", "Niki Parmar left OpenAI"
        if _beside_people(tok) or _person_slot(tok) or _titled(tok, titles) or span[-1].text in surnames:
            found.append(span)
            taken.update(t.i for t in span)
    return found


def _name_span(tok: Token) -> Span | None:
    """"Ana Ruiz": two or three title-case words, the last the head."""
    words = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN"]
    if not words or words[-1].i != tok.i - 1 or any(b.i != a.i + 1 for a, b in zip(words, words[1:])):
        return None
    span = tok.doc[words[0].i:tok.i + 1]
    if not 2 <= len(span) <= 3 or not all(_WORD.match(t.text) for t in span):
        return None
    return span


def _beside_people(tok: Token) -> bool:
    """In a list or apposition with a name the NER tagged as a person."""
    related = [c for c in tok.children if c.dep_ in ("conj", "appos")]
    if tok.dep_ in ("conj", "appos"):
        related.append(tok.head)
        related += [c for c in tok.head.children if c.dep_ == "conj" and c is not tok]
    return any(r.ent_type_ == "PERSON" for r in related)


def _who(tok: Token) -> bool:
    """"Brett Adcock, who serves as its CEO": a relative clause with "who"."""
    return any(c.dep_ == "relcl" and any(w.lower_ in ("who", "whom", "whose") for w in c.children)
               for c in tok.children)


def _person_slot(tok: Token) -> bool:
    if _who(tok):
        return True
    verb = tok.head
    if tok.dep_ == "pobj" and verb.dep_ == "agent" and verb.head.lemma_.lower() in _FOUNDED_BY:
        return True  # "founded in 2022 by Brett Adcock"
    lemma = verb.lemma_.lower()
    if tok.dep_ == "nsubj" and verb.pos_ == "VERB" and lemma in _PERSON_SUBJECT_VERBS:
        return True
    if tok.dep_ == "nsubjpass" and verb.pos_ == "VERB" and lemma in _PERSON_OBJECT_VERBS:
        return True  # "Niki Osei was appointed chief executive"
    # (a name the parser split in two may hang off the verb as a clause: "hired Niki dos Santos")
    return tok.dep_ in ("dobj", "ccomp", "oprd") and verb.pos_ == "VERB" and lemma in _PERSON_OBJECT_VERBS


def _facing_org(tok: Token) -> bool:
    """The other side of the move is an organization the tagger is sure of: the object left or joined,
    the company that hires, the one whose post is given ("chief executive of OpenAI")."""
    verb = tok.head
    others = [c for c in verb.children if c.i != tok.i and c.dep_ in ("nsubj", "dobj", "prep", "oprd", "attr")]
    for other in others:
        for t in other.subtree:
            if t.ent_type_ == "ORG" and t.ent_iob_ == "B":
                return True
            if t.dep_ in ("nsubj", "dobj", "pobj") and t.pos_ == "PROPN" and t.ent_type_ in ("", "GPE", "ORG") and \
                    t.text[:1].isupper() and not any(c.dep_ == "compound" and c.pos_ == "PROPN" for c in t.children):
                return True  # a one-word name no tagger knows ("Quorvel hired Ana Okonkwo"): a company
    return False


def _titled(tok: Token, titles: set[str]) -> bool:
    """"Ana Ruiz, a partner at Accel," "Ana Ruiz, its chief executive,"."""
    for c in tok.children:
        if c.dep_ == "appos" and c.pos_ == "NOUN":
            words = " " + " ".join(t.lower_ for t in c.subtree if t.i <= c.i) + " "
            if any(f" {title} " in words for title in titles):
                return True
    return False
