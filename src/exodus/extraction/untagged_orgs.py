"""Company names the NER missed: a startup named only once, or tagged in one sentence and not in
the next ("Quillon raised $40 million ... Salesforce Ventures put $50m into Quillon"). Invented,
one-word startup names are common in funding news, and the investment frames need them as
organizations."""
from __future__ import annotations

from typing import TYPE_CHECKING

from spacy.tokens import Token

from exodus.extraction.lexicon import fold_name
from exodus.extraction.mentions import ORG, Mention

if TYPE_CHECKING:
    from exodus.extraction.parsed import Chunk, ParsedDocument

# verbs whose subject is the company that gets the money, when their object is money or a round
_FUNDING_VERBS = {"raise", "secure", "close", "land", "net", "bag", "attract", "draw", "receive", "complete"}
_FUNDING_OBJECTS = {"million", "billion", "m", "bn", "round", "funding", "financing", "investment", "series",
                    "seed", "capital", "money", "cash", "backing", "$", "€", "£"}
# passive verbs whose subject is the backed company ("Quillon is backed by ...")
_BACKED_VERBS = {"back", "fund", "finance"}


def untagged_org_mentions(parsed: "ParsedDocument", ci: int, chunk: "Chunk") -> None:
    """Name tokens with no mention that are the funded company of a funding verb, or repeat an
    organization named elsewhere in the document."""
    for tok in chunk.doc:
        if (ci, tok.i) in parsed.token_mentions or tok.ent_type_ or tok.pos_ != "PROPN" or \
                tok.dep_ == "compound" or not tok.text[:1].isupper():
            continue
        names = _name_tokens(tok)
        if any((ci, t.i) in parsed.token_mentions or t.ent_type_ for t in names):
            continue
        text = chunk.doc[names[0].i:tok.i + 1].text
        if parsed.table.is_person(text) or fold_name(text) in parsed.lexicon.titles:
            continue
        if parsed.table.is_known_org(text) and fold_name(text) in parsed.table.orgs:
            name = parsed.table.org(text)
        elif _funded_subject(tok):
            name = parsed.table.add_org(text)
        else:
            continue
        start = chunk.offset + names[0].idx
        mention = Mention(ORG, name, start, chunk.offset + tok.idx + len(tok),
                          subject=tok.dep_ in ("nsubj", "nsubjpass"))
        for t in names:
            parsed.token_mentions[(ci, t.i)] = mention
        parsed._add_to_timeline(mention)


def _name_tokens(tok: Token) -> list[Token]:
    names = [t for t in tok.lefts if t.dep_ == "compound" and t.pos_ == "PROPN" and t.text[:1].isupper()]
    if names and names[-1].i == tok.i - 1 and all(b.i == a.i + 1 for a, b in zip(names, names[1:])):
        return names + [tok]
    return [tok]


def _funded_subject(tok: Token) -> bool:
    verb = tok.head
    if verb.pos_ not in ("VERB", "AUX"):
        return False
    lemma = verb.lemma_.lower()
    if tok.dep_ == "nsubj" and lemma in _FUNDING_VERBS:
        objects = [c for c in verb.children if c.dep_ in ("dobj", "attr")]
        return any(o.lower_ in _FUNDING_OBJECTS or any(w.lower_ in _FUNDING_OBJECTS for w in o.subtree)
                   for o in objects)
    if tok.dep_ == "nsubjpass" and lemma in _BACKED_VERBS:
        return any(c.dep_ == "agent" for c in verb.children)
    return False
