"""The bundled data set: complete against the article's actors, sourced, consistent."""

from __future__ import annotations

import re
from pathlib import Path

import networkx as nx
import pytest

from conftest import BUNDLED, FIXTURES, ROOT, invoke
from graph.build import build_graph
from graph.load import load_dataset
from graph.resolve import ActorIndex

HEADINGS = (FIXTURES / "article_headings.txt").read_text(encoding="utf-8").splitlines()
ARTICLE = ROOT.parent / "shared" / "source" / "minusma-peacekeeping-2.0.txt"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(BUNDLED)


def test_validates_without_errors_or_warnings():
    result = invoke("validate", "--data", BUNDLED)
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith(": 0 errors, 0 warnings")


def test_every_evidence_names_an_article_section(dataset):
    for r in dataset.relations:
        assert r["evidence"].startswith("Ballegeer, De MINUSMA-vredesoperatie: Peacekeeping 2.0 — § ")
        section = r["evidence"].split("§ ", 1)[1]
        assert section in HEADINGS, (r.line, section)


def test_every_relation_has_note_and_confidence(dataset):
    for r in dataset.relations:
        assert r["note"] and r["confidence"] in ("stated", "implied"), r.line
        if r["confidence"] == "implied":
            assert re.search(r"\b(read as|implied|Recommended|which|is not said)\b", r["note"]), r.line


def test_every_actor_has_a_relation(dataset):
    linked = {r[c] for r in dataset.relations for c in ("source", "target")}
    assert [a["id"] for a in dataset.actors if a["id"] not in linked] == []


def test_part_of_hierarchy_is_acyclic(dataset):
    G = nx.DiGraph((r["source"], r["target"]) for r in dataset.relations if r["relation"] == "part_of")
    assert nx.is_directed_acyclic_graph(G)


@pytest.mark.parametrize("name", [
    "MINUSMA", "the Force", "civiele component", "politie-component", "MTF", "QRF", "ISR",
    "ontmijningsploegen", "forward surgical teams", "helicopters", "infanteriebataljons",
    "Barkhane", "Takuba", "European special forces", "G5S", "Niger", "Mali", "Burkina Faso",
    "Mauritanië", "Tsjaad", "FAMa", "regering van Mali", "Cadre politique", "overgangsautoriteiten",
    "EUTM", "VN", "VN ontwikkelingsactoren", "ngo's", "organisaties die mensenhandel bestrijden",
])
def test_the_articles_actors_are_findable_by_the_names_it_uses(dataset, name):
    ActorIndex(dataset.actors).resolve(name)


def test_each_g5_state_has_security_forces_that_barkhane_trains(dataset):
    G = build_graph(dataset)
    members = [u for u, v, k in G.edges(keys=True) if v == "g5_sahel" and k == "part_of"]
    assert sorted(members) == ["burkina_faso", "chad", "mali", "mauritania", "niger"]
    for state in members:
        forces = [u for u, v, k in G.edges(keys=True) if v == state and k == "part_of"
                  and G.nodes[u]["type"] == "national security forces"]
        assert len(forces) == 1
        assert G.has_edge("barkhane", forces[0], key="trains")
        assert G.has_edge("barkhane", forces[0], key="accompanies")


def test_dates_the_article_gives(dataset):
    rows = {(r["source"], r["relation"], r["target"]): r for r in dataset.relations}
    assert rows[("mali_government", "part_of", "mali")]["until"] == "2020-08-18"
    assert rows[("cadre_politique", "part_of", "mali_government")]["since"] == "2019"
    assert rows[("transition_authorities", "part_of", "mali")]["since"] == "2020-09"


def test_armed_groups_are_not_invented_into_relations(dataset):
    text = " ".join(a["name"] + " " + a["aliases"] for a in dataset.actors).lower()
    for group in ("islamic state", "islamitische staat", "al-qaeda", "jihad", "rebel"):
        assert group not in text


@pytest.mark.skipif(not ARTICLE.exists(), reason="article text not beside the repository")
def test_notes_paraphrase_and_do_not_quote_the_article(dataset):
    words = re.findall(r"\w+", ARTICLE.read_text(encoding="utf-8").lower())
    grams = {" ".join(words[i:i + 6]) for i in range(len(words) - 5)}
    for r in dataset.relations:
        note = re.findall(r"\w+", r["note"].lower())
        quoted = [" ".join(note[i:i + 6]) for i in range(len(note) - 5) if " ".join(note[i:i + 6]) in grams]
        assert quoted == [], (r.line, quoted)
