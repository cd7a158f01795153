"""Money amounts: what a news story writes parses back to its value and currency."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exodus.extraction.money import find_amounts, parse_amount

SCALES = {"trillion": 1e12, "billion": 1e9, "million": 1e6, "tn": 1e12, "bn": 1e9, "m": 1e6}
SYMBOLS = {"$": "USD", "£": "GBP", "€": "EUR", "US$": "USD"}
WORDS = {"dollars": "USD", "pounds": "GBP", "euros": "EUR"}

# A mantissa as newsrooms write it: 4, 600, 1.13, 6.6
mantissas = st.builds(lambda whole, cents: (f"{whole}.{cents:02d}".rstrip("0").rstrip(".") if cents else str(whole)),
                      st.integers(1, 999), st.one_of(st.just(0), st.integers(1, 99)))


def sentence(amount: str) -> str:
    return f"Microsoft agreed to invest {amount} in OpenAI, people familiar said."


def only_amount(text: str):
    found = find_amounts(text)
    assert len(found) == 1, (text, found)
    start, end, amount = found[0]
    return text[start:end], amount


@given(mantissas, st.sampled_from(sorted(SCALES)), st.sampled_from(sorted(SYMBOLS)), st.booleans())
def test_symbol_amounts_parse_back(mantissa, scale, symbol, space):
    gap = " " if space or scale in ("trillion", "billion", "million") else ""
    written = f"{symbol}{mantissa}{gap}{scale}"
    span, amount = only_amount(sentence(written))
    assert span.strip() == written
    assert amount.value == pytest.approx(float(mantissa) * SCALES[scale], rel=1e-9)
    assert amount.currency == SYMBOLS[symbol]


@given(mantissas, st.sampled_from(["trillion", "billion", "million"]), st.sampled_from(sorted(WORDS)))
def test_amounts_in_words_parse_back(mantissa, scale, word):
    _, amount = only_amount(sentence(f"{mantissa} {scale} {word}"))
    assert amount.value == pytest.approx(float(mantissa) * SCALES[scale], rel=1e-9)
    assert amount.currency == WORDS[word]


@given(mantissas, st.sampled_from(["bn", "tn"]))
def test_bare_bn_is_money_in_dollars(mantissa, scale):
    _, amount = only_amount(sentence(f"{mantissa}{scale}"))
    assert amount.value == pytest.approx(float(mantissa) * SCALES[scale], rel=1e-9)
    assert amount.currency == "USD"


@given(st.integers(1, 10**12), st.sampled_from(sorted(SYMBOLS)))
def test_thousands_separators_parse_back(value, symbol):
    _, amount = only_amount(sentence(f"{symbol}{value:,}"))
    assert amount.value == value


@given(st.integers(0, 10**9))
def test_bare_numbers_are_not_money(number):
    assert find_amounts(f"The lab hired {number} researchers in {number % 2000 + 1990}.") == []


def test_examples():
    assert parse_amount("$4 billion").value == 4e9
    assert (parse_amount("£600m").value, parse_amount("£600m").currency) == (6e8, "GBP")
    assert parse_amount("a $1.13bn round").value == pytest.approx(1.13e9)
    assert parse_amount("no money here") is None
