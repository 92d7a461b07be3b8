"""PDF reading: running heads and feet, words broken at line ends, title, errors."""

from __future__ import annotations

import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter

from pipeline.errors import InputError
from pipeline.ingest import ingest_file
from pipeline.ingest.readers.pdf import edge_lines, join_broken_words, pdf_title, read_pdf, strip_edges
from pipeline.ingest.sources import InputFile


def make_pdf(pages: list[list[str | tuple[str, int]]], title: str = "") -> bytes:
    """A minimal PDF: each page's lines in Helvetica (10 pt, or the size given with a line), top
    to bottom (xref offsets exact)."""
    objs = ["<< /Type /Catalog /Pages 2 0 R >>",
            "<< /Type /Pages /Kids [" + " ".join(f"{4 + 2 * i} 0 R" for i in range(len(pages)))
            + f"] /Count {len(pages)} >>",
            "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>"]
    for i, lines in enumerate(pages):
        sized = [(ln, 10) if isinstance(ln, str) else ln for ln in lines]
        esc = [(ln.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)"), pt) for ln, pt in sized]
        ops = " ".join(f"BT /F1 {pt} Tf 50 {800 - 24 * k} Td ({ln}) Tj ET" for k, (ln, pt) in enumerate(esc))
        objs.append("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] "
                    f"/Resources << /Font << /F1 3 0 R >> >> /Contents {5 + 2 * i} 0 R >>")
        objs.append(f"<< /Length {len(ops)} >>\nstream\n{ops}\nendstream")
    objs.append(f"<< /Title ({title}) >>")
    out, offsets = b"%PDF-1.4\n", []
    for k, body in enumerate(objs, start=1):
        offsets.append(len(out))
        out += f"{k} 0 obj\n{body}\nendobj\n".encode("latin-1")
    xref = len(out)
    out += f"xref\n0 {len(objs) + 1}\n0000000000 65535 f \n".encode()
    out += "".join(f"{o:010d} 00000 n \n" for o in offsets).encode()
    out += (f"trailer\n<< /Size {len(objs) + 1} /Root 1 0 R /Info {len(objs)} 0 R >>\n"
            f"startxref\n{xref}\n%%EOF\n").encode()
    return out


PAGES = [["Journal of Tests 12 (2024) 1-3", "Stromal cells in a rat model", "MSCs secrete BDNF, which pro-",
          "tects neurons. BDNF protects them.", "1"],
         ["Journal of Tests 12 (2024) 1-3", "IL-10 sup-", "presses T cells and brain-", "derived factors.",
          "Page 2 of 3"],
         ["Journal of Tests 12 (2024) 1-3", "TGF-beta drives EMT.", "3"]]


def test_pdf_text_without_page_furniture() -> None:
    (doc,) = list(read_pdf(make_pdf(PAGES, title="Stromal cells in a rat model of PD"), "a.pdf"))
    assert doc.text == ("Stromal cells in a rat model\nMSCs secrete BDNF, which protects neurons. BDNF "
                        "protects them.\nIL-10 sup-presses T cells and brain-derived factors.\n"
                        "TGF-beta drives EMT.\n")
    assert (doc.format, doc.title, doc.single_article) == ("pdf", "Stromal cells in a rat model of PD", False)


def test_recurring_edges_need_half_of_three_pages() -> None:
    pages = [["Head 1", "body a", "Foot"], ["Head 2", "body b", "Foot"], ["Other", "body c", "x"]]
    assert edge_lines(pages) == {("top", "Head #"), ("bottom", "Foot")}
    assert strip_edges(pages[0], edge_lines(pages)) == ["body a"]
    assert edge_lines([pages[0], pages[2]]) == set()  # of two pages, both must have it
    assert edge_lines(pages[:1]) == set()  # one page: no pattern to trust


def test_title_in_large_type_is_one_line() -> None:
    pages = [[("Stromal cells in a", 20), ("rat model of PD", 20), "A. Author", "MSCs secrete BDNF in rats."]]
    (doc,) = list(read_pdf(make_pdf(pages, title="draft.docx"), "a.pdf"))
    assert doc.title == "Stromal cells in a rat model of PD"
    assert doc.text.splitlines()[:2] == ["Stromal cells in a rat model of PD", "A. Author"]


def test_no_title_when_no_line_stands_out() -> None:
    (doc,) = list(read_pdf(make_pdf([["Stromal cells in a", ("rat", 12), "MSCs secrete BDNF."]]), "a.pdf"))
    assert doc.title == ""


@pytest.mark.parametrize(("text", "joined"), [
    ("the differ-\nentiation of cells; differentiation", "the differentiation of cells; differentiation"),
    ("anti-\ninflammatory", "anti-inflammatory"),
    # a break at a capital or a digit is inside a symbol: joined, the hyphen kept
    ("IL-\n6 levels", "IL-6 levels"), ("Anti-\nTNF", "Anti-TNF"),
    ("TGF-\nbeta and NF-\nkB", "TGF-beta and NF-kB"),
    ("MSCs -\nand more", "MSCs -\nand more"),  # a dash, not a hyphen
])
def test_join_broken_words(text: str, joined: str) -> None:
    assert join_broken_words(text) == joined


@pytest.mark.parametrize(("title", "kept"), [
    ("Stromal cells in a rat model of PD", True), ("Microsoft Word - draft3.docx", False),
    ("art.html", False), ("manuscript_v2", False), ("Short", False),
])
def test_pdf_title(title: str, kept: bool) -> None:
    from io import BytesIO

    from pypdf import PdfReader

    reader = PdfReader(BytesIO(make_pdf([["words in a line"]], title=title)))
    assert pdf_title(reader) == (title if kept else "")


@pytest.mark.parametrize(("data", "message"), [
    (make_pdf([[""], ["1"]]), "PDF has no text layer (a scan?); run OCR first"),
    (b"%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\n", "unreadable PDF: "),
])
def test_bad_pdfs_are_one_line_errors(data: bytes, message: str) -> None:
    with pytest.raises(InputError) as err:
        list(read_pdf(data, "a.pdf"))
    assert str(err.value).startswith(message) and "\n" not in str(err.value)


def test_pdf_file_becomes_an_article(tmp_path: Path) -> None:
    path = tmp_path / "paper.pdf"
    path.write_bytes(make_pdf(PAGES, title="Stromal cells in a rat model of PD"))
    result = ingest_file(InputFile(path, path.name, path.name))
    (article,) = result.articles
    assert article.title == "Stromal cells in a rat model of PD"
    assert article.text.splitlines()[1] == "MSCs secrete BDNF, which protects neurons. BDNF protects them."
    assert not result.skipped


@pytest.mark.parametrize(("user", "readable"), [("", True), ("secret", False)])
def test_aes_encrypted_pdfs(user: str, readable: bool) -> None:
    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(make_pdf([["MSCs secrete BDNF and IL-10 here."]]))))
    writer.encrypt(user_password=user, owner_password="owner", algorithm="AES-256")
    out = io.BytesIO()
    writer.write(out)
    if readable:  # an owner password only (copy or print restrictions): read as any PDF
        (doc,) = list(read_pdf(out.getvalue(), "a.pdf"))
        assert "MSCs secrete BDNF" in doc.text
    else:
        with pytest.raises(InputError, match=r"^encrypted PDF \(password-protected\)"):
            list(read_pdf(out.getvalue(), "a.pdf"))
