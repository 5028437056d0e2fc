"""The CODES registry: every problem code the code base can emit is registered, and the README shows them all."""

from __future__ import annotations

import ast
import json
import re

import pytest

from conftest import FIXTURES, ROOT, invoke, write
from graph.data.problems import CODES, Problem, codes_markdown


def _functions(trees):
    """Every function definition of graph/, by name (names are unique enough for this scan)."""
    return {node.name: node for tree in trees for node in ast.walk(tree)
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef))}


def _param_values(trees, function: ast.FunctionDef, param: str) -> set[str]:
    """The string literals passed as ``param`` in every call of ``function``."""
    index = [a.arg for a in function.args.args].index(param)
    values = set()
    for tree in trees:
        for call in ast.walk(tree):
            if isinstance(call, ast.Call) and getattr(call.func, "id", None) == function.name:
                arg = call.args[index] if len(call.args) > index else next(
                    (k.value for k in call.keywords if k.arg == param), None)
                assert isinstance(arg, ast.Constant), f"{function.name}() called with a computed {param}"
                values.add(arg.value)
    return values


def emitted_codes() -> set[str]:
    """Codes passed to Problem(...) anywhere in graph/: literals, and f"bad-{column}" expanded over its callers."""
    trees = [ast.parse(p.read_text(encoding="utf-8")) for p in sorted((ROOT / "graph").rglob("*.py"))]
    functions = _functions(trees)
    codes = set()
    for tree in trees:
        for function in [n for n in ast.walk(tree) if isinstance(n, ast.FunctionDef)]:
            for call in ast.walk(function):
                if not (isinstance(call, ast.Call) and getattr(call.func, "id", None) == "Problem"):
                    continue
                code = call.args[2] if len(call.args) > 2 else next(k.value for k in call.keywords if k.arg == "code")
                if isinstance(code, ast.Constant):
                    codes.add(code.value)
                elif isinstance(code, ast.JoinedStr):  # f"bad-{column}": one code per column its callers name
                    parts = code.values
                    assert len(parts) == 2 and isinstance(parts[1], ast.FormattedValue), ast.unparse(code)
                    name = parts[1].value.id
                    for value in _param_values(trees, functions[function.name], name):
                        codes.add(parts[0].value + value)
                else:  # re-using another problem's code (problem.code) adds none
                    assert isinstance(code, ast.Attribute) and code.attr == "code", ast.unparse(code)
    return codes


def test_every_code_the_code_base_emits_is_registered_and_every_registered_code_is_emitted():
    codes = emitted_codes()
    assert len(codes) > 40
    assert sorted(codes - set(CODES)) == [], "register these in graph/data/problems.py CODES"
    assert sorted(set(CODES) - codes) == [], "CODES lists codes nothing emits"


def test_every_code_has_a_severity_and_a_one_line_description():
    for code, entry in CODES.items():
        assert re.fullmatch(r"[a-z]+(-[a-z]+)+", code), code
        assert entry.severity in ("error", "warning"), code
        assert entry.description and "\n" not in entry.description and len(entry.description) < 100, code


def test_problems_take_their_severity_from_the_registry():
    assert Problem("a.csv", 3, "no-evidence", "relation without evidence").severity == "warning"
    assert Problem("a.csv", 3, "duplicate-id", "duplicate").severity == "error"
    assert Problem("a.csv", 3, "duplicate-source", "twice", "warning").severity == "warning"  # registered as both
    with pytest.raises(ValueError, match="not registered"):
        Problem("a.csv", 3, "no-such-code", "?")
    with pytest.raises(ValueError, match="registered as warning"):
        Problem("a.csv", 3, "no-evidence", "?", "error")


BROKEN = {  # data sets that emit many codes at once
    "tables": dict(
        actors="id,name,type,description,aliases\nA B,Alpha,force,,\nb,Beta,force,=1+1,\nb,Beta again,force,,\n"
               "c,,force,,\nd,Delta,force,x\x07y,\n",
        relations="source,relation,target,evidence,confidence,status,since,until,sources,credibility\n"
                  "b,trainz,d,e,stated,,,,,\nb,trained by,d,e,,,,,,\nb,trains,zz,e,,,,,,\nb,trains,b,e,,,,,,\n"
                  "b,part_of,d,e,maybe,,,,,\nd,part_of,b,,,done,2020-02-30,,,\nb,trains,d,e,,,2021,2019,,\n"
                  "b,trains,d,e,,,,,s1;s1;s9,9\n",
        sources="id,title,reliability,published,url\ns1,One,Z,someday,ftp://x\ns1,Again,A,,\na;b,Semi,A,,\n"),
    "kinds": dict(kinds="kind,label,inverse,directed,color,style\nBad Kind,,,,,\ntrains,trains,,maybe,,\n"
                        "x,,,,red,\ny,,,,,wavy\nz,trains,,,,\nz,,,,,\n"),
    "header": dict(actors="id,name,name,type\n", relations="source,relation\n"),
    "cells": dict(actors="id,name,type,\na,Alpha,force,extra,more\nb,,force,oops\n"),
    "encoding": dict(actors=b"id,name,type\n\x00\x01\n", relations=b"source,relation,target\n\"open\n"),
}


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_validate_emits_only_registered_codes_with_their_severity(tmp_path, case):
    folder = write(tmp_path / case, **BROKEN[case])
    result = invoke("validate", "--format", "json", "--data", folder)
    problems = json.loads(result.stdout)["problems"]
    assert problems and result.exit_code == 1
    for p in problems:
        entry = CODES[p["code"]]
        assert p["severity"] in ((entry.severity, "warning") if entry.also_warning else (entry.severity,)), p


def test_the_hostile_fixture_emits_only_registered_codes():
    result = invoke("validate", "--format", "json", "--data", FIXTURES / "hostile")
    for p in json.loads(result.stdout)["problems"]:
        assert p["code"] in CODES and p["severity"] == CODES[p["code"]].severity


def test_the_readme_table_of_codes_is_the_registry():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    m = re.search(r"<!-- problem-codes:start -->\n(.*?)<!-- problem-codes:end -->", readme, re.S)
    assert m, "README.md has no <!-- problem-codes:start --> block"
    assert m.group(1) == codes_markdown(), "run: python -m graph.data.problems --markdown, paste into README.md"
