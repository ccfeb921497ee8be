"""Each side's demands: the board, the stance matrix, the drafts comparison and the role cards.

All of it is read from positions.toml, stances.toml, drafts.toml and roles.toml. Statuses and stances
are always shown with a word and an icon. Ukraine has a column that stays empty on purpose: the text
gives no Ukrainian position, and the board says so instead of hiding the gap.
"""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from ..core.demands import board, column_of
from ..core.demands import columns as board_columns
from ..core.records import Corpus, Position, Role, Stance
from .render import Static, needs, source_line, table, text_table


@dataclass(frozen=True)
class StatusMeaning:
    """What a status means, and a test a 15-year-old can apply to a sentence (review C10: two of 0.1's statuses
    meant the same in ordinary English, so the key was ambiguous). The tests are tried in order; the first that
    fits decides. The examples are everyday ones on purpose: an example from the text would answer a question."""

    icon: str
    word: str
    means: str
    test: str
    example: str


STATUS: dict[str, StatusMeaning] = {
    "ruled-out": StatusMeaning("✖", "Ruled out", "A side that could say yes has said no.",
                               "Can you point to words of refusal, such as \"no\", \"out of the question\" or "
                               "\"rejected\"?", "The head teacher says a four-day week is out of the question."),
    "open": StatusMeaning("⇄", "Open", "A side offers it, or says it is worth talking about, and no one has refused it.",
                          "Can you point to an offer, a condition for saying yes, or words saying it is worth discussing?",
                          "The head teacher says a later start could work if parents agree."),
    "under-review": StatusMeaning("◔", "Under review", "A side has it in front of them and says it has not decided yet.",
                                  "Does the text say someone is still reading, studying or weighing it?",
                                  "The head teacher is reading the petition and will answer next week."),
    "unclear": StatusMeaning("?", "Unclear", "The text gives it no place in the talks: it is a warning or a forecast, "
                             "not an offer, a refusal or a decision to come.", "None of the three tests above fits.",
                             "A parent warns that students may walk out."),
}
STANCE = {"demanded": ("▲", "demanded"), "rejected": ("✖", "rejected"), "open": ("◆", "open"),
          "silent": ("—", "not in the text")}


def status_label(status: str) -> str:
    """Word first, symbol after: a keyboard user picks an option by typing its first letter (review U1)."""
    meaning = STATUS[status]
    return f"{meaning.word} {meaning.icon}"


def status_key() -> Static:
    """What each status means and how to test for it, in the order the tests are tried."""
    rows = [[status_label(key), m.means, m.test, m.example] for key, m in STATUS.items()]
    header = ["Status", "What it means", "Test (try them in order)", "An everyday example"]
    caption = "Statuses: what each one means, and how to tell"
    return Static(table(escape(caption), header, [[escape(c) for c in row] for row in rows]),
                  caption + "\n\n" + text_table(header, rows))



def _who(corpus: Corpus, voiced_by: tuple[str, ...]) -> str:
    return " and ".join(corpus.actor(a).name for a in voiced_by) or "not attributed in the text"


def _entry(corpus: Corpus, position: Position) -> tuple[str, str]:
    quotes = "; ".join(f"“{e.text}” (P{e.paragraph})" for e in position.evidence)
    note = f" {position.status_note}" if position.status_note else ""
    html = (f'<div class="brink-entry" style="margin-bottom:0.8em"><strong>{escape(status_label(position.status))}</strong>'
            f"<br>{escape(position.summary)}<br><em>In the text:</em> {escape(quotes)}"
            f"<br><em>Who says so:</em> {escape(_who(corpus, position.voiced_by))}.{escape(note)}</div>")
    text = (f"- {status_label(position.status)}: {position.summary}\n  In the text: {quotes}\n"
            f"  Who says so: {_who(corpus, position.voiced_by)}.{note}")
    return html, text


def _empty(corpus: Corpus, side: str) -> str:
    """What an empty column says: nothing with this status, or, for a side the text never gives a position, so."""
    if any(key == side for p in corpus.positions for key in column_of(corpus, p)):
        return "Nothing with this status in the text."
    party = corpus.party(side)
    return party.silent_note or (f"The text gives {party.label} no position of its own. What would you need to know "
                                 "about its view, and where could you find it?")


@needs("positions", "positions.toml", "demands board")
def board_view(corpus: Corpus, side: str | None = None, status: str | None = None) -> Static:
    """The demands board as a four-column table (or fewer, when filtered), with its plain-text twin."""
    columns = board(corpus, side, status)
    names = dict(board_columns(corpus))
    cells_html, blocks = [], []
    for key, entries in columns.items():
        if entries:
            parts = [_entry(corpus, p) for p in entries]
            cells_html.append("".join(h for h, _ in parts))
            blocks.append(f"{names[key]}\n" + "\n".join(t for _, t in parts))
        else:
            empty = _empty(corpus, key)
            cells_html.append(f"<p><em>{escape(empty)}</em></p>")
            blocks.append(f"{names[key]}\n- {empty}")
    filters = [f"side: {names[side]}" if side else "", f"status: {status_label(status)}" if status else ""]
    shown = ", ".join(f for f in filters if f)
    caption = "The demands board: what each side asks, offers or refuses, as the text states it" + (f" ({shown})" if shown else "")
    html = table(escape(caption), [escape(names[k]) for k in columns], [cells_html])
    return Static(html, caption + "\n\n" + "\n\n".join(blocks))


@needs("issues", "stances.toml", "stance matrix")
def stance_table(corpus: Corpus) -> Static:
    """Issues against sides: demanded, rejected, open or silent, each with the words that show it."""
    header = ["Issue", *[name for _, name in board_columns(corpus)]]
    rows = []
    for issue in corpus.issues:
        row = [issue.label]
        for key, _ in board_columns(corpus):
            stance = issue.stance(key)
            icon, words = STANCE[stance.stance]
            row.append(f"{icon} {words}" + _stance_words(corpus, stance))
        rows.append(row)
    caption = "Each side's stance on each issue, as the text shows it (the data behind the matrix)"
    return Static(table(escape(caption), header, [[escape(c) for c in r] for r in rows]),
                  caption + "\n\n" + text_table(header, rows))


def _stance_words(corpus: Corpus, stance: Stance) -> str:
    """The evidence for a stance, who the text lets say it (when not the side itself), and its note."""
    quotes = "; ".join(f"“{e.text}” (P{e.paragraph})" for e in stance.evidence)
    who = f" (said by: {_who(corpus, stance.voiced_by)})" if stance.voiced_by is not None else ""
    note = f". {stance.note}" if stance.note else ""
    return (f": {quotes}" if quotes else "") + who + note


def stance_alt(corpus: Corpus) -> str:
    counts = {key: {s: 0 for s in STANCE} for key, _ in board_columns(corpus)}
    for issue in corpus.issues:
        for key, _ in board_columns(corpus):
            counts[key][issue.stance(key).stance] += 1
    names = dict(board_columns(corpus))
    parts = [f"{names[k]}: " + ", ".join(f"{n} {STANCE[s][1]}" for s, n in c.items() if n) for k, c in counts.items()]
    always_silent = [names[k] for k, c in counts.items() if c["silent"] == len(corpus.issues)]
    return (f"Matrix chart. Rows are {len(corpus.issues)} issues from the text; columns are Russia, the United States, "
            "NATO and Ukraine. Each cell shows a stance by shape and word: triangle for demanded, cross for rejected, "
            "diamond for open, dash for not in the text. " + "; ".join(parts) + "."
            + (f" {' and '.join(always_silent)} {'is' if len(always_silent) == 1 else 'are'} not in the text on any issue."
               if always_silent else ""))


def provision_label(corpus: Corpus, provision) -> str:
    document = corpus.document(provision.document).title
    return f"{document}, Article {provision.article}" if provision.article else f"{document} (no article number given)"


@needs("provisions", "drafts.toml", "comparison with the drafts")
def drafts_table(corpus: Corpus) -> Static:
    """The text's plain-words summary of each demand next to the draft provisions it stands for."""
    header = ["In the text", corpus.drafts_heading, "Source"]
    rows, html_rows = [], []
    for provision in corpus.provisions:
        reported = [corpus.position(p) for p in provision.reported_as]
        in_text = "; ".join(f"“{p.evidence[0].text}” (P{p.evidence[0].paragraph})" for p in reported) \
            or "Not mentioned in the text"
        draft = f"{provision_label(corpus, provision)}: {provision.summary}"
        if provision.wording:
            draft += f" Wording: “{provision.wording}”"
        lines = [source_line(s) for s in provision.sources]
        rows.append([in_text, draft, "; ".join(t for _, t in lines) + f" ({provision.confidence} confidence)"])
        html_rows.append([escape(in_text), escape(draft), "<br>".join(h for h, _ in lines)
                          + escape(f" ({provision.confidence} confidence)")])
    caption = "The demands as the text reports them, and as Russia's drafts wrote them"
    return Static(table(escape(caption), header, html_rows), caption + "\n\n" + text_table(header, rows))


def role_card(corpus: Corpus, role: Role) -> Static:
    evidence = "; ".join(f"“{e.text}” (P{e.paragraph})" for e in role.evidence)
    own = [corpus.primary_source(d) for d in role.documents]
    said = [(f"{d.issuer}, {d.date.day} {d.date:%B %Y}: “{d.quote}”", d.url) for d in own]
    own_html = ("<p><em>Your side's own words in those days (from its documents, notebook 04):</em></p><ul>"
                + "".join(f'<li>{escape(words)} <a href="{escape(url)}">{escape(url)}</a></li>' for words, url in said)
                + "</ul>") if said else ""
    html = (f'<div class="brink-role" style="border:1px solid #555;padding:0.4em 1em;margin:0.6em 0">'
            f"<p><strong>{escape(role.title)}</strong></p><p><em>What the text tells you about your side:</em></p><ul>"
            + "".join(f"<li>{escape(g)}</li>" for g in role.goals) + "</ul>" + own_html
            + "<p><em>Issues to weigh:</em></p><ul>"
            + "".join(f"<li>{escape(i)}</li>" for i in role.issues) + f"</ul><p><em>Evidence in the text:</em> "
            f"{escape(evidence)}</p></div>")
    own_text = ("\nYour side's own words in those days (from its documents, notebook 04):\n"
                + "\n".join(f"- {words} {url}" for words, url in said)) if said else ""
    text = (f"{role.title}\nWhat the text tells you about your side:\n" + "\n".join(f"- {g}" for g in role.goals)
            + own_text + "\nIssues to weigh:\n" + "\n".join(f"- {i}" for i in role.issues)
            + f"\nEvidence in the text: {evidence}")
    return Static(html, text)


@needs("roles", "roles.toml", "role cards")
def role_cards(corpus: Corpus) -> Static:
    cards = [role_card(corpus, r) for r in corpus.roles]
    return Static("".join(c.html for c in cards), "\n\n".join(c.text for c in cards))
