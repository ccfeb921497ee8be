"""`python -m brink new FOLDER`: a starter data folder for a teacher's own text.

It writes the four required files with a commented example in each and a placeholder wherever something has to
be filled in ("TODO: …"). `python -m brink check FOLDER` then names each placeholder, file by file, until the
folder is valid. Every other file (time expressions, positions, events, hedges …) can be added later: the views
say which file they need.
"""

from __future__ import annotations

from pathlib import Path

from ..core.fields import PLACEHOLDER

FILES = {
    "article.txt": f"""{PLACEHOLDER} paste the text here, one paragraph per line, in place of these two lines.
Keep the words exactly as published: every piece of evidence is checked against them.
""",
    "article.toml": f'''# Where the text comes from. Required: outlet, published, rights. Everything else is optional; see docs/data.md.
[article]
outlet = "{PLACEHOLDER} who published the text, e.g. a newspaper, a ministry or a broadcaster"
published = "{PLACEHOLDER} the date it was published, written like 2022-01-28 (no quotes)"
rights = "{PLACEHOLDER} who holds the rights, and why a class may read it here"
# published_time = "08:38"          # 24-hour clock in time_zone; leave it out when not known
# time_zone = "America/New_York"    # an IANA zone name
# genre = "news report"             # news report, transcript, speech, statement, readout …
# narrator = "the reporter"         # how the text's own voice is named: "the speaker", "the ministry" …
# url = "https://…"
''',
    "actors.toml": f'''# Everyone the text refers to. `references` are words that occur in the text exactly.
# The narrator (the reporter, the speaker …) is an actor too: the statements of the text's own voice are theirs.

[[actor]]
id = "narrator"
name = "{PLACEHOLDER} who wrote or spoke the text, e.g. The reporter"
kind = "media"                # person | state | organisation | group | institution | media | place
side = "media"                # russia | us | nato | us-nato | ukraine | west | media | none
role = "{PLACEHOLDER} one sentence on who they are"
references = []
speaks = true

# [[actor]]
# id = "mayor"
# name = "Jane Doe"
# kind = "person"
# side = "none"
# role = "Mayor of the town"
# references = ["Mayor Jane Doe", "Doe"]
# speaks = true
''',
    "statements.toml": f'''# Every statement the text attributes to someone, the narrator included.
#   form: quote | partial-quote | paraphrase | narration;  verb: the reporting verb as printed (not for narration)
#   evidence: words copied exactly from article.txt;  fidelity: confirmed | consistent | partly-confirmed | loose |
#   unconfirmed | not-applicable

[[statement]]
id = "s01"
speakers = ["narrator"]
form = "narration"
evidence = "{PLACEHOLDER} copy one sentence of the text's own voice here, exactly"
fidelity = "not-applicable"
''',
}


def write_starter(folder: Path) -> list[Path]:
    """Write the starter files into ``folder`` (which must be new or empty); return what was written."""
    if folder.exists() and any(folder.iterdir()):
        raise FileExistsError(f"{folder} is not empty: choose a new folder, so nothing of yours is overwritten")
    folder.mkdir(parents=True, exist_ok=True)
    written = []
    for name, text in FILES.items():
        path = folder / name
        path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
