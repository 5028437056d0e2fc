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
CITE = re.compile(r"Ballegeer, De MINUSMA-vredesoperatie: Peacekeeping 2\.0 — (§ .+)\Z")
SECTION = re.compile(r"§ (.+?) ¶(\d+)((?:, ¶\d+)*)\Z")


def cited(evidence: str) -> list[tuple[str, int]]:
    """(section heading, paragraph number) pairs of an evidence cell: `§ A ¶1, ¶2; § B ¶4`."""
    m = CITE.match(evidence)
    assert m, evidence
    out = []
    for part in m.group(1).split("; "):
        s = SECTION.match(part)
        assert s, (evidence, part)
        out += [(s.group(1), int(n)) for n in [s.group(2), *re.findall(r"\d+", s.group(3))]]
    return out


def test_citations_are_read_section_by_section():
    assert cited("Ballegeer, De MINUSMA-vredesoperatie: Peacekeeping 2.0 — § A b ¶5; § C ¶3, ¶4") == [
        ("A b", 5), ("C", 3), ("C", 4)]
    with pytest.raises(AssertionError):
        cited("Ballegeer, De MINUSMA-vredesoperatie: Peacekeeping 2.0 — § A b ¶5; C ¶3")


def test_every_evidence_names_a_section_and_a_paragraph_of_the_article(dataset):
    known = {line.split(":", 1)[0] for line in PARAGRAPHS}
    for r in dataset.relations:
        for heading, n in cited(r["evidence"]):
            assert heading in HEADINGS, (r.line, heading)
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
        if r["status"] == "planned":  # a plan the article states outright is stated; status says it is a plan
            assert "capability" in r["note"], r.line


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
    "VN", "VN ontwikkelingsactoren", "ngo’s", "organisaties die mensenhandel bestrijden",
    "Malinese overheid", "nieuwe Malinese leiderschap", "VN-lidstaten", "veiligheidstroepen van de gastnatie",
    "VN-missie",
])
def test_the_articles_actors_are_findable_by_the_names_it_uses(dataset, name):
    ActorIndex(dataset.actors).resolve(name)


def test_generic_words_are_no_actors_aliases(dataset):
    """The article says 'vredesoperatie' of peace operations in general too, so it names no one actor."""
    from graph.data.schema import fold

    aliases = {fold(x) for a in dataset.actors for x in a["aliases"].split(";")}
    assert not {"vredesoperatie", "pko", "vredesmissies"} & aliases


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


def test_dates_the_article_gives_and_the_one_the_modelling_adds(dataset):
    rows = {(r["source"], r["relation"], r["target"]): r for r in dataset.relations}
    assert rows[("mali_government", "part_of", "mali")]["until"] == "2020-08-18"
    assert rows[("cadre_politique", "part_of", "mali_government")]["since"] == "2019"
    assert rows[("transition_authorities", "part_of", "mali")]["since"] == "2020-09"
    # The article says nothing of the Cadre after the coup: its end date is the data set's modelling (it ends
    # with the government that set it up), cited to both paragraphs and said so in the note.
    cadre = rows[("cadre_politique", "part_of", "mali_government")]
    assert cadre["until"] == "2020-08-18" and cadre["confidence"] == "implied"
    assert cited(cadre["evidence"]) == [("De evolutie van de situatie in de Sahel", 3),
                                        ("De evolutie van de situatie in de Sahel", 4)]
    assert "modelling" in cadre["note"] and "not something the article says" in cadre["note"]


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


def test_statuses_the_readings_settled(dataset):
    rows = {(r["source"], r["relation"], r["target"]): r for r in dataset.relations}
    for partner in ("un_development_actors", "ngos", "anti_trafficking_orgs"):
        assert rows[("minusma", "coordinates_with", partner)]["status"] == "recommended"
        assert "read as MINUSMA" in rows[("minusma", "coordinates_with", partner)]["note"]
    mtf = rows[("mtf", "coordinates_with", "mali_forces")]  # «Het concept laat toe ...»: stated, and a plan
    assert (mtf["status"], mtf["confidence"], mtf["credibility"]) == ("planned", "stated", "2")
    assert rows[("mtf", "part_of", "minusma_force")]["confidence"] == "implied"
    assert rows[("minusma_civilian", "coordinates_with", "minusma_police")]["confidence"] == "implied"
    force = rows[("minusma_force", "trains", "mali_forces")]
    assert (force["status"], force["confidence"]) == ("recommended", "implied")
    assert "paragraph is about" not in force["note"] and "wider than training" in force["note"]
    assert ("cadre_politique", "coordinates_with", "mali_forces") not in rows
    assert ("infantry_battalions", "accompanies", "minusma_civilian") not in rows
    # support of a sector-led operation is not coordination with the battalions
    assert not [k for k in rows if {"mtf", "infantry_battalions"} == {k[0], k[2]} and k[1] != "part_of"]


def test_a_list_of_actors_is_co_mention_not_a_tie_between_every_pair(dataset):
    """Reflecties ¶5 lists five security actors as complementary: no tie rests on that list. Barkhane and
    the Malian forces are tied by another passage (Barkhane works with the G5 Sahel forces, Andere ¶1)."""
    listed = {"mali_forces", "barkhane", "g5_sahel", "minusma", "eutm"}
    complementarity = ("Reflecties over Peacekeeping in de Sahel-regio", 5)
    assert [r.line for r in dataset.relations if complementarity in cited(r["evidence"])] == []
    ties = {frozenset((r["source"], r["target"])): r for r in dataset.relations
            if {r["source"], r["target"]} <= listed and r["source"] != r["target"]}
    assert set(ties) == {frozenset(("barkhane", "mali_forces"))}
    assert ("De andere veiligheidsactoren in de regio", 1) in cited(ties[frozenset(("barkhane", "mali_forces"))]["evidence"])


def test_an_actor_the_article_ties_to_no_one_is_left_out(dataset):
    """EUTM is named only in the complementarity list; the article never says whom it trains."""
    assert "eutm" not in {a["id"] for a in dataset.actors}
    assert not [r.line for r in dataset.relations if "eutm" in (r["source"], r["target"])]


def test_armed_groups_are_not_invented_into_relations(dataset):
    text = " ".join(a["name"] + " " + a["aliases"] for a in dataset.actors).lower()
    for group in ("islamic state", "islamitische staat", "al-qaeda", "jihad", "rebel"):
        assert group not in text


@pytest.fixture(scope="module")
def article(dataset):
    """The article's paragraphs, folded, by (heading, number), and the words that name each actor in it."""
    if not ARTICLE.exists():
        pytest.skip("article text not beside the repository")
    import importlib.util

    from graph.data.schema import fold

    spec = importlib.util.spec_from_file_location("paras", ROOT / "scripts" / "article_paragraphs.py")
    paras = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(paras)
    text = ARTICLE.read_text(encoding="utf-8")
    body = {(h, n): fold(p) for h, n, p in paras.paragraphs(text)}
    actors = {a["id"]: a for a in dataset.actors}

    def names(actor_id):
        a = actors[actor_id]
        out = {a["name"], *[x for x in a["aliases"].split(";") if x]}
        if actor_id.endswith("_forces"):  # "the security forces of ... Niger, Mali, ..."
            out |= names(actor_id[:-len("_forces")])
        return {fold(x.strip()) for x in out if x.strip()}

    def named(actor_id, where):  # short names (UN, VN, G5S) only as whole words
        return any(re.search(rf"(?<!\w){re.escape(x)}(?!\w)", where) if len(x) <= 3 else x in where
                   for x in names(actor_id))

    return paras.anchors(text), body, named


def test_paragraph_numbers_follow_the_article(dataset, article):
    """The fixture matches the article, and each cited paragraph names the actors a stated tie links."""
    anchors, body, named = article
    assert anchors == PARAGRAPHS
    for r in dataset.relations:
        where = " ".join(body[place] for place in cited(r["evidence"]))
        found = [named(r[c], where) for c in ("source", "target")]
        assert all(found) if r["confidence"] == "stated" else any(found), (r.line, r["source"], r["target"])


# The words the article uses for peace operations in general; they name MINUSMA only by reading, and a row
# may count them only when its note says it reads them so.
READ_AS = {"minusma": ("read as MINUSMA", ("pko", "vredesoperatie"))}


def test_a_recommended_tie_cites_a_paragraph_that_names_both_actors(dataset, article):
    """A recommendation is a tie only where the article names the pair: one cited paragraph names both."""
    _, body, named = article
    recommended = [r for r in dataset.relations if r["status"] == "recommended"]
    assert recommended

    def names_it(actor_id, where, note):
        if named(actor_id, where):
            return True
        phrase, words = READ_AS.get(actor_id, ("", ()))
        return bool(phrase) and phrase in note and any(re.search(rf"(?<!\w){w}(?!\w)", where) for w in words)

    for r in recommended:
        assert any(names_it(r["source"], body[place], r["note"]) and names_it(r["target"], body[place], r["note"])
                   for place in cited(r["evidence"])), (r.line, r["source"], r["target"])


def test_the_recommended_check_fails_on_a_pair_no_paragraph_names(dataset, article):
    """The check above can fail: G5 Sahel and the NGOs share no paragraph, the partners need the reading."""
    _, body, named = article
    assert not any(named("g5_sahel", p) and named("ngos", p) for p in body.values())
    seventh = body[("Reflecties over Peacekeeping in de Sahel-regio", 7)]
    assert named("ngos", seventh) and not named("minusma", seventh)


@pytest.mark.skipif(not ARTICLE.exists(), reason="article text not beside the repository")
def test_notes_paraphrase_and_do_not_quote_the_article(dataset):
    words = re.findall(r"\w+", ARTICLE.read_text(encoding="utf-8").lower())
    grams = {" ".join(words[i:i + 6]) for i in range(len(words) - 5)}
    for r in dataset.relations:
        note = re.findall(r"\w+", r["note"].lower())
        quoted = [" ".join(note[i:i + 6]) for i in range(len(note) - 5) if " ".join(note[i:i + 6]) in grams]
        assert quoted == [], (r.line, quoted)
