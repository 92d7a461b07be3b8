"""Which optional parts a run's pipeline has: :class:`NlpSpec`.

Apart from :mod:`pipeline.nlp` so that the batch machinery can name a pipeline (and
fingerprint it in the manifest) without importing spaCy: a run with nothing new
never builds one.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language

# the tokenizer's own version (pipeline.tokenize), part of the manifest's fingerprint
TOKENIZER_VERSION = "mechmine-tokenizer-4"

@dataclass(frozen=True)
class NlpSpec:
    """Which optional parts a run's pipeline has: an installed NER ``model``, a ``linker`` index folder."""

    model: str | None = None
    linker: str | None = None

    def build(self) -> Language:
        """The run pipeline (with relations) this spec describes."""
        from pipeline.nlp import make_nlp

        return make_nlp(model=self.model, relations=True, linker=self.linker)

    def tag(self) -> str:
        """Manifest version suffix: outputs change when these do."""
        out = f"|model:{self.model}" if self.model else ""
        if self.linker:
            meta = Path(self.linker) / "linker_meta.json"
            out += f"|linker:{meta.read_text(encoding='utf-8') if meta.exists() else self.linker}"
        return out
