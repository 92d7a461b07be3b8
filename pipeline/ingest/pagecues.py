"""Line-level cues of page boundaries (pure functions over text, used by :mod:`pipeline.ingest.pages`).

- :func:`glue_point`: where a title line was glued onto the end of a longer
  line, or onto a short site-chrome line ("Recommended VideosKnee Pain"),
  when two scraped files ran together with no line break;
- :func:`site_name`: the site a block names (a "... | Clinic" title suffix or
  a bare URL/domain line);
- :func:`body_glue_point`: where a page's first paragraph was glued onto the
  end of the previous page's last line ("... differentiate and aMultiple
  sclerosis is a ...");
- :func:`defines_subject`: a lead sentence that defines a subject
  ("Knee arthritis (KA) is a ...");
- :func:`layout`: a paragraph's layout marks (a blank line before it, two spaces after
  its full stops), which one site keeps across its page and another site differs in;
- :func:`abbreviations_defined`, :func:`subject_abbreviation`: abbreviations
  introduced in parentheses ("chronic obstructive pulmonary disease (COPD)"),
  and the one a lead sentence defines as its subject ("Rheumatoid arthritis
  (RA) is a chronic ..."): an article may use a long form again, but it
  opens with the definition of its subject once; a new page on the same
  subject defines it again.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.ingest.blocks import is_heading_like

# a word boundary lost between two files: lower-case letter or sentence end
# (or a "»" widget) directly followed by a capitalised word
_GLUE = re.compile(r"(?<=[a-z.!?»)])(?=[A-Z][a-z])")
SITE_SUFFIX = re.compile(r"\s\|\s*\S.{0,60}$")
_WORD = re.compile(r"\w+")
# a line that is only a URL or a domain name ("www.example-clinic.com")
_DOMAIN_LINE = re.compile(r"^(?:https?://)?(?:www\.)?((?:[a-z0-9-]+\.)+[a-z]{2,})(?:/\S*)?$",
                          re.IGNORECASE)
_MIN_HEAD_WORDS = 6
# a lead sentence that defines the page's subject: "Knee arthritis (KA) is a ..."
# (not a subordinate clause: "Because MS is a ...")
_DEFINITION = re.compile(r"^(?!(?:Because|Although|Though|When|While|If|Since|As|Whether|Once|"
                         r"Unless|After|Before)\b)[A-Z][^.!?:]{2,80}?\b(?:is|are|refers to)\s+"
                         r"(?:a|an|the|one)\b")
# a paragraph glued onto a line: a lower-case word or a sentence end directly followed by a
# capitalised word of four letters or more ("... and aMultiple sclerosis", "cases.Stem cells")
_BODY_GLUE = re.compile(r"(?:(?<![\w-])[a-z]+|[a-z]{2}[.!?])(?=[A-Z][a-z]{3,}\b)")
_MIN_BODY_TAIL_WORDS = 8
# an abbreviation introduced after its long form: "... pulmonary disease (COPD)", "(MSCs)"
_ABBR = r"\(([A-Z][A-Za-z0-9-]{0,8}[A-Z0-9]s?)\)"
_ABBREVIATION = re.compile(r"[a-z]\s+" + _ABBR)
# a lead sentence defining an abbreviated subject: "Rheumatoid arthritis (RA) is a ..."
_SUBJECT = re.compile(r"^[A-Z][^.!?:()]{2,80}?[a-z]\s+" + _ABBR
                      + r",?\s+(?:is|are|refers to)\s+(?:a|an|the|one)\b")


_JOINT_DOUBLE = re.compile(r"[.!?] {2,}(?=[A-Z])")
_JOINT_SINGLE = re.compile(r"[.!?] (?=[A-Z])")


def layout(text: str, blank_before: bool) -> tuple[float | None, float | None]:
    """A paragraph's layout marks: (a blank line before it, two spaces after its full stops);
    None where the paragraph shows nothing (a bullet or a short line says nothing of the
    blank lines between paragraphs, one sentence nothing of the spaces after a full stop)."""
    stripped = text.strip()
    paragraph = n_words(stripped) >= 8 and stripped[:1].isalnum()
    double, single = len(_JOINT_DOUBLE.findall(stripped)), len(_JOINT_SINGLE.findall(stripped))
    spacing = None if double + single == 0 else float(double > single)
    return (float(blank_before) if paragraph else None), spacing


def n_words(text: str) -> int:
    return len(_WORD.findall(text))


def norm(text: str) -> str:
    """Lower-cased words of ``text`` joined by single spaces (to compare lines)."""
    return " ".join(_WORD.findall(text.lower()))


def glue_point(text: str, max_words: int,
               is_chrome: Callable[[str], bool] | None = None) -> int | None:
    """Offset in ``text`` where a title-like line was glued onto a longer line, else None.

    The head must be a line of ``_MIN_HEAD_WORDS`` words or more or end with a
    "»" widget; or it is a short line of site chrome by ``is_chrome`` (the block
    rules), and then the tail may be any text.
    """
    for m in _GLUE.finditer(text):
        head, tail = text[:m.start()], text[m.start():]
        if n_words(tail) > max_words or not is_heading_like(tail):
            continue
        if n_words(head) >= _MIN_HEAD_WORDS or head.rstrip().endswith("»"):
            return m.start()
    if is_chrome is not None:  # site chrome glued to the next page's first line, title or not
        for m in _GLUE.finditer(text):
            if n_words(text[:m.start()]) < _MIN_HEAD_WORDS and is_chrome(text[:m.start()]):
                return m.start()
    return None


def body_glue_point(text: str, min_head_words: int = _MIN_HEAD_WORDS) -> int | None:
    """Offset in ``text`` where a paragraph of ``_MIN_BODY_TAIL_WORDS`` words or more that opens
    like a sentence was glued onto a line of ``min_head_words`` or more, else None. Weak on its
    own: lost spaces and italics run words together inside one article too ("fromEscherichia").
    """
    for m in _BODY_GLUE.finditer(text):
        head, tail = text[:m.end()], text[m.end():]
        if n_words(head) >= min_head_words and n_words(tail) >= _MIN_BODY_TAIL_WORDS:
            return m.end()
    return None


def site_name(text: str) -> str:
    """The site a block names: its title suffix ("... | Clinic") or a bare URL/domain line."""
    m = SITE_SUFFIX.search(text)
    if m and n_words(text) <= 20:
        return norm(m.group(0))
    m = _DOMAIN_LINE.match(text.strip())
    return m.group(1).lower() if m else ""


def defines_subject(text: str) -> bool:
    """The text opens by defining a subject: "Knee arthritis is a ..."."""
    return bool(_DEFINITION.match(text.strip()))


def _fold(abbr: str) -> str:
    return abbr[:-1] if abbr.endswith("s") and len(abbr) > 2 else abbr


def abbreviations_defined(text: str) -> set[str]:
    """Abbreviations introduced in parentheses after a lower-case word, plural -s folded."""
    return {_fold(a) for a in _ABBREVIATION.findall(text)}


def subject_abbreviation(text: str) -> str:
    """The abbreviation of the subject a lead sentence defines ("Multiple sclerosis (MS) is a
    ..." gives "MS"), else ""."""
    m = _SUBJECT.match(text.strip())
    return _fold(m.group(1)) if m else ""
