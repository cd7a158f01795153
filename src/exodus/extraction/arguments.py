"""Arguments of a trigger word from the dependency parse: who did it, to whom, where.

`trigger_slots(token)` returns the tokens that fill each slot (subj, obj, to, from,
as, ...), handling the passive, relative clauses ("X, who left Y"), participles
("Anthropic, founded by ..."), infinitives ("decided to leave") and gerunds ("by
joining Anthropic").
"""
from __future__ import annotations

from spacy.tokens import Token

_SUBJ = ("nsubj", "csubj")
_PASSIVE_SUBJ = ("nsubjpass", "csubjpass")
_RELATIVE = {"who", "that", "which", "whom"}
_AMOUNT_NOUNS = {"billion", "million", "stake", "investment", "share", "interest", "bet", "sum", "round", "total",
                 "funding", "money", "capital", "trillion", "bn", "m"}
_LEADING_VERBS = {"lead", "co-lead", "join", "invest", "co-invest", "back", "participate"}
# "took seats on the board", "took a role at Google": the preposition hangs off the object
_SEAT_NOUNS = {"seat", "place", "spot", "role", "position", "post", "job"}
_VAGUE = {"those", "executives", "people", "leaders", "others", "officials", "managers"}
_MOVE_ADVERBS = {"back", "now", "over"}
_CLAUSE_DEPS = {"relcl", "acl", "advcl", "ccomp", "xcomp", "parataxis", "punct", "cc", "mark"}


def _main_verb_under_name(token: Token) -> bool:
    """"Sutskever, who co-led the team, left in May": the sentence's verb, which the parser hung off
    its subject (a name it took for the root, described by a clause or an apposition)."""
    head = token.head
    return token.dep_ == "acl" and token.tag_ in ("VBD", "VBN") and head.pos_ == "PROPN" and \
        head.dep_ == "ROOT" and token.i > head.i and token.doc[token.i - 1].text == "," and \
        any(c.dep_ in ("relcl", "appos") for c in head.children) and \
        not any(c.dep_ in ("agent", "dobj") for c in token.children)


def is_passive(token: Token) -> bool:
    if _main_verb_under_name(token):
        return False
    if any(c.dep_ in _PASSIVE_SUBJ or c.dep_ == "auxpass" for c in token.children):
        return True
    return token.tag_ == "VBN" and token.dep_ in ("acl", "advcl") and not any(c.dep_ == "aux" for c in token.children)


def subject_of(token: Token, depth: int = 0) -> list[Token]:
    """The doer of a verb, climbing through clauses that share it."""
    if depth > 6:
        return []
    for child in token.children:
        if child.dep_ in _SUBJ:
            if child.lower_ in _RELATIVE and token.dep_ == "relcl":
                return [token.head]
            return [child]
    dep = token.dep_
    if dep == "relcl":
        return [token.head]
    if dep in ("xcomp", "conj", "advcl") and token.head is not token:
        if dep == "conj":  # "would be chaired by A and include B": the shared surface subject
            shared = [c for c in token.head.children if c.dep_ in _PASSIVE_SUBJ and c.lower_ not in _RELATIVE]
            if shared:
                return shared
        if dep == "xcomp":
            objects = [c for c in token.head.children if c.dep_ == "dobj"]
            if objects and token.head.lemma_ in ("hire", "tap", "name", "appoint", "ask", "bring", "recruit"):
                return objects
        return subject_of(token.head, depth + 1)
    if dep in ("acl", "relcl", "amod") and token.head.lower_ in _VAGUE and token.head.dep_ in ("nsubj",) \
            and token.head.head.lemma_ in ("include", "be"):
        # "Those departing include A, B and C"
        return [c for c in token.head.head.children if c.dep_ in ("dobj", "attr")]
    if _main_verb_under_name(token):
        return [token.head]
    if dep == "acl":
        head = token.head
        possessors = [c for c in head.children if c.dep_ == "poss"]
        if possessors:
            return possessors
        if token.tag_ == "VBG" or token.tag_ == "VB" and head.dep_ in _SUBJ:
            return [head]
        return subject_of(head.head, depth + 1) if head.dep_ in ("dobj", "attr", "pobj") else []
    if dep == "pcomp":
        return subject_of(token.head.head, depth + 1)
    if dep in ("acomp", "attr", "oprd", "pobj", "prep") and token.head is not token:
        # "Gross is best known for co-founding Cue": up through the adjective to its subject
        return subject_of(token.head, depth + 1)
    return []


def passive_object(token: Token) -> list[Token]:
    for child in token.children:
        if child.dep_ in _PASSIVE_SUBJ:
            if child.lower_ in _RELATIVE and token.dep_ == "relcl":
                return [token.head]
            return [child]
    if token.dep_ == "acl":
        return [token.head]
    if token.dep_ == "advcl":  # "Founded in 2021, Anthropic ..."
        return [c for c in token.head.children if c.dep_ in _SUBJ + _PASSIVE_SUBJ][:1]
    if token.dep_ == "conj":  # "The round values X at $1bn and was co-led by A": the shared subject
        return passive_object(token.head) or [c for c in token.head.children if c.dep_ in _SUBJ][:1]
    if token.dep_ == "xcomp":
        return passive_object(token.head)
    return []


def prep_objects(token: Token) -> dict[str, list[Token]]:
    """Objects of the prepositions that hang off a word ("leave X for Y" -> {"for": [Y]})."""
    out: dict[str, list[Token]] = {}
    for child in token.children:
        if child.dep_ == "advmod" and child.lower_ in _MOVE_ADVERBS:
            # "is back at OpenAI", "came over from Scale AI": the place hangs off the adverb
            for g in child.children:
                if g.dep_ == "prep":
                    out.setdefault(g.lower_, []).extend(x for x in g.children if x.dep_ == "pobj")
        if child.dep_ in ("prep", "agent", "dative") or (child.dep_ == "prt" and any(g.dep_ == "pobj" for g in child.children)):
            name = child.lower_
            if child.dep_ == "agent":
                name = "by"
            if name == "away":
                for g in child.children:
                    if g.dep_ == "prep":
                        out.setdefault("away_from", []).extend(x for x in g.children if x.dep_ in ("pobj", "pcomp"))
                continue
            objects = [g for g in child.children if g.dep_ in ("pobj", "pcomp")]
            for g in child.children:  # "resigned from his post at Ford": nested prepositions
                if g.dep_ == "prep":
                    objects.extend(x for x in g.children if x.dep_ == "pobj")
            if objects:
                out.setdefault(name, []).extend(objects)
    return out


def trigger_slots(token: Token) -> dict[str, list[Token]]:
    """Slot name -> tokens, for a verb or noun trigger."""
    slots: dict[str, list[Token]] = {}
    if token.pos_ in ("NOUN", "PROPN"):
        slots["poss"] = [c for c in token.children if c.dep_ == "poss"]
        slots["compound"] = [c for c in token.children if c.dep_ == "compound"]
        for name, objects in prep_objects(token).items():
            slots.setdefault(name, []).extend(objects)
        for obj in list(slots.get("of", [])):
            slots["of"].extend(_trailing_names(obj))
        if token.dep_ == "pobj" and token.head.lower_ == "of":
            # "a string of departures from OpenAI, including X": the list hangs off "string"
            for name, objects in prep_objects(token.head.head).items():
                if name in ("including", "like", "among"):
                    slots.setdefault(name, []).extend(objects)
        gov = token.head
        while gov.dep_ in ("pobj", "prep") and gov.head is not gov:
            gov = gov.head
        if token.dep_ in ("dobj", "pobj", "nsubj", "attr", "appos") or gov is not token:
            verb = gov if gov.pos_ in ("VERB", "AUX") else token.head
            if verb.pos_ in ("VERB", "AUX") and verb.lemma_.lower() in _LEADING_VERBS and token.dep_ != "nsubj":
                # "IVP led the Series B, with participation from X": whoever leads or joins a round is
                # one of its investors, never the company funded
                slots["governor_investor"] = subject_of(verb)
            elif verb.pos_ in ("VERB", "AUX"):
                slots["governor_subj"] = subject_of(verb)
                if token.dep_ == "nsubj":
                    slots["governor_subj"] = [c for c in verb.children if c.dep_ in ("dobj", "attr") or
                                              (c.dep_ == "acomp" and c.pos_ == "PROPN")]
        if token.dep_ == "appos":
            slots.setdefault("governor_subj", []).append(token.head)
        return slots
    if is_passive(token):
        slots["obj"] = passive_object(token)
        preps = prep_objects(token)
        slots["subj"] = preps.pop("by", []) or _distant_agent(token)
        slots.update(preps)
    else:
        slots["subj"] = subject_of(token)
        slots["obj"] = [c for c in token.children if c.dep_ in ("dobj",)] or \
            [c for c in token.children if c.dep_ in ("oprd", "dative") and c.pos_ == "PROPN"]  # "named Shear as ..."
        slots["obj"] = slots["obj"] or _name_read_as_verb(token) or _name_in_predicate(token)
        for obj in slots["obj"]:
            # "invest $1 billion in OpenAI", "took a stake in X": the preposition hangs off the object
            if obj.like_num or obj.lemma_.lower() in _AMOUNT_NOUNS | _SEAT_NOUNS or obj.ent_type_ == "MONEY":
                for name, objects in prep_objects(obj).items():
                    slots.setdefault(name, []).extend(objects)
                    if name == "of":  # "invested a total of $13 billion in OpenAI"
                        for amount in objects:
                            if amount.like_num or amount.ent_type_ == "MONEY":
                                for inner, found in prep_objects(amount).items():
                                    slots.setdefault(inner, []).extend(found)
        if token.dep_ == "relcl" and slots["obj"] and all(o.lower_ in _RELATIVE for o in slots["obj"]):
            slots["obj"] = [token.head]  # "Quorvex, which A and B founded in 2021"
        if not slots["obj"] and token.dep_ == "relcl" and not any(c.dep_ == "dobj" for c in token.children):
            # "the team that OpenAI disbanded"
            if any(c.lower_ in _RELATIVE and c.dep_ == "dobj" for c in token.children) or \
                    any(c.dep_ == "nsubj" and c.lower_ not in _RELATIVE for c in token.children):
                slots["obj"] = [token.head]
        for name, objects in prep_objects(token).items():
            slots.setdefault(name, []).extend(objects)
    slots["predicate"] = [c for c in token.children if c.dep_ in ("oprd", "attr", "xcomp", "ccomp", "acomp", "npadvmod", "dobj")]
    return slots


def _distant_agent(token: Token) -> list[Token]:
    """"was created in 2015 as a nonprofit by Sam Altman": a "by" the parser hung on a phrase of the verb."""
    for prep in token.children:
        if prep.dep_ != "prep":
            continue
        for t in prep.subtree:
            if t.lower_ == "by" and t.dep_ in ("prep", "agent") and t.head.dep_ == "pobj":
                return [p for p in t.children if p.dep_ == "pobj"]
    return []


def _name_in_predicate(token: Token) -> list[Token]:
    """"named Maria Lopez chief executive": the parser hangs the name off the title that follows it."""
    return [g for c in token.children if c.dep_ in ("oprd", "ccomp", "xcomp", "attr", "dobj") and c.i > token.i
            for g in c.children if g.dep_ in ("compound", "nsubj", "nmod") and g.ent_type_ == "PERSON" and g.i < c.i
            and g.i > token.i][:1]


def _name_read_as_verb(token: Token) -> list[Token]:
    """"started Hugging Face in 2016": a capitalized -ing word the parser took for a verb
    ("Hugging" xcomp, "Face" its object) opens a name that is the real object."""
    return [c for c in token.children if c.dep_ == "xcomp" and c.tag_ == "VBG" and c.is_title and c.i > token.i
            and any(g.dep_ == "dobj" and g.pos_ == "PROPN" and g.i == c.i + 1 for g in c.children)]


def conjuncts(token: Token) -> list[Token]:
    """The token and everything coordinated or set in apposition with it ("A, B and C")."""
    out, stack, seen = [], [token], set()
    while stack:
        t = stack.pop()
        if t.i in seen:
            continue
        seen.add(t.i)
        out.append(t)
        for c in t.children:
            if c.dep_ in ("conj", "appos"):
                stack.append(c)
            # "A, Windsurf's chief, and co-founder B", "Quorvex co-founders A and B left": the tagger can
            # take "co-founder" for a verb whose object is B
            if (t.dep_ == "conj" or t.lemma_.lower() in ("co-founder", "cofounder", "founder")) and \
                    t.pos_ == "VERB" and c.dep_ == "dobj" and c.pos_ == "PROPN":
                stack.append(c)
    return sorted(out, key=lambda t: t.i)


def phrase_tokens(token: Token, skip_poss: bool = True) -> list[Token]:
    """The noun phrase of `token` without its clauses (and possessor), head first."""
    out = [token]
    for child in token.children:
        if child.dep_ in _CLAUSE_DEPS or child.dep_ in ("conj", "appos", "prep"):
            continue
        if skip_poss and child.dep_ == "poss":
            continue
        out.extend(t for t in child.subtree)
    return out


def _trailing_names(token: Token) -> list[Token]:
    """"the departures of its co-leads, A and B": names set after a common noun, which the parser
    may hang anywhere; the head word of the first name right after the comma."""
    doc = token.doc
    if token.pos_ != "NOUN" or any(c.dep_ == "appos" for c in token.children):
        return []
    j = token.i + 1
    if j + 1 >= len(doc) or doc[j].text != ",":
        return []
    k = j + 1
    while k < len(doc) and doc[k].pos_ == "PROPN":
        k += 1
    return [doc[k - 1]] if k > j + 1 else []
