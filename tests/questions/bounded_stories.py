"""Articles of the kinds that tell time only by their own date, written by hand (shared by the question, CLI
and web tests of report dates, bounds and reversed moves)."""
from exodus.store import ingest_extracted, open_store
from exodus.store.handmade import story


def founders_and_the_november_weekend():
    """OpenAI's founding (two founders), one founder gone "years ago" as an article of 2024-08-09 tells it,
    the firing of Sam Altman, Microsoft's announcement that he would join it, his return two days later,
    and a director reported on the board on 2024-05-29."""
    return [
        story("launch", "2015-12-12",
              ("founded", "Vicki Cheung co-founded OpenAI in December 2015",
               {"person": "Vicki Cheung", "org": "OpenAI", "date": "2015-12"}),
              ("founded", "Sam Altman co-founded OpenAI in December 2015",
               {"person": "Sam Altman", "org": "OpenAI", "date": "2015-12"})),
        story("fired", "2023-11-18",
              ("left", "The board fired Sam Altman on Friday",
               {"person": "Sam Altman", "org": "OpenAI", "date": "2023-11-17", "reasons": ["dismissed"]})),
        story("microsoft", "2023-11-20",
              ("joined", "Sam Altman would join Microsoft to lead a new research team",
               {"person": "Sam Altman", "org": "Microsoft"})),
        story("back", "2023-11-22",
              ("joined", "Sam Altman will return as chief executive of OpenAI",
               {"person": "Sam Altman", "org": "OpenAI", "date": "2023-11", "role": "chief executive"})),
        story("board", "2024-05-29",
              ("member", "Nicole Seligman is a director on OpenAI's board",
               {"person": "Nicole Seligman", "org": "OpenAI", "group": "board"})),
        story("founders", "2024-08-09",
              ("left", "Cheung moved on years ago", {"person": "Vicki Cheung", "org": "OpenAI"})),
        # A move that was not undone: it stays a move.
        story("hire", "2024-03-20",
              ("left", "Mustafa Suleyman left Inflection AI on Tuesday",
               {"person": "Mustafa Suleyman", "org": "Inflection AI", "date": "2024-03-19"}),
              ("joined", "Microsoft hired Mustafa Suleyman",
               {"person": "Mustafa Suleyman", "org": "Microsoft", "date": "2024-03-19"})),
    ]


def build(path, stories=None):
    with open_store(path) as store:
        report = ingest_extracted(store, stories or founders_and_the_november_weekend())
        assert not report.rejected, report.rejected
        store.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    return path
