"""The one road from a source to its rows."""

from __future__ import annotations

from conftest import FIXTURES

from pipeline.batch.worker import Texts, file_rows
from pipeline.ingest.sources import expand_paths


def test_texts_give_rows_and_skipped_records() -> None:
    rows = file_rows(Texts((("t1", "Mesenchymal stem cells secrete BDNF."), "  ")), csv=False)
    assert [a.source_id for a in rows.ingest.articles] == ["t1"]
    assert [s.reason for s in rows.ingest.skipped] == ["empty text"]
    got = {(r.subject_text, r.predicate, r.object_text) for r in rows.relations}
    assert got == {("Mesenchymal stem cells", "SECRETES", "BDNF")}
    assert rows.csv is None and rows.frames is not None and rows.matrix_parts is not None
    assert [name for name, _ in rows.frames][:2] == ["articles", "skipped"]


def test_file_rows_prepare_csv_bytes() -> None:
    (item,), _ = expand_paths([str(FIXTURES / "mini.pubtator")])
    rows = file_rows(item)
    assert rows.counts()[:3] == (1, 3, 0)
    assert rows.csv is not None and rows.frames is None
    header, body = rows.csv["articles"]
    assert header.startswith(b"article_id,") and body.count(b"\n") >= 3
    first = rows.ingest.articles[0].article_id
    got = {(r.subject_text, r.predicate, r.object_text, r.evidence_level)
           for r in rows.relations if r.article_id == first}
    # "lung fibrosis" is one located-process mention (pipeline/lexicon/compounds.py)
    assert got == {("Mesenchymal stem cells", "DECREASES", "lung fibrosis", "animal"),
                   ("mesenchymal stem cells", "SECRETES", "HGF", "animal"),
                   ("mesenchymal stem cells", "DECREASES", "TGF-beta1", "animal")}


def test_an_article_past_its_time_limit_is_skipped_and_the_rest_kept(monkeypatch) -> None:
    """One article whose NLP never ends (a loop in a rule) is a skipped record (stage nlp);
    the other article of the same source keeps its rows."""
    import time

    from pipeline.batch import worker

    real = worker.article_annotations

    def stalls_on_slow(nlp, items):  # type: ignore[no-untyped-def]
        items = list(items)
        if any("slow" in text for _, text, _ in items):
            time.sleep(5)
        return real(nlp, items)

    monkeypatch.setattr(worker, "article_annotations", stalls_on_slow)
    result = worker.read_source(Texts((("fast", "Mesenchymal stem cells secrete BDNF."),
                                       ("stuck", "A slow text about IL-10."))))
    start = time.monotonic()
    rows = worker.annotate(result, worker._pipeline(worker.NlpSpec()), per_char=0.0, base=0.5)
    assert time.monotonic() - start < 4
    assert [a.source_id for a in rows.ingest.articles] == ["fast"]
    assert [(s.stage, s.reason.split(": ", 1)[1]) for s in rows.ingest.skipped] == [
        ("nlp", "NlpTimeout: timed out after 0.5 s")]
    assert {(r.subject_text, r.predicate, r.object_text) for r in rows.relations} == {
        ("Mesenchymal stem cells", "SECRETES", "BDNF")}


def test_article_seconds_grow_with_length() -> None:
    from pipeline.batch.worker import article_seconds

    assert article_seconds(0) == 60.0
    assert article_seconds(200_000) == 260.0
