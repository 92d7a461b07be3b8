"""An article's text with its entities highlighted (displaCy, manual mode) and its evidence sentences
anchored, so each relation can link to the sentence it was read from.

The text is cut at the evidence sentences' boundaries; each piece is rendered
by ``displacy.render(..., style="ent", manual=True)`` with the entities of
``entities.csv`` that lie inside it (no NLP is re-run), and each evidence
sentence is wrapped in ``<span class="sent" id="s-ARTICLE-SENTENCE">``.
"""

from __future__ import annotations

import html

import pandas as pd
from spacy import displacy

from pipeline.report.data import COLORS


def sentence_anchor(article_id: str, sentence_id: int) -> str:
    """The HTML id of an evidence sentence."""
    return f"s-{article_id}-{sentence_id}"


def _pieces(n_chars: int, sentences: list[tuple[int, int, int]]) -> list[tuple[int, int, int | None]]:
    """``(start, end, sentence_id or None)`` covering ``0..n_chars``, evidence sentences kept whole."""
    out: list[tuple[int, int, int | None]] = []
    pos = 0
    for sid, start, end in sorted(sentences, key=lambda s: s[1]):
        if start < pos or end > n_chars or end <= start:
            continue  # overlapping or out of range: left in the running text
        if start > pos:
            out.append((pos, start, None))
        out.append((start, end, sid))
        pos = end
    if pos < n_chars:
        out.append((pos, n_chars, None))
    return out


def _render(text: str, ents: list[dict[str, object]]) -> str:
    return displacy.render({"text": text, "ents": ents, "title": None}, style="ent", manual=True,
                           page=False, options={"colors": COLORS})


def article_html(article_id: str, text: str, entities: pd.DataFrame, relations: pd.DataFrame) -> str:
    """The article's text as HTML: entities highlighted, evidence sentences anchored."""
    spans = sorted({(int(e.start_char), int(e.end_char), str(e.label))
                    for e in entities.itertuples(index=False)})
    sentences = sorted({(int(r.sentence_id), int(r.sentence_start), int(r.sentence_end))
                        for r in relations.itertuples(index=False)})
    out = []
    for start, end, sid in _pieces(len(text), sentences):
        ents, last = [], start
        for s, e, label in spans:
            if s >= last and e <= end and s >= start:  # inside the piece, not overlapping the previous
                ents.append({"start": s - start, "end": e - start, "label": label})
                last = e
        rendered = _render(text[start:end], ents)
        if sid is None:
            out.append(rendered)
        else:
            anchor = html.escape(sentence_anchor(article_id, sid))
            out.append(f'<span class="sent" id="{anchor}">{rendered}</span>')
    return "".join(out)
