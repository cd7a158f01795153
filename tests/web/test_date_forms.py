"""The dashboard's date forms send every field, filled or not: empty fields mean no date, and a wrong
date is answered in words, never with a regular expression."""
from __future__ import annotations

import pytest

FORMS = [
    "/?since=2024-01&until=",          # only "From" filled
    "/?since=&until=2024-06",          # only "To" filled
    "/?since=&until=",                 # both empty
    "/org/OpenAI?as_of=",              # "As of" cleared
]


@pytest.mark.parametrize("url", FORMS)
def test_a_form_with_empty_fields_is_answered(client, url):
    response = client.get(url, headers={"accept": "text/html"})
    assert response.status_code in (200, 404), response.text[:500]  # 404: a store without OpenAI
    assert "pattern" not in response.text and "\\d{4}" not in response.text


@pytest.mark.parametrize("url, value", [("/?since=2024-13&until=", "2024-13"), ("/org/OpenAI?as_of=soon", "soon")])
def test_a_wrong_date_is_explained_in_words(client, url, value):
    response = client.get(url, headers={"accept": "text/html"})
    assert response.status_code == 422
    assert f"&#39;{value}&#39; is not a date; use ISO: 2024, 2024-05 or 2024-05-28" in response.text
    assert "\\d{4}" not in response.text and "Value error" not in response.text
