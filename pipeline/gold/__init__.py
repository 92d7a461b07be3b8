"""Readers for gold corpora and answer keys: plain data in, plain dataclasses out.

One module per format; nothing here imports from the rest of mechmine except
:mod:`pipeline.errors` (evaluate, lexicon adaptation and training sit above it):

- :mod:`pipeline.gold.model`: the shared types (``GoldDoc``, ``GoldMention``, ``GoldEntity``).
- :mod:`pipeline.gold.corpus`: ``read_gold`` (a mention corpus by format name) and ``chunks``.
- :mod:`pipeline.gold.iob`: token<TAB>tag files (BC5CDR, NCBI-disease, JNLPBA, ... ``.tsv``).
- :mod:`pipeline.gold.pubtator`: PubTator title/abstract/mention/relation files.
- :mod:`pipeline.gold.brat`: brat standoff (``.txt/.a1/.a2``), and the BioNLP-ST 2013 GE
  regulation pairs read from it.
- :mod:`pipeline.gold.biored`: BioRED (PubTator with relation lines) as entities and pairs.
- :mod:`pipeline.gold.treebank`: CoNLL-U treebanks (through the ``conllu`` package).
- :mod:`pipeline.gold.keys`: answer keys (``key_relations.tsv``, ``key_entities.tsv``).
"""
