"""Which lexicon a saved pipeline component used: a reference with the digest of its tables.

A component saved with ``to_disk`` writes ``lexicon.json`` (:func:`save_reference`) instead of a
copy of the tables; loading it back (:func:`load_reference`) finds the folder again and refuses
tables that changed since.
"""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

from pipeline.errors import ResourceError
from pipeline.ruledata import resource_path

TABLES = ("concepts.tsv.gz", "terms.tsv.gz", "corpus_terms.tsv.gz", "lowercase_terms.tsv")


def lexicon_digest(folder: Path) -> str:
    """Digest of the lexicon tables in ``folder`` (what a saved pipeline checks it is given)."""
    h = hashlib.sha256()
    for name in TABLES:
        path = folder / name
        if path.exists():
            h.update(name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]


REFERENCE_FILE = "lexicon.json"


def save_reference(folder: Path, out: Path) -> None:
    """Write ``out/lexicon.json``: which lexicon a saved component used (``"packaged"`` or a
    folder) and the digest of its tables. The tables themselves (~11 MB, 231k concepts) are
    not copied into every saved pipeline."""
    packaged = folder.resolve() == resource_path("lexicon").resolve()
    out.mkdir(parents=True, exist_ok=True)
    ref = {"folder": "packaged" if packaged else str(folder.resolve()), "digest": lexicon_digest(folder)}
    (out / REFERENCE_FILE).write_text(json.dumps(ref, indent=1), encoding="utf-8")


def load_reference(out: Path) -> Path:
    """The lexicon folder a saved component names (:func:`save_reference`); a missing reference
    (a pipeline saved before components kept their data) is the packaged lexicon. Raises
    ResourceError when the tables there are no longer those the pipeline was saved with."""
    path = out / REFERENCE_FILE
    if not path.exists():
        return resource_path("lexicon")
    try:
        ref = json.loads(path.read_text(encoding="utf-8"))
        folder = resource_path("lexicon") if ref["folder"] == "packaged" else Path(ref["folder"])
        digest = ref["digest"]
    except (OSError, ValueError, KeyError, TypeError) as err:
        raise ResourceError(f"{path}: not a lexicon reference ({err})") from err
    if lexicon_digest(folder) != digest:
        raise ResourceError(f"{path}: the lexicon in {folder} changed since this pipeline was saved "
                            f"(digest {digest}); save the pipeline again")
    return folder
