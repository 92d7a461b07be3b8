"""Rule-based extraction of directed, typed relations (``mechmine_relations``).

Candidates come from readers and go through one finalize step:
- :mod:`.types`: Mention, Candidate, Relation (and the sentence-to-sentence Carry);
- :mod:`.rules`: predicate, rule and cue files: schemas, validated loading;
- :mod:`.arguments`: which mentions can be arguments;
- :mod:`.surface`: the surface-pattern reader, one function per form (word lists in
  :mod:`.words`, object/subject lists in :mod:`.lists`);
- :mod:`.dependency`: the dependency reader over ``doc._.parses`` (patterns as data in
  :mod:`.patterns`, syntax over a parse in :mod:`.syntax`);
- :mod:`.context`: negation, hedging, evidence level (with the article's), subject state (the
  parse's negation scope in :mod:`.negation`);
- :mod:`.definitions`: the two mentions of a definition "LONG (SHORT)" as one argument;
- :mod:`.agreement`: a candidate's subject and object checked against its sentence's parse
  (the clause's own subject, object control, relative and participle heads);
- :mod:`.finalize`: candidates -> relations (class filters, parse agreement, context,
  polarity, dedup);
- :mod:`.component`: the spaCy component wiring them (rules loaded in ``initialize``,
  saved with ``to_disk``).
"""

from __future__ import annotations

from pipeline.nlp.relations.component import RelationExtractor, doc_relations, make_relations
from pipeline.nlp.relations.rules import RuleSet, load_rules
from pipeline.nlp.relations.types import Candidate, Mention, Relation

__all__ = ["Candidate", "Mention", "Relation", "RelationExtractor", "RuleSet", "doc_relations", "load_rules",
           "make_relations"]
