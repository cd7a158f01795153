"""Date resolution: absolute dates round-trip, relative ones look back from the publication date."""
from __future__ import annotations

import calendar
import re
from datetime import date

from hypothesis import given
from hypothesis import strategies as st

from exodus.extraction.dates import find_dates, parse_iso, resolve_date

dates = st.dates(min_value=date(1900, 1, 1), max_value=date(2099, 12, 31))
ISO = re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$")


def month_name(d: date) -> str:
    return calendar.month_name[d.month]


def month_abbr(d: date) -> str:
    return calendar.month_abbr[d.month]


DAY_FORMATS = [
    lambda d: d.isoformat(),
    lambda d: f"{month_name(d)} {d.day}, {d.year}",
    lambda d: f"{month_name(d)} {d.day} {d.year}",
    lambda d: f"{d.day} {month_name(d)} {d.year}",
    lambda d: f"{month_abbr(d)}. {d.day}, {d.year}",
    lambda d: f"{month_abbr(d)} {d.day}, {d.year}",
    lambda d: f"on {month_name(d)} {d.day}, {d.year}, the company said",
]


def anchors(precision: int | None = None):
    """ISO anchors ("2024", "2024-05", "2024-05-28") at one precision or any."""
    chosen = st.sampled_from([1, 2, 3]) if precision is None else st.just(precision)
    return st.tuples(dates, chosen).map(lambda p: p[0].isoformat()[: {1: 4, 2: 7, 3: 10}[p[1]]])


@given(dates, st.sampled_from(DAY_FORMATS), st.one_of(st.none(), anchors()))
def test_absolute_day_round_trips_in_any_format(day, fmt, anchor):
    assert resolve_date(fmt(day), anchor) == day.isoformat()


@given(dates, st.sampled_from([month_name, month_abbr]), st.one_of(st.none(), anchors()))
def test_month_and_year_resolve_to_the_month(day, name, anchor):
    assert resolve_date(f"in {name(day)} {day.year}", anchor) == day.isoformat()[:7]


@given(dates, st.one_of(st.none(), anchors()))
def test_year_alone_resolves_to_the_year(day, anchor):
    assert resolve_date(f"founded in {day.year}", anchor) == str(day.year)


LOOKING_BACK = st.one_of(
    st.sampled_from(["last week", "last month", "last year", "yesterday", "a year earlier",
                     "late last year", "late last month"]),
    st.builds(lambda n, unit: f"{n} {unit}{'s' * (n != 1)} ago", st.integers(1, 30),
              st.sampled_from(["day", "week", "month", "year"])),
    st.builds(lambda day: f"last {day}", st.sampled_from(list(calendar.day_name))),
    st.builds(lambda month: f"last {month}", st.sampled_from(list(calendar.month_name)[1:])),
)


def not_after(result: str, anchor: str) -> bool:
    """`result` does not lie after `anchor`, compared at the coarser of their precisions."""
    n = min(len(result), len(anchor))
    return result[:n] <= anchor[:n]


@given(LOOKING_BACK, anchors())
def test_last_and_ago_are_never_after_the_publication_date(phrase, anchor):
    result = resolve_date(phrase, anchor)
    if result is not None:
        assert not_after(result, anchor), (phrase, anchor, result)


# Phrases that only count back from the publication date: they cannot be more precise than it.
PURELY_RELATIVE = st.one_of(
    LOOKING_BACK.filter(lambda p: not any(m in p for m in calendar.month_name[1:])),
    st.sampled_from(["today", "this week", "this month", "earlier this month", "this year",
                     "earlier this year", "on Monday", "on Friday", "three weeks ago"]),
)
# Phrases that name a month (and day) but take the year from the publication date.
CALENDAR_WITHOUT_YEAR = st.sampled_from([("in March", 2), ("last March", 2), ("next June", 2),
                                         ("on June 3", 3), ("on 14 February", 3)])


def precision(value: str) -> int:
    parsed = parse_iso(value)
    assert parsed is not None and ISO.match(value), value
    return parsed[1]


@given(PURELY_RELATIVE, anchors())
def test_relative_dates_are_valid_iso_no_finer_than_the_anchor(phrase, anchor):
    result = resolve_date(phrase, anchor)
    if result is not None:
        assert precision(result) <= precision(anchor), (phrase, anchor, result)


@given(CALENDAR_WITHOUT_YEAR, anchors())
def test_month_names_without_year_are_valid_iso_no_finer_than_stated(phrase_and_precision, anchor):
    phrase, stated = phrase_and_precision
    result = resolve_date(phrase, anchor)
    if result is not None:
        assert precision(result) <= stated, (phrase, anchor, result)
        assert precision(anchor) >= 2  # the year is only known from a month-precise anchor
        assert not_after(result, anchor) or phrase.startswith("next")


@given(st.one_of(PURELY_RELATIVE, CALENDAR_WITHOUT_YEAR.map(lambda p: p[0])))
def test_relative_dates_without_an_anchor_stay_unresolved(phrase):
    assert resolve_date(phrase, None) is None


def test_relative_examples():
    assert resolve_date("last month", "2024-06-03") == "2024-05"
    assert resolve_date("earlier this year", "2024-06-03") == "2024"
    assert resolve_date("on Tuesday", "2024-05-29") == "2024-05-28"
    assert resolve_date("last month", "2024") is None  # the anchor does not say which month


@given(st.lists(st.sampled_from(["In May", "on Friday", "March 3, 2025", "last year", "the team", "by Jan Leike",
                                 "2021", "said", "in 2019 and 2020", "Jan."]), max_size=8), anchors())
def test_found_dates_are_ordered_disjoint_spans_that_resolve_alone(words, anchor):
    text = " ".join(words)
    found = find_dates(text, anchor)
    assert [f[0] for f in found] == sorted(f[0] for f in found)
    for (s1, e1, _), (s2, _, _) in zip(found, found[1:]):
        assert e1 <= s2
    for start, end, iso in found:
        assert ISO.match(iso)
        assert resolve_date(text[start:end], anchor) == iso


def test_an_abbreviated_month_before_a_capitalized_word_is_a_first_name():
    assert resolve_date("concerns raised by Jan Leike", "2024-05-20") is None
    assert resolve_date("by Jan 5", "2024-05-20") == "2024-01-05"
    assert resolve_date("in January", "2024-05-20") == "2024-01"


def test_future_events_take_the_next_month_or_weekday():
    from exodus.extraction.dates import resolve_date
    assert resolve_date("in June", "2024-05-14", future=True) == "2024-06"
    assert resolve_date("in March", "2024-05-14", future=True) == "2025-03"
    assert resolve_date("in March", "2024-05-14") == "2024-03"
    assert resolve_date("on Friday", "2024-05-14", future=True) == "2024-05-17"
    assert resolve_date("on Friday", "2024-05-14") == "2024-05-10"
    assert resolve_date("last March", "2024-05-14", future=True) == "2024-03"


def test_a_reporting_verbs_date_stays_past(rules_extractor):
    from tests.extraction.golden import assert_article
    assert_article(rules_extractor, "Maria Lopez, Google's chief financial officer, will retire in June. Amazon will "
                   "invest $4 billion in Anthropic, the companies said on Friday.", "2024-05-14",
                   must=[{"kind": "left", "person": "Maria Lopez", "org": "Google", "date": "2024-06"},
                         {"kind": "invested", "investor": "Amazon", "investee": "Anthropic", "date": "2024-05-10"}],
                   must_not=[])


def test_a_date_inside_the_subject_is_not_the_events(rules_extractor):
    from tests.extraction.golden import assert_article
    assert_article(rules_extractor, "Alec Radford, first author of the 2018 paper that introduced GPT, is departing "
                   "OpenAI, according to a report on Thursday.", "2024-12-20",
                   must=[{"kind": "left", "person": "Alec Radford", "org": "OpenAI"}],
                   must_not=[{"kind": "left", "date": "2018"}])


def test_a_wire_datelines_round_is_dated_by_its_report(rules_extractor):
    from tests.extraction.golden import assert_article
    assert_article(rules_extractor, "MOUNTAIN VIEW, Calif., Aug 6 — Groq, a startup that designs chips, has raised "
                   "$640 million in a Series D round led by BlackRock, it said on Monday.", "2024-08-06",
                   must=[{"kind": "invested", "investor": "BlackRock", "investee": "Groq", "date": "2024-08-05"}],
                   must_not=[])
