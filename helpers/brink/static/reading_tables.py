"""Tables for the close-reading notebook: sentence types, reporting verbs, hedges, quotation checks.

Each is a :class:`~brink.static.render.Static` (HTML plus plain text), built from the data, so the notebook,
the handouts and the teacher guide show the same thing.
"""

from __future__ import annotations

from html import escape

from ..core.reading import narrated, sentence_label, sentences
from ..core.records import Corpus
from .render import Static, needs, source_line, table, text_table

VERB_KIND_LABELS = {
    "neutral": "neutral",
    "framing": "frames a claim as one side's case",
    "presupposition": "takes something for granted",
    "inference": "{narrator_plural} read a signal",  # a template: verbs_table fills in the narrator
    "emotion": "names a feeling",
}


def _static(caption: str, header: list[str], rows: list[list[str]], html_rows: list[list[str]] | None = None) -> Static:
    html_rows = html_rows or [[escape(c) for c in row] for row in rows]
    return Static(table(escape(caption), header, html_rows), caption + "\n\n" + text_table(header, rows))


def sentences_table(corpus: Corpus) -> Static:
    """All the text's sentences with the way each presents its words (computed from the statements)."""
    rows = [[f"P{s.paragraph}", s.text, sentence_label(corpus, s.type)] for s in sentences(corpus)]
    return _static(f"All {len(rows)} sentences and how each presents its words", ["Para.", "Sentence", "Type"], rows)


@needs("verbs", "verbs.toml", "scale of reporting verbs")
def verbs_table(corpus: Corpus) -> Static:
    """The reporting verbs, from neutral (0) to most loaded (3), with what each adds."""
    rows = [[str(v.load), v.verb, narrated(corpus, VERB_KIND_LABELS[v.kind]), v.why]
            for v in sorted(corpus.verbs, key=lambda v: (v.load, v.verb))]
    return _static("Reporting verbs, from neutral (0) to loaded (3)", ["Load", "Verb", "What it does", "Why"], rows)


HEDGE_KIND_LABELS = {
    "hedge": "hedge (less sure)",
    "booster": "booster (more sure)",
    "presupposition": "takes something for granted",
    "framing": "loaded framing (colours the claim)",
}


@needs("hedges", "hedges.toml", "table of hedges and boosters")
def hedges_table(corpus: Corpus) -> Static:
    """Every hedge, booster and loaded word: where, whose, what kind, what it does."""
    rows = [[f"P{h.span.paragraph}", h.span.text, HEDGE_KIND_LABELS[h.kind],
             " and ".join(corpus.actor(a).name for a in h.holders), h.note]
            for h in sorted(corpus.hedges, key=lambda h: (h.span.paragraph, h.span.start))]
    return _static("Hedges, boosters and loaded words in the text", ["Para.", "Words", "Kind", "Whose", "What it does"],
                   rows)


@needs("quote_checks", "quote_checks.toml", "comparison of quotations with their sources")
def quote_checks_table(corpus: Corpus) -> Static:
    """Each checked quotation next to the same words in a source, with what changed and the source."""
    header = ["In the text", "In the source", "What changed", "Source"]
    rows, html_rows = [], []
    for check in corpus.quote_checks:
        source = check.in_source + (f" (in English: {check.gloss})" if check.gloss else "")
        lines = [source_line(s) for s in check.sources]
        rows.append([f"P{check.in_text.paragraph}: {check.in_text.text}", f"{source} [{check.language}]", check.change,
                     "; ".join(t for _, t in lines)])
        html_rows.append([escape(rows[-1][0]), escape(rows[-1][1]), escape(check.change),
                          "<br>".join(h for h, _ in lines)])
    return _static("Quotations in the text and in the sources", header, rows, html_rows)
