"""actorgraph report: one standalone, escaped, deterministic briefing (HTML or Markdown)."""

from __future__ import annotations

import re

import pytest

from conftest import BUNDLED, invoke, write

EVIL = "<img src=x onerror=alert(1)>"


@pytest.fixture(scope="module")
def bundled_report(tmp_path_factory):
    out = tmp_path_factory.mktemp("brief") / "brief.html"
    result = invoke("report", "--data", BUNDLED, "-o", out)
    assert result.exit_code == 0, result.output
    return out.read_text(encoding="utf-8")


def test_report_has_every_section_with_real_findings(bundled_report):
    html = bundled_report
    for heading in ("Data and sources", "Map", "Key actors", "Brokers", "Communities",
                    "What if the top 3 brokers left?", "Robustness of the findings", "Quality of the evidence"):
        assert f"<h2>{heading}</h2>" in html, heading
    assert "De MINUSMA-vredesoperatie: Peacekeeping 2.0" in html and "B: usually reliable" in html
    assert "share of shortest paths between others that run through it: a broker" in html  # the meaning
    assert "<h3>Without Mali</h3>" in html  # the top broker of the bundled data
    assert "stated only" in html and "Kendall" in html
    from conftest import bundled_count, bundled_relations

    planned, recommended = bundled_count("planned"), bundled_count("recommended")
    assert f"View: actual ties only: {planned} planned, {recommended} recommended ties left out" in html
    rows = bundled_relations()  # the evidence shares count every tie of the view, any status
    implied = sum(r["confidence"] == "implied" for r in rows)
    assert f'<td>implied</td><td class="num">{implied}</td><td>{round(100 * implied / len(rows))} %</td>' in html


def test_report_is_standalone_offline_and_printable(bundled_report):
    html = bundled_report
    assert "<script" not in html and "http://" not in html and "https://" not in html
    assert "default-src 'none'" in html
    assert "<svg" in html and "<?xml" not in html and "<!DOCTYPE svg" not in html
    assert "@media print" in html


def test_report_is_deterministic(tmp_path, bundled_report):
    again = tmp_path / "again.html"
    invoke("report", "--data", BUNDLED, "-o", again)
    assert again.read_text(encoding="utf-8") == bundled_report


def hostile(tmp_path):
    return write(tmp_path / "evil", f"id,name,type\na,{EVIL},t\nb,B | *x* [l](y),t\n",
                 "source,relation,target,sources,credibility\na,trains,b,s,2\n",
                 sources=f'id,title,url,reliability\ns,"{EVIL}",https://example.org/x,A\n')


def test_html_report_escapes_every_string(tmp_path):
    folder = hostile(tmp_path)
    out = tmp_path / "b.html"
    assert invoke("report", "--data", folder, "-o", out, "--title", EVIL).exit_code == 0
    html = out.read_text(encoding="utf-8")
    assert EVIL not in html
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "<img" not in html
    assert "://" not in html and "https:&#47;&#47;example.org/x" in html  # shown as text, never a link


def test_markdown_report_escapes_markup(tmp_path):
    folder = hostile(tmp_path)
    out = tmp_path / "b.md"
    assert invoke("report", "--data", folder, "-o", out).exit_code == 0
    md = out.read_text(encoding="utf-8")
    assert EVIL not in md and "&lt;img src=x onerror=alert(1)&gt;" in md
    assert r"B \| \*x\* \[l\](y)" in md
    assert "://" not in md and "https:&#47;&#47;example\\.org/x" in md
    assert md.startswith("# Briefing: ")
    assert "![Map of the actors](b-map.svg)" in md and (tmp_path / "b-map.svg").read_bytes().startswith(b"<?xml")


def test_report_states_its_view(tmp_path):
    out = tmp_path / "b.html"
    folder = write(tmp_path / "d", "id,name,type\nmali,Mali,state\nx,X,state\ny,Y,force\nz,Z,force\n",
                   "source,relation,target,sources,credibility,since\nx,trains,y,s,2,2019\n"
                   "z,trains,y,s,3,\nmali,trains,x,s,2,2022\n",
                   sources="id,title,reliability\ns,Doc,B\n")
    result = invoke("report", "--data", folder, "-o", out, "--min-grade", "B2", "--without", "mali",
                    "--as-of", "2021")
    assert result.exit_code == 0, result.output
    html = out.read_text(encoding="utf-8")
    view = html.split("<p>View: ")[1].split("</p>")[0]
    assert "without Mali" in view and "only ties graded B2 or better" in view and "as of 2021" in view


def test_report_refuses_other_formats_and_never_overwrites_data(tmp_path, data):
    bad = invoke("report", "--data", data, "-o", tmp_path / "b.pdf")
    assert bad.exit_code == 2 and "use .html or .md" in bad.output
    clash = invoke("report", "--data", data, "-o", data / "relations.csv.md")
    assert clash.exit_code == 0  # another name is fine
    before = (data / "actors.csv").read_bytes()
    refused = invoke("report", "--data", data, "-o", data / "actors.csv")
    assert refused.exit_code != 0 and (data / "actors.csv").read_bytes() == before
