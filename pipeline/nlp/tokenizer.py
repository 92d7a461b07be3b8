"""The tokenizer lives in :mod:`pipeline.tokenize` (below the lexicon and the pipeline);
these names stay importable from here for the modules that used them."""

from pipeline.tokenize import EXTRA_INFIXES, TOKENIZER_VERSION, create_tokenizer, make_tokenizer

__all__ = ["EXTRA_INFIXES", "TOKENIZER_VERSION", "create_tokenizer", "make_tokenizer"]
