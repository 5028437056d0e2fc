"""The bundled data set: complete against the article's actors, sourced, consistent."""

from __future__ import annotations

import re

import networkx as nx
import pytest

from conftest import BUNDLED, FIXTURES, ROOT, invoke
from graph.analysis.build import build_graph
from graph.data.load import load_dataset
from graph.data.resolve import ActorIndex

HEADINGS = (FIXTURES / "article_headings.txt").read_text(encoding="utf-8").splitlines()
ARTICLE = ROOT.parent / "shared" / "source" / "minusma-peacekeeping-2.0.txt"


@pytest.fixture(scope="module")
def dataset():
    return load_dataset(BUNDLED)


def test_validates_without_errors_or_warnings():
    result = invoke("validate", "--data", BUNDLED)
    assert result.exit_code == 0, result.output
    assert result.stdout.rstrip().endswith(": 0 errors, 0 warnings")


PARAGRAPHS = (FIXTURES / "article_paragraphs.txt").read_text(encoding="utf-8").splitlines()
CITE = re.compile(r"Ballegeer, De MINUSMA-vredesoperatie: Peacekeeping 2\.0 — § (.+?) ¶(\d+)((?:, ¶\d+)*)\Z")


def cited(evidence: str) -> tuple[str, list[int]]:
    """(section heading, paragraph numbers) of an evidence cell."""
    m = CITE.match(evidence)
    assert m, evidence
    return m.group(1), [int(m.group(2))] + [int(n) for n in re.findall(r"\d+", m.group(3))]


def test_every_evidence_names_a_section_and_a_paragraph_of_the_article(dataset):
    known = {line.split(":", 1)[0] for line in PARAGRAPHS}
    for r in dataset.relations:
        heading, numbers = cited(r["evidence"])
        assert heading in HEADINGS, (r.line, heading)
        for n in numbers:
            assert f"{heading} ¶{n}" in known, (r.line, heading, n)


def test_every_relation_has_a_note_a_confidence_and_a_status(dataset):
    for r in dataset.relations:
        assert r["note"] and r["confidence"] in ("stated", "implied"), r.line
        assert r["status"] in ("actual", "planned", "recommended"), r.line  # written out in the bundled data
        if r["confidence"] == "implied":
            assert re.search(r"(read as|Rests on|does not|not named|not yet|capability|Recommended|recommendation"
                             r"|a call)", r["note"]), r.line
        if r["status"] == "recommended":
            assert re.search(r"(Recommended|recommendation|a call|should)", r["note"]), r.line
        if r["status"] == "planned":
            assert "capability" in r["note"] and r["confidence"] == "implied", r.line


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
    "EUTM", "VN", "VN ontwikkelingsactoren", "ngo’s", "organisaties die mensenhandel bestrijden",
    "Malinese overheid", "VN-lidstaten", "veiligheidstroepen van de gastnatie", "vredesoperatie",
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
    assert rows[("cadre_politique", "part_of", "mali_government")]["until"] == "2020-08-18"
    assert rows[("transition_authorities", "part_of", "mali")]["since"] == "2020-09"


def test_as_of_2021_is_coherent():
    """After the coup the pre-coup government and its Cadre hang off nothing; the transition does."""
    import json

    around = {r["id"] for r in json.loads(invoke("neighbors", "mali", "--depth", "2", "--as-of", "2021",
                                                  "--format", "json", "--data", BUNDLED).stdout)}
    assert "transition_authorities" in around
    assert not {"mali_government", "cadre_politique"} & around
    before = {r["id"] for r in json.loads(invoke("neighbors", "mali", "--depth", "2", "--as-of", "2020-06",
                                                  "--format", "json", "--data", BUNDLED).stdout)}
    assert {"mali_government", "cadre_politique"} <= before and "transition_authorities" not in before


def test_statuses_the_second_reading_settled(dataset):
    rows = {(r["source"], r["relation"], r["target"]): r for r in dataset.relations}
    for partner in ("un_development_actors", "ngos", "anti_trafficking_orgs"):
        assert rows[("minusma", "coordinates_with", partner)]["status"] == "recommended"
    assert rows[("mtf", "coordinates_with", "mali_forces")]["status"] == "planned"
    assert rows[("mtf", "part_of", "minusma_force")]["confidence"] == "implied"
    assert rows[("minusma_civilian", "coordinates_with", "minusma_police")]["confidence"] == "implied"
    assert rows[("eutm", "trains", "mali_forces")]["confidence"] == "implied"
    assert ("cadre_politique", "coordinates_with", "mali_forces") not in rows
    assert ("infantry_battalions", "accompanies", "minusma_civilian") not in rows
    complement = {"mali_forces", "barkhane", "g5_sahel", "minusma", "eutm"}
    pairs = {frozenset((s, t)) for (s, k, t), r in rows.items() if k == "coordinates_with"
             and r["status"] == "recommended" and {s, t} <= complement}
    assert len(pairs) == 9  # all ten pairs but Barkhane and the Malian forces, who already work together


def test_armed_groups_are_not_invented_into_relations(dataset):
    text = " ".join(a["name"] + " " + a["aliases"] for a in dataset.actors).lower()
    for group in ("islamic state", "islamitische staat", "al-qaeda", "jihad", "rebel"):
        assert group not in text


@pytest.mark.skipif(not ARTICLE.exists(), reason="article text not beside the repository")
def test_paragraph_numbers_follow_the_article(dataset):
    """The fixture matches the article, and each cited paragraph names the actors a stated tie links."""
    import importlib.util

    from graph.data.schema import fold

    spec = importlib.util.spec_from_file_location("paras", ROOT / "scripts" / "article_paragraphs.py")
    paras = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(paras)
    text = ARTICLE.read_text(encoding="utf-8")
    assert paras.anchors(text) == PARAGRAPHS
    body = {(h, n): fold(p) for h, n, p in paras.paragraphs(text)}
    actors = {a["id"]: a for a in dataset.actors}

    def names(actor_id):
        a = actors[actor_id]
        out = {a["name"], *[x for x in a["aliases"].split(";") if x]}
        if actor_id.endswith("_forces"):  # "the security forces of ... Niger, Mali, ..."
            out |= names(actor_id[:-len("_forces")])
        return {fold(x.strip()) for x in out if x.strip()}

    def named(name, where):  # short names (UN, VN, G5S) only as whole words
        return re.search(rf"(?<!\w){re.escape(name)}(?!\w)", where) if len(name) <= 3 else name in where

    for r in dataset.relations:
        heading, numbers = cited(r["evidence"])
        where = " ".join(body[(heading, n)] for n in numbers)
        found = [any(named(x, where) for x in names(r[c])) for c in ("source", "target")]
        assert all(found) if r["confidence"] == "stated" else any(found), (r.line, r["source"], r["target"])


@pytest.mark.skipif(not ARTICLE.exists(), reason="article text not beside the repository")
def test_notes_paraphrase_and_do_not_quote_the_article(dataset):
    words = re.findall(r"\w+", ARTICLE.read_text(encoding="utf-8").lower())
    grams = {" ".join(words[i:i + 6]) for i in range(len(words) - 5)}
    for r in dataset.relations:
        note = re.findall(r"\w+", r["note"].lower())
        quoted = [" ".join(note[i:i + 6]) for i in range(len(note) - 5) if " ".join(note[i:i + 6]) in grams]
        assert quoted == [], (r.line, quoted)
