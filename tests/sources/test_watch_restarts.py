"""`exodus watch --once` killed with SIGKILL at 10 points and started again ends with the store one
uninterrupted run gives, and fetches nothing twice that the server said was unchanged (304) or that
was stored.

The kill points are deterministic: every answer of the server waits a moment, and a run is killed
as soon as the server has received its k-th request (robots.txt aside), while it waits for that
answer. The points are chosen so that runs die at the feed before and after its first whole fetch,
at an article's fetch before any article is stored, in the middle of the queue, and at the last
article more than once; the eleventh run completes.
"""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

from tests.sources.watch_site import FEED, FEED_ETAG, QUICK_ENV, STORIES, serve_site, story_path, watched
from tests.store.test_crash_safety import dump

# The k-th request (robots.txt aside) at which each killed run dies: 1 is the feed, 2 the first article
# still queued, and so on. With 5 stories: the feed fetched whole (no validators yet), then 304s.
KILL_AT = [1, 2, 3, 2, 3, 4, 2, 1, 2, 2]
DELAY = 0.5  # seconds every answer waits: the kill always lands while the run waits for it


def start_watch(feed: str, db: Path) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "exodus", "watch", feed, "--once", "--allow-host", "127.0.0.1",
                             "--db", str(db)], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                            env={**os.environ, **QUICK_ENV}, start_new_session=True)


def requests_since(server, start: int) -> list:
    return [r for r in server.requests[start:] if r.path != "/robots.txt"]


def run_to_the_end(server, feed: str, db: Path) -> str:
    process = start_watch(feed, db)
    out, err = process.communicate(timeout=300)
    assert process.returncode == 0, err
    assert err == ""
    return out


def killed_at(server, feed: str, db: Path, k: int) -> str:
    """Run until the server received the run's k-th request, SIGKILL it then; the path it waited for."""
    start = len(server.requests)
    process = start_watch(feed, db)
    deadline = time.monotonic() + 300
    while len(requests_since(server, start)) < k:
        if process.poll() is not None or time.monotonic() > deadline:
            process.kill()
            raise AssertionError(f"the run ended before its request {k}: {process.communicate()}")
        time.sleep(0.005)
    os.killpg(process.pid, signal.SIGKILL)
    process.communicate(timeout=60)
    assert process.returncode == -signal.SIGKILL
    return requests_since(server, start)[k - 1].path


def test_killed_watch_runs_end_like_one_uninterrupted_run(http_server, tmp_path):
    feed = serve_site(http_server, delay=DELAY)
    clean = tmp_path / "clean.db"
    out = run_to_the_end(http_server, feed, clean)
    assert f" {len(STORIES)} new, " in out
    expected = dump(clean)
    assert expected["integrity"] == "ok" and len(expected["documents"]) == len(STORIES) and expected["facts"]

    start = len(http_server.requests)
    db = tmp_path / "killed.db"
    in_flight = [killed_at(http_server, feed, db, k) for k in KILL_AT]
    assert len(in_flight) == 10
    out = run_to_the_end(http_server, feed, db)
    assert len(out.strip().splitlines()) == 1 and " 0 errors" in out

    assert dump(db) == expected
    assert watched(db) == watched(clean)
    log = requests_since(http_server, start)
    # The kills fell on the feed and on articles both, some on an article more than once.
    assert in_flight.count(FEED) >= 2 and len(set(in_flight) - {FEED}) >= 3
    assert max(in_flight.count(p) for p in set(in_flight) - {FEED}) >= 2
    # The feed: fetched whole only until a whole answer was stored (at most once more than the runs
    # killed while waiting for it before that); from the first 304 on, every request sent its ETag
    # back and got a 304 again: nothing the server said was unchanged was fetched twice.
    sent_etag = [r.headers.get("if-none-match") == FEED_ETAG for r in log if r.path == FEED]
    whole = sent_etag.index(True)
    assert all(sent_etag[whole:]) and not any(sent_etag[:whole])
    first_whole = next(n for n, path in enumerate(in_flight + [None]) if path != FEED)
    assert 1 <= whole <= first_whole + 1
    # An article is fetched once, and again only for a run killed while waiting for it.
    for slug, *_ in STORIES:
        path = story_path(slug)
        assert 1 <= len([r for r in log if r.path == path]) <= 1 + in_flight.count(path), path
