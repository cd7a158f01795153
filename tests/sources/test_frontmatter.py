"""Front matter: a `---` block of `key: value` lines at the top of a Markdown or text article."""
from __future__ import annotations

import string

from hypothesis import given
from hypothesis import strategies as st

from exodus.sources.frontmatter import split_front_matter

keys = st.text(string.ascii_lowercase + "_", min_size=1, max_size=12).filter(lambda k: not k.startswith("-"))
# One-line values: any printable text without line breaks, as `key: value` keeps it.
values = (st.text(st.characters(blacklist_categories=("Cc", "Cs", "Zl", "Zp"),
                                blacklist_characters="\x85"), max_size=40)
          .map(str.strip)
          .filter(lambda v: not (len(v) >= 2 and v[0] == v[-1] and v[0] in "'\"")))
bodies = st.text(max_size=200)


def with_front_matter(meta: dict[str, str], body: str, newline: str = "\n") -> str:
    lines = ["---", *(f"{k}: {v}" for k, v in meta.items()), "---"]
    return newline.join(lines) + newline + body


@given(st.dictionaries(keys, values, max_size=6), bodies)
def test_front_matter_round_trips(meta, body):
    assert split_front_matter(with_front_matter(meta, body)) == (meta, body)


@given(st.dictionaries(keys, values, max_size=6), bodies)
def test_front_matter_with_windows_line_endings_round_trips(meta, body):
    assert split_front_matter(with_front_matter(meta, body, "\r\n")) == (meta, body)


@given(bodies.filter(lambda b: not b.startswith("---")))
def test_text_without_front_matter_is_all_body(body):
    assert split_front_matter(body) == ({}, body)


@given(keys, values, st.sampled_from("'\""))
def test_quoted_values_lose_their_quotes(key, value, quote):
    meta, body = split_front_matter(f"---\n{key}: {quote}{value}{quote}\n---\nText.")
    assert meta == {key: value}
    assert body == "Text."


def test_keys_are_lowercased_and_lines_without_a_colon_ignored():
    meta, body = split_front_matter("---\nTitle: OpenAI's board\njust a line\nURL: https://x.org/a:b\n---\nBody")
    assert meta == {"title": "OpenAI's board", "url": "https://x.org/a:b"}
    assert body == "Body"


def test_unclosed_block_is_body():
    text = "---\ntitle: never closed\nBody text"
    assert split_front_matter(text) == ({}, text)
