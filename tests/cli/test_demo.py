"""`exodus demo`: the bundled sample corpus, found inside the installed package, as a table."""
from __future__ import annotations

import re

from exodus.cli.demo import sample_articles
from exodus.cli.main import main


def test_sample_corpus_is_found_through_package_resources():
    with sample_articles() as folder:
        articles = sorted(folder.glob("*.md"))
    assert len(articles) >= 50


def test_demo_prints_facts_grouped_by_sample_article(capsys, rules_extractor):
    assert main(["demo"]) == 0
    out, err = capsys.readouterr()
    assert err == ""
    headers = re.findall(r"^sample-\d+ \| ", out, flags=re.M)
    assert len(headers) >= 50
    summary = re.search(r"^(\d+) documents, (\d+) facts$", out, flags=re.M)
    assert summary and int(summary.group(1)) == len(headers) and int(summary.group(2)) > 50
    assert re.search(r"^  (joined|left|founded) ", out, flags=re.M)
