"""JATS and BioC readers: the same article text as the plain-text version, safely parsed."""

from __future__ import annotations

import json
from html import escape
from pathlib import Path

import pytest

from pipeline.errors import InputError
from pipeline.ingest import ingest
from pipeline.ingest.readers.bioc import read_bioc_json, read_bioc_xml
from pipeline.ingest.readers.jats import read_jats
from pipeline.ingest.sources import sniff_format
from pipeline.schema import SkippedRecord

# A made-up article, written for this test.
TITLE = "Stromal cells calm inflamed joints in mice"
ABSTRACT = ["Stromal cells lowered IL-6 in arthritic mice.",
            "Joint swelling fell by half within two weeks."]
SECTIONS = [("Introduction", ["Arthritis is driven by cytokines such as TNF-α and IL-6."]),
            ("Results", ["Treated mice had less swelling and lower IL-6 (p < 0.05)."])]
REFERENCE = "Smith J. An unrelated reference title. J Imaginary. 2001;1:1-2."


def _norm(s: str) -> str:
    return " ".join(s.split())


def plain_text() -> str:
    lines = [TITLE, *ABSTRACT]
    for head, paras in SECTIONS:
        lines += [head, *paras]
    return "\n".join(lines) + "\n"


def jats_xml(article_type: str = "research-article") -> bytes:
    secs = "".join(f"<sec><title>{h}</title>{''.join(f'<p>{escape(p)}</p>' for p in ps)}</sec>"
                   for h, ps in SECTIONS)
    return f"""<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE article PUBLIC "-//NLM//DTD JATS (Z39.96) Journal Publishing DTD v1.2//EN" "JATS.dtd">
<article article-type="{article_type}" xmlns:xlink="http://www.w3.org/1999/xlink">
<front><journal-meta><journal-title-group><journal-title>J Imaginary Res</journal-title>
</journal-title-group></journal-meta>
<article-meta><article-id pub-id-type="pmid">111</article-id>
<article-id pub-id-type="pmc">222</article-id><article-id pub-id-type="doi">10.1000/x.1</article-id>
<title-group><article-title>{TITLE}</article-title></title-group>
<contrib-group><contrib contrib-type="author"><name><surname>Doe</surname>
<given-names>Jane Ann</given-names></name></contrib></contrib-group>
<pub-date><year>2020</year></pub-date>
<abstract>{''.join(f'<p>{p}</p>' for p in ABSTRACT)}</abstract></article-meta></front>
<body>{secs}<table-wrap><table><tr><td>99 rows</td></tr></table></table-wrap></body>
<back><ref-list><ref><mixed-citation>{REFERENCE}</mixed-citation></ref></ref-list></back>
</article>""".encode()


def bioc_passages() -> list[tuple[str, str]]:
    out = [("title", TITLE), *[("abstract", p) for p in ABSTRACT]]
    for head, paras in SECTIONS:
        out += [("title_1", head), *[("paragraph", p) for p in paras]]
    return [*out, ("ref", REFERENCE)]


def bioc_json() -> bytes:
    passages, offset = [], 0
    for kind, text in bioc_passages():
        passages.append({"offset": offset, "infons": {"type": kind}, "text": text, "annotations": []})
        offset += len(text) + 1
    return json.dumps({"source": "test", "documents": [
        {"id": "111", "infons": {}, "passages": passages}]}).encode()


def bioc_xml() -> bytes:
    parts, offset = [], 0
    for kind, text in bioc_passages():
        parts.append(f'<passage><infon key="type">{kind}</infon><offset>{offset}</offset>'
                     f"<text>{escape(text)}</text></passage>")
        offset += len(text) + 1
    return (f'<?xml version="1.0" encoding="UTF-8"?><!DOCTYPE collection SYSTEM "BioC.dtd">'
            f"<collection><source>test</source><document><id>111</id>{''.join(parts)}"
            f"</document></collection>").encode()


@pytest.mark.parametrize(("name", "data", "fmt"), [
    ("a.xml", jats_xml(), "jats_xml"), ("b.xml", bioc_xml(), "bioc_xml"),
    ("c.json", bioc_json(), "bioc_json"),
])
def test_same_article_text_as_plain_text(tmp_path: Path, name: str, data: bytes, fmt: str) -> None:
    assert sniff_format(name, data[:8192]) == fmt
    (tmp_path / name).write_bytes(data)
    (tmp_path / "plain.txt").write_text(plain_text(), encoding="utf-8")
    structured = ingest([str(tmp_path / name)])
    plain = ingest([str(tmp_path / "plain.txt")])
    assert not structured.skipped and not plain.skipped
    assert len(structured.articles) == len(plain.articles) == 1
    rec = structured.articles[0]
    assert _norm(rec.text) == _norm(plain.articles[0].text)
    assert REFERENCE not in rec.text and "99 rows" not in rec.text
    assert rec.title == TITLE and rec.pmid == "111"


def test_jats_fields_and_kind() -> None:
    (doc,) = read_jats(jats_xml("review-article"), "a.xml")
    assert not isinstance(doc, SkippedRecord)
    assert doc.kind == "review"
    assert doc.citation is not None
    assert (doc.citation.pmcid, doc.citation.doi, doc.citation.year) == ("PMC222", "10.1000/x.1", 2020)
    assert doc.citation.authors == ["Doe JA"] and doc.citation.journal == "J Imaginary Res"


def test_bioc_offsets_hold() -> None:
    (doc,) = read_bioc_json(bioc_json(), "c.json")
    assert not isinstance(doc, SkippedRecord)
    offset = len(TITLE) + 1
    assert doc.text[offset:offset + len(ABSTRACT[0])] == ABSTRACT[0]
    assert doc.kind == "full_text"
    (xml_doc,) = read_bioc_xml(bioc_xml(), "b.xml")
    assert not isinstance(xml_doc, SkippedRecord)
    assert xml_doc.text == doc.text


def test_truncated_jats_keeps_title_and_reports(tmp_path: Path) -> None:
    data = jats_xml()
    cut = data[:data.index(b"<contrib-group>") + 40]
    (doc,) = read_jats(cut, "cut.xml")
    assert not isinstance(doc, SkippedRecord)
    assert doc.text == TITLE and doc.kind == "research_article"
    assert "malformed XML" in doc.decoding_note


@pytest.mark.parametrize("reader", [read_jats, read_bioc_xml])
def test_no_entity_expansion(tmp_path: Path, reader) -> None:
    secret = tmp_path / "secret.txt"
    secret.write_text("TOPSECRET", encoding="utf-8")
    body = ("<article><front><article-meta><title-group><article-title>T &e; &lol2;</article-title>"
            "</title-group></article-meta></front></article>" if reader is read_jats else
            "<collection><document><id>1</id><passage><offset>0</offset><text>T &e; &lol2;</text>"
            "</passage></document></collection>")
    xml = (f'<?xml version="1.0"?><!DOCTYPE x [<!ENTITY e SYSTEM "file://{secret}">'
           '<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">]>'
           f"{body}").encode()
    docs = [d for d in reader(xml, "x.xml") if not isinstance(d, SkippedRecord)]
    assert docs and all("TOPSECRET" not in d.text and "lollol" not in d.text for d in docs)


@pytest.mark.parametrize("data", [b"{", b"[1, 2]", b'{"documents": [{"passages": "x"}]}'])
def test_bad_bioc_json(data: bytes) -> None:
    with pytest.raises(InputError):
        list(read_bioc_json(data, "bad.json"))
