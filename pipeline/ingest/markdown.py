"""Markdown markup the NLP should not read: :func:`markup_spans`.

A Markdown file stays one text (offsets refer to the file, the article text is shown as
written), but its markup is blanked for the NLP like citation blocks are
(:func:`pipeline.ingest.blank_spans`): heading, list and quote markers, emphasis and code
delimiters, a link's brackets and target (its text is kept), images, autolinks and inline
HTML tags, table pipes and delimiter rows, rules and link reference definitions. Without
this, "**MSCs** secrete [IL-10](https://...)" reached the tokenizer as "MSCs**", "[IL-10](https"
and the parse of a sentence had no verb. The patterns follow CommonMark's syntax (spec 0.31,
sections 4-6) for the constructs that occur in prose; markup inside code is not looked at
(code spans and fenced blocks are blanked whole: they are no prose).
"""

from __future__ import annotations

import re

Span = tuple[int, int]

# whole lines that are markup: fences with their content, rules, table delimiter rows,
# link reference definitions
_FENCED = re.compile(r"^[ ]{0,3}(`{3,}|~{3,})[^\n]*\n.*?(?:^[ ]{0,3}\1[ \t]*$|\Z)", re.MULTILINE | re.DOTALL)
_RULE = re.compile(r"^[ ]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$", re.MULTILINE)
_TABLE_DELIMITER = re.compile(r"^[ \t]*\|?[ \t]*:?-{3,}:?[ \t]*(?:\|[ \t]*:?-{3,}:?[ \t]*)+\|?[ \t]*$",
                              re.MULTILINE)
_REFERENCE = re.compile(r"^[ ]{0,3}\[[^\]\n]+\]:[ \t]+\S+[^\n]*$", re.MULTILINE)
# line-start markers (the marker only, the line's text is kept)
_HEADING = re.compile(r"^[ ]{0,3}(#{1,6})(?=[ \t]|$)", re.MULTILINE)
_HEADING_CLOSE = re.compile(r"[ \t]+#+[ \t]*$", re.MULTILINE)
_QUOTE = re.compile(r"^[ ]{0,3}(?:>[ \t]?)+", re.MULTILINE)
_LIST = re.compile(r"^[ \t]*(?:[-*+]|\d{1,9}[.)])(?=[ \t])", re.MULTILINE)
_SETEXT = re.compile(r"(?<=\S)\n[ ]{0,3}(=+|-+)[ \t]*$", re.MULTILINE)
# inline
_CODE = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)")
_IMAGE = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)")
_LINK = re.compile(r"(\[)[^\]\n]+(\]\([^)\s]*(?:[ \t]+\"[^\"\n]*\")?\))")
_AUTOLINK = re.compile(r"<(?:https?|ftp|mailto):[^>\s]*>")
_TAG = re.compile(r"</?[A-Za-z][A-Za-z0-9-]*(?:\s+[^<>]*)?/?>")
_STRONG = re.compile(r"(?<![*\w])(\*\*|__)(?=\S)(?:.+?)(?<=\S)(\1)(?![*\w])")
_EMPHASIS = re.compile(r"(?<![*\w])(\*|_)(?=[^\s*_])(?:.+?)(?<=[^\s*_])(\1)(?![*\w])")
_TABLE_ROW = re.compile(r"^[ \t]*\|.*\|[ \t]*$", re.MULTILINE)


def markup_spans(text: str) -> list[Span]:
    """(start, end) spans of ``text`` that are Markdown markup, sorted and not overlapping."""
    spans: list[Span] = []
    code: list[Span] = []
    for rx in (_FENCED, _CODE):
        for m in rx.finditer(text):
            if not any(s <= m.start() < e for s, e in code):
                code.append(m.span())
    spans.extend(code)

    def outside_code(start: int) -> bool:
        return not any(s <= start < e for s, e in code)

    for rx in (_RULE, _TABLE_DELIMITER, _REFERENCE, _IMAGE, _AUTOLINK, _TAG, _HEADING_CLOSE):
        spans.extend(m.span() for m in rx.finditer(text) if outside_code(m.start()))
    for rx in (_HEADING, _SETEXT):
        spans.extend(m.span(1) for m in rx.finditer(text) if outside_code(m.start()))
    for rx in (_QUOTE, _LIST):
        spans.extend(m.span() for m in rx.finditer(text) if outside_code(m.start()))
    for m in _LINK.finditer(text):
        if outside_code(m.start()) and not (m.start() > 0 and text[m.start() - 1] == "!"):
            spans.extend((m.span(1), m.span(2)))
    for rx in (_STRONG, _EMPHASIS):
        for m in rx.finditer(text):
            if outside_code(m.start()):
                spans.extend((m.span(1), m.span(2)))
    for m in _TABLE_ROW.finditer(text):
        if outside_code(m.start()):
            spans.extend((m.start() + k, m.start() + k + 1) for k, c in enumerate(m.group()) if c == "|")
    return merge(spans)


def merge(spans: list[Span]) -> list[Span]:
    """``spans`` sorted, overlapping and touching ones joined, empty ones dropped."""
    out: list[Span] = []
    for start, end in sorted(s for s in spans if s[0] < s[1]):
        if out and start <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], end))
        else:
            out.append((start, end))
    return out
