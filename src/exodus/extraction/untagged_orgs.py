"""Company names the NER missed: a startup named only once, or tagged in one sentence and not in
the next ("Quillon raised $40 million ... Salesforce Ventures put $50m into Quillon"). Invented,
one-word startup names are common in funding news, and the investment frames need them as
organizations."""
from __future__ import annotations

from spacy.tokens import Token

from exodus.extraction.lexicon import fold_name
from exodus.extraction.mentions import ORG, PERSON, Mention, MentionIndex, ParsedChunk

# verbs whose subject is the company that gets the money, when their object is money or a round
_FUNDING_VERBS = {"raise", "secure", "close", "land", "net", "bag", "attract", "draw", "receive", "complete"}
_FUNDING_OBJECTS = {"million", "billion", "m", "bn", "round", "funding", "financing", "investment", "series",
                    "seed", "capital", "money", "cash", "backing", "$", "€", "£"}
# verbs whose object (or passive subject) is the company founded
_FOUNDING_VERBS = {"found", "co-found", "cofound", "establish", "start", "set"}
# nouns that a company name modifies or owns ("Quillon co-founder X", "Quillon's backers")
_COMPANY_NOUNS = {"founder", "co-founder", "cofounder", "founders", "co-founders", "investor", "investors",
                  "backer", "backers", "round", "funding", "board", "valuation", "shareholder", "shareholders"}
# passive verbs whose subject is the backed company ("Quillon is backed by ...")
_BACKED_VERBS = {"back", "fund", "finance"}


def untagged_org_mentions(parsed: MentionIndex, ci: int, chunk: ParsedChunk) -> None:
    """Name tokens with no mention that are the funded company of a funding verb, or repeat an
    organization named elsewhere in the document."""
    for tok in chunk.doc:
        if not tok.text[:1].isupper():
            continue  # every test below wants a capitalized name
        if _acronym_investor(tok) and (ci, tok.i) not in parsed.token_mentions:
            mention = Mention(ORG, parsed.table.add_org(tok.text), chunk.offset + tok.idx,
                              chunk.offset + tok.idx + len(tok), subject=tok.dep_ == "nsubj")
            parsed.token_mentions[(ci, tok.i)] = mention
            parsed.add_to_timeline(mention)
            continue
        repeat = tok.pos_ == "NOUN" and tok.text[:1].isupper() and fold_name(tok.text) in parsed.table.orgs and \
            not any(c.dep_ == "det" for c in tok.children)  # "lured to Anysphere", tagged a common noun
        if not _open_name(parsed, ci, tok) or (tok.pos_ != "PROPN" and not repeat and not _bare_noun_funded(tok)) or \
                (tok.dep_ == "compound" and not _company_noun_compound(tok)) or not tok.text[:1].isupper():
            continue
        names = _name_tokens(tok)
        if not all(_open_name(parsed, ci, t) for t in names):
            continue
        text = chunk.doc[names[0].i:tok.i + 1].text
        if parsed.table.is_person(text) or fold_name(text) in parsed.lexicon.titles:
            continue
        if parsed.table.is_known_org(text) and fold_name(text) in parsed.table.orgs:
            name = parsed.table.org(text)
        elif _funded_subject(tok) or _founded_company(tok) or _company_noun_compound(tok) or \
                _described_company(parsed, tok) or \
                (_company_shaped(parsed, names) and (_funded_object(tok) or _employer_subject(parsed, ci, tok) or
                                                      _title_employer(parsed, tok) or _left_or_joined(tok))):
            name = parsed.table.add_org(text)
        else:
            continue
        start = chunk.offset + names[0].idx
        mention = Mention(ORG, name, start, chunk.offset + tok.idx + len(tok),
                          subject=tok.dep_ in ("nsubj", "nsubjpass"))
        for t in names:
            parsed.token_mentions[(ci, t.i)] = mention
        parsed.add_to_timeline(mention)


def _open_name(parsed: MentionIndex, ci: int, tok: Token) -> bool:
    """No mention yet, or only a guess: an untagged token, one the NER called a product or person
    and no mention took, or a lone capitalized word taken for an organization without certainty."""
    mention = parsed.token_mentions.get((ci, tok.i))
    if mention is not None:
        return mention.kind == ORG and not mention.certain and tok.pos_ == "PROPN"
    # places stay places: a dateline ("NEW YORK -") is often the parse's subject
    # a company the NER took for a place ("Veltrix's first outside funding") passes only the company tests
    return tok.ent_type_ in ("", "PRODUCT", "WORK_OF_ART", "FAC", "PERSON", "GPE", "NORP") and not tok.text.isupper()


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
    if tok.dep_ == "nsubj" and lemma in ("say", "announce", "confirm"):
        # "Glean said it closed a $260 million Series E": the reporter is the one that raised
        return any(c.dep_ == "ccomp" and any(s.dep_ == "nsubj" and s.lower_ == "it" for s in c.children) and
                   any(_funded_subject(s) for s in c.children if s.dep_ == "nsubj") for c in verb.children)
    return False


_LEADING_VERBS = {"lead", "co-lead", "back", "fund", "invest"}


def _acronym_investor(tok: Token) -> bool:
    """"a round led by IVP", "NEA led the round": an investment firm known by its initials, untagged."""
    if not (2 <= len(tok.text) <= 6 and tok.text.isalpha() and tok.text.isupper()) or tok.ent_type_:
        return False
    if tok.dep_ == "pobj" and tok.head.lower_ == "by":
        return tok.head.head.lemma_.lower() in _LEADING_VERBS
    return tok.dep_ == "nsubj" and tok.head.lemma_.lower() in _LEADING_VERBS


def _bare_noun_funded(tok: Token) -> bool:
    """"Anysphere closed a $900 million round": an invented name the tagger took for a common noun,
    capitalized, with no determiner, raising money."""
    return tok.pos_ == "NOUN" and tok.text[:1].isupper() and tok.text[1:].islower() and \
        not any(c.dep_ in ("det", "poss", "amod", "compound") for c in tok.children) and _funded_subject(tok)


# verbs whose "in"/"into" object is the company funded ("poured $50 million into Quorvex")
_INVESTING_VERBS = {"invest", "pour", "put", "pump", "inject", "sink", "plow", "plough", "funnel", "commit"}
# verbs whose subject is an employer when their object is a person or a team ("Quorvex hired X")
_EMPLOYER_VERBS = {"hire", "appoint", "name", "tap", "poach", "recruit", "promote", "add", "disband", "dissolve",
                   "form", "create", "fire", "oust", "dismiss", "rehire", "lure"}


def _company_shaped(parsed: MentionIndex, names: list[Token]) -> bool:
    """One word ("Quorvex") or ending in a company word ("Essential AI"), never a person's two names."""
    return len(names) == 1 or names[-1].lower_ in parsed.org_words


def _funded_object(tok: Token) -> bool:
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ in ("in", "into") and head.head.pos_ == "VERB" and \
        head.head.lemma_.lower() in _INVESTING_VERBS and \
        any(c.dep_ == "dobj" and (c.like_num or c.ent_type_ == "MONEY") for c in head.head.children)


def _employer_subject(parsed: MentionIndex, ci: int, tok: Token) -> bool:
    """"Quorvex hired Maria Lopez", "Quorvex disbanded its ethics team": who hires, names or disbands."""
    verb = tok.head
    if tok.dep_ != "nsubj" or verb.pos_ != "VERB" or verb.lemma_.lower() not in _EMPLOYER_VERBS:
        return False
    groups = set(parsed.lexicon.nouns.get("group", []))
    for obj in (c for c in verb.children if c.dep_ == "dobj"):
        mention = parsed.token_mentions.get((ci, obj.i))
        if (mention is not None and mention.kind == PERSON) or obj.ent_type_ == "PERSON" or \
                obj.lemma_.lower() in groups:
            return True
    return False


def _founded_company(tok: Token) -> bool:
    """"A and B founded Quillon", "Quillon was set up by A": the company of a founding verb."""
    verb = tok.head
    lemma = verb.lemma_.lower()
    if verb.pos_ != "VERB" or lemma not in _FOUNDING_VERBS:
        return False
    if lemma == "set" and not any(c.dep_ == "prt" and c.lower_ == "up" for c in verb.children):
        return False
    if tok.dep_ == "dobj":
        return any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in verb.children) or \
            (verb.dep_ == "relcl" and verb.head.ent_type_ == "PERSON")
    if tok.dep_ == "nsubjpass":
        return any(c.dep_ == "agent" for c in verb.children)
    return False


def _company_noun_compound(tok: Token) -> bool:
    """"Quillon co-founder Jiahui Yu", "Quillon's investors": a name owning a company noun."""
    return tok.dep_ in ("compound", "poss") and tok.head.pos_ == "NOUN" and tok.head.lower_ in _COMPANY_NOUNS


def _described_company(parsed: MentionIndex, tok: Token) -> bool:
    """"the Nvidia-backed startup Quillon", "an investor in Quillon": a name described as a company."""
    org_nouns = set(parsed.lexicon.nouns.get("org_reference", []))
    if any(c.dep_ in ("compound", "amod", "nmod") and c.lower_ in org_nouns for c in tok.lefts):
        return True
    if any(c.dep_ == "appos" and c.lemma_.lower() in org_nouns and c.i > tok.i for c in tok.children):
        return True  # "Veltrix, a maker of warehouse robots,"
    head = tok.head
    return tok.dep_ == "pobj" and head.lower_ in ("in", "into") and head.head.lower_ in _COMPANY_NOUNS | {"stake", "investment"}


_MOVE_VERBS = {"leave", "join", "quit", "rejoin", "exit", "depart"}


def _title_employer(parsed: MentionIndex, tok: Token) -> bool:
    """"was appointed chief executive of Quorvel", "head of research at Quorvel": the organization
    of a title."""
    head = tok.head
    if tok.dep_ != "pobj" or head.lower_ not in ("of", "at"):
        return False
    title = head.head
    return title.pos_ == "NOUN" and title.lower_ in {w for t in parsed.lexicon.titles for w in t.split()}


def _left_or_joined(tok: Token) -> bool:
    """"Wei Chen quit Quorvel", "Ana Ruiz has joined Quorvel": what a person leaves or joins."""
    verb = tok.head
    return tok.dep_ == "dobj" and verb.pos_ == "VERB" and verb.lemma_.lower() in _MOVE_VERBS and \
        any(c.dep_ == "nsubj" and c.ent_type_ == "PERSON" for c in verb.children)
