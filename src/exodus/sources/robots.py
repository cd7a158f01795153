"""robots.txt: what a host allows Exodus to fetch (RFC 9309, through `urllib.robotparser`).

Fetching the file is the fetcher's (through the same SSRF guard as every request); this module
turns what came back into rules: a robots.txt that is missing (4xx) allows everything, one that
cannot be read (a 5xx, no connection) allows nothing, as the RFC asks.
"""
from __future__ import annotations

import urllib.robotparser
from dataclasses import dataclass

ROBOTS_AGENT = "Exodus"
"""The product token robots.txt rules name to address Exodus (`User-agent: Exodus`)."""
ROBOTS_MAX_BYTES = 512 * 1024
"""RFC 9309: a crawler must read at least 500 KiB of a robots.txt."""


@dataclass(frozen=True)
class RobotsRules:
    """The rules of one origin (`https://host[:port]`)."""

    origin: str
    parser: urllib.robotparser.RobotFileParser | None
    """None when the robots.txt could not be read: then nothing is allowed."""
    unreadable: str | None = None
    """Why it could not be read."""

    def refusal(self, url: str) -> str | None:
        """Why `url` may not be fetched, or None when it may."""
        if self.parser is None:
            return f"robots.txt of {self.origin} could not be read ({self.unreadable}); not fetched"
        if not self.parser.can_fetch(ROBOTS_AGENT, url):
            return f"robots.txt of {self.origin} disallows it; not fetched"
        return None

    @property
    def crawl_delay(self) -> float | None:
        """The Crawl-delay (seconds) the rules ask of Exodus, if any."""
        delay = self.parser.crawl_delay(ROBOTS_AGENT) if self.parser is not None else None
        return float(delay) if delay is not None else None


def robots_url(origin: str) -> str:
    return f"{origin}/robots.txt"


def parse_robots(origin: str, body: bytes) -> RobotsRules:
    """The rules of a robots.txt that was read (a missing one: `body` b"", everything allowed)."""
    parser = urllib.robotparser.RobotFileParser()
    parser.parse(body.decode("utf-8", "replace").splitlines())
    return RobotsRules(origin, parser)


def unreadable_robots(origin: str, problem: str) -> RobotsRules:
    return RobotsRules(origin, None, problem)
