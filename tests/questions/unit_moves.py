"""A small hand-made store of moves between units and their parents (Google Brain, Google DeepMind, Google,
Alphabet; Microsoft AI, Microsoft), for the tests of `part_of`, `exodus org link` and `--rollup`."""
from exodus.store.handmade import story


def unit_moves() -> list:
    """Seven moves; with rollup, two are inside Alphabet or Microsoft and two become Alphabet -> OpenAI."""
    return [
        story("brain-to-deepmind", "2023-05-01",
              ("left", "Ada Quill left Google Brain", dict(person="Ada Quill", org="Google Brain", date="2023-04")),
              ("joined", "Ada Quill joined Google DeepMind",
               dict(person="Ada Quill", org="Google DeepMind", date="2023-04"))),
        story("deepmind-to-openai", "2024-05-01",
              ("left", "Bo Reed left Google DeepMind", dict(person="Bo Reed", org="Google DeepMind", date="2024-04")),
              ("joined", "Bo Reed joined OpenAI", dict(person="Bo Reed", org="OpenAI", date="2024-05"))),
        story("brain-to-openai", "2022-03-01",
              ("left", "Cy Lamb left Google Brain", dict(person="Cy Lamb", org="Google Brain", date="2022-02")),
              ("joined", "Cy Lamb joined OpenAI", dict(person="Cy Lamb", org="OpenAI", date="2022-03"))),
        story("google-to-anthropic", "2024-03-01",
              ("left", "Di Moss left Google", dict(person="Di Moss", org="Google", date="2024-02",
                                                   reasons=["safety"])),
              ("joined", "Di Moss joined Anthropic", dict(person="Di Moss", org="Anthropic", date="2024-03"))),
        story("openai-to-microsoft-ai", "2024-07-01",
              ("left", "Ed Park left OpenAI", dict(person="Ed Park", org="OpenAI", date="2024-06")),
              ("joined", "Ed Park joined Microsoft AI", dict(person="Ed Park", org="Microsoft AI", date="2024-07"))),
        story("microsoft-to-microsoft-ai", "2024-03-20",
              ("left", "Fay Holt left Microsoft", dict(person="Fay Holt", org="Microsoft", date="2024-03")),
              ("joined", "Fay Holt joined Microsoft AI", dict(person="Fay Holt", org="Microsoft AI", date="2024-03"))),
        story("alphabet-to-quill", "2021-06-01",
              ("left", "Gil Ortiz left Alphabet", dict(person="Gil Ortiz", org="Alphabet", date="2021-05")),
              ("joined", "Gil Ortiz joined Quill Labs", dict(person="Gil Ortiz", org="Quill Labs", date="2021-06")),
              ("member", "Gil Ortiz sat on the Quill Labs safety board",
               dict(person="Gil Ortiz", org="Quill Labs", group="Safety Board"))),
        story("msl-role", "2025-08-01",  # a unit whose parent (Meta) is not in the store
              ("role", "Ivy Chen leads research at Meta Superintelligence Labs",
               dict(person="Ivy Chen", org="Meta Superintelligence Labs", role="head of research"))),
    ]
