"""Closed-class word lists the surface reader and argument selection share (lower case)."""

from __future__ import annotations

BE = frozenset({"is", "are", "was", "were", "be", "been", "being"})
BREAKS = frozenset({";", ":", ".", "?", "!"})
RELATIVE = frozenset({"which", "that", "who"})
# between the items of one list, or a class noun and its members ("growth factors, namely X and Y",
# "cytokines, e.g. X", "X as well as Y")
LIST_LINKS = frozenset({",", "and", "or", "such", "as", "like", "including", "other", "&", "/", "both",
                        "well", "e.g.", "e.g", "i.e.", "namely"})
OBJECT_STOP = frozenset({
    "to", "into", "through", "via", "in", "by", "during", "after", "under", "at", "within", "without",
    "across", "toward", "towards", "when", "while", "whereas", "because", "although", "but", "from",
    "which", "that", "where", "whose", "than", "before", "following", "among"})
SKIPPABLE = frozenset({
    "also", "even", "further", "directly", "can", "could", "may", "might", "will", "would", "to", "not",
    "significantly", "then", "thereby", "both", "help", "helps", "helped", "each", "all", "effectively",
    "potentially", "strongly", "markedly", "indirectly", "and", "or", ","})
DETERMINERS = frozenset({"a", "an", "the", "this", "that", "these", "those", "its", "their", "no", "any",
                         "such", "modest", "significant", "marked", "slight", "further"})
ADJECTIVE_CONTEXT = frozenset({
    "with", "have", "has", "had", "having", "showed", "show", "shows", "exhibited", "exhibit", "exhibits",
    "displayed", "display", "displays", "of", "revealed", "constitutively", "highly"})
TARGET_PREPOSITIONS = frozenset({"to", "into", "toward", "towards"})
LOCATIVE = frozenset({"in", "within", "among", "at", "into", "inside"})
SUBJECT_FOLLOWERS = BE | SKIPPABLE | RELATIVE | {
    ",", "(", ")", "[", "]", "-", "/", "and", "or", "have", "has", "had", "did", "does", "do", "thus",
    "therefore", "then", "alone", "itself", "themselves", "in", "from", "of", "on", "at", "by", "with"}
# nouns naming what a molecule does, how much there is or what was done to it:
# "IL-10 production requires ERK1", "STAT3 siRNA reduced IL-6"
EVENT_NOUNS = frozenset({
    "production", "expression", "secretion", "activation", "signaling", "signalling", "phosphorylation",
    "level", "levels", "release", "activity", "induction", "transcription", "synthesis", "mrna", "sirna",
    "shrna", "knockdown", "deficiency", "inhibitor", "inhibitors", "antagonist", "antagonists", "mutation",
    "mutations", "variant", "variants", "gene", "polymorphism", "polymorphisms"})
# after "X-", words that leave X an argument: coordination ("IL-1- and TNF-induced"),
# "MSC-based therapy" (the agent), "neuron-like cells" (the cell type)
KEEP_AFTER_HYPHEN = frozenset({"and", "or", "but", "nor", "based", "like"})
