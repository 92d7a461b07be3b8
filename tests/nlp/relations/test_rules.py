"""Rule and cue files: validated on load, unknown keys rejected, errors name the file."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ResourceError
from pipeline.nlp.relations.rules import RuleSet, TriggerIndex, load_rules

RULES = (
    "meta: {name: t, version: '1', source: s, licence: MIT}\n"
    "predicates: {SECRETES: {polarity: positive, indra: x, semrep: y}}\n"
    "agent_classes: [CELL_TYPE]\nagent_terms: 'x'\n"
    "rules:\n  - {id: a, predicate: SECRETES, trigger: '^glows?$', forms: [active]}\n"
)


@pytest.fixture
def rules_file(tmp_path: Path) -> Path:
    path = tmp_path / "rules.yaml"
    path.write_text(RULES)
    return path


def test_packaged_rules_load(rules: RuleSet) -> None:
    assert {r.id for r in rules.rules} >= {"secrete", "inhibit", "treat"}
    assert all(r.predicate in rules.predicates for r in rules.rules)


def test_a_small_file_loads(rules_file: Path) -> None:
    loaded = load_rules(rules_file)
    assert [(r.id, r.predicate, r.polarity, r.forms) for r in loaded.rules] == [
        ("a", "SECRETES", "positive", ("active",))]


@pytest.mark.parametrize(
    ("old", "new", "message"),
    [
        ("predicate: SECRETES, trigger", "predicate: GLOWS, trigger", "unknown predicate GLOWS"),
        ("forms: [active]", "forms: [sideways]", "forms"),
        ("forms: [active]", "forms: [active], colour: red", "colour"),
        ("trigger: '^glows?$'", "trigger: '(glow'", "bad pattern"),
        ("id: a,", "id: A-1,", "id"),
    ],
)
def test_bad_rules_fail_loudly(rules_file: Path, old: str, new: str, message: str) -> None:
    rules_file.write_text(RULES.replace(old, new))
    with pytest.raises(ResourceError, match=message) as err:
        load_rules(rules_file)
    assert str(rules_file) in str(err.value)


def test_no_rules_is_an_error(rules_file: Path) -> None:
    rules_file.write_text(RULES.split("rules:")[0] + "rules: []\n")
    with pytest.raises(ResourceError, match="no relation rules"):
        load_rules(rules_file)


def test_bad_cue_file(tmp_path: Path) -> None:
    cues = tmp_path / "cues.yaml"
    cues.write_text("meta: {name: t, version: '1', source: s, licence: MIT}\nnegation: []\nhedge: []\n"
                    "evidence: {levels: {}}\nanaphora: {subject: x, objects: y}\nsarcasm: []\n")
    with pytest.raises(ResourceError, match="sarcasm"):
        load_rules(cues_path=cues)


def test_rule_set_is_frozen_and_the_cache_is_the_index(rules_file: Path) -> None:
    loaded = load_rules(rules_file)
    with pytest.raises(AttributeError):
        loaded.rules = ()  # type: ignore[misc]
    index = TriggerIndex(loaded, max_words=1)
    assert [r.id for r in index("glows")] == ["a"] and index("stone") == ()
    assert index._by_word == {"glows": loaded.rules}  # bounded: the second word is not kept
    assert loaded.triggered("glow") == loaded.rules
