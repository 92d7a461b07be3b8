"""Cutting text into blocks: one paragraph per line, hard-wrapped text, Markdown."""

from __future__ import annotations

import textwrap

from hypothesis import given
from hypothesis import strategies as st

from pipeline.ingest.blocks import is_heading_like, text_blocks
from pipeline.ingest.model import BlockKind

PARA = ("Mesenchymal stem cells secrete trophic factors such as BDNF and GDNF that protect "
        "dopaminergic neurons from oxidative stress and apoptosis in models of the disease. ") * 3


def test_one_paragraph_per_line() -> None:
    text = "Heading One\nFirst paragraph.\r\nSecond paragraph.\n\n  Third.  \n"
    blocks = text_blocks(text)
    assert [b.text for b in blocks] == ["Heading One", "First paragraph.", "Second paragraph.", "Third."]
    assert all(text[b.start:b.end] == b.text for b in blocks)


def test_hard_wrapped_paragraphs_are_joined() -> None:
    paras = [textwrap.fill(PARA, 72) for _ in range(4)]
    text = "A Short Title\n\n" + "\n\n".join(paras) + "\n"
    blocks = text_blocks(text)
    assert len(blocks) == 5
    assert blocks[1].text == paras[0]


def test_markdown_hints() -> None:
    blocks = text_blocks("# Title\n- item one\n- item two\nBody text.\n")
    assert [b.hint for b in blocks] == [BlockKind.HEADING, BlockKind.LIST_ITEM, BlockKind.LIST_ITEM, None]


def test_heading_shape() -> None:
    assert is_heading_like("Interested in Learning More?")
    assert not is_heading_like("MSCs secrete BDNF.")
    assert not is_heading_like("lowercase start of a line")


@given(st.lists(st.text(alphabet="ab .\n\r\t", max_size=30), max_size=20))
def test_blocks_always_slice_the_text(parts: list[str]) -> None:
    text = "".join(parts)
    prev_end = 0
    for b in text_blocks(text):
        assert text[b.start:b.end] == b.text
        assert b.text.strip() == b.text and b.text
        assert b.start >= prev_end
        prev_end = b.end
