"""Lookup keys for names: the forms under which variant spellings meet."""
from __future__ import annotations

import re
from functools import lru_cache

from exodus.extraction.lexicon import fold_name

# Legal suffixes that do not change which company is meant.
_COMPANY_SUFFIXES = {"inc", "llc", "ltd", "corp", "corporation", "co", "plc", "gmbh", "pbc", "lp", "sa"}
# Words that do not tell one committee or team from another.
_GROUP_FILLER = {"the", "a", "an", "of", "and", "for", "on", "its", "new", "full", "entire", "whole",
                 "initial", "current"}
_GROUP_KINDS = {"team", "committee", "board", "group", "council", "unit", "lab", "division"}


@lru_cache(maxsize=65536)  # resolution asks for the same few names again and again
def person_key(name: str) -> str:
    """'Diederik P. Kingma' and 'Diederik Kingma' meet; initials and suffixes are dropped."""
    words = [w for w in fold_name(name).split() if len(w) > 1 and w not in {"jr", "sr", "dr", "mr", "ms"}]
    return " ".join(words) or fold_name(name)


@lru_cache(maxsize=65536)
def org_key(name: str) -> str:
    """'OpenAI's', 'OpenAI Inc.' and 'openai' meet."""
    words = fold_name(name).split()
    while len(words) > 1 and words[-1] in _COMPANY_SUFFIXES:
        words.pop()
    if len(words) > 1 and words[0] == "the":
        words.pop(0)
    return " ".join(words)


def group_key(name: str, org_name: str | None = None) -> str:
    """'the Superalignment team' and 'Superalignment' meet; the board stays 'board'."""
    words = [w for w in fold_name(name).split() if w not in _GROUP_FILLER]
    if org_name:
        org_words = set(org_key(org_name).split())
        words = [w for w in words if w not in org_words] or words
    content = [w for w in words if w not in _GROUP_KINDS]
    return " ".join(content or words)


def surname(name: str) -> str | None:
    """The last word of a multi-word person key, or None for a single word."""
    words = person_key(name).split()
    return words[-1] if len(words) > 1 else None


def is_single_word(name: str) -> bool:
    return len(person_key(name).split()) == 1


def clean_display(name: str) -> str:
    """A name as it is shown: possessive dropped, spaces collapsed."""
    name = re.sub(r"[\u2019']s$", "", name.strip())
    return " ".join(name.split())


def group_display(name: str) -> str:
    """A group's name as it is shown: 'the initial board' and 'its full board' are 'board'."""
    words = clean_display(name).split()
    while len(words) > 1 and words[0].lower() in _GROUP_FILLER:
        words.pop(0)
    return " ".join(words)
