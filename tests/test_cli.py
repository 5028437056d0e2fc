"""The command line surface: where data is found, exit codes, python cli.py."""

from __future__ import annotations

import subprocess
import sys

from conftest import ACTORS, BUNDLED, RELATIONS, ROOT, invoke, write


def test_uses_dot_data_when_it_holds_actors_csv(tmp_path, monkeypatch):
    write(tmp_path / "data", ACTORS, RELATIONS)
    monkeypatch.chdir(tmp_path)
    result = invoke("validate")
    assert result.exit_code == 0, result.output
    assert "data/actors.csv: read as" in result.stdout
    assert "3 actors, 3 relations" in result.stdout


def test_falls_back_to_the_bundled_data(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    result = invoke("info", "--format", "json")
    assert result.exit_code == 0, result.output
    bundled = (BUNDLED / "actors.csv").read_text(encoding="utf-8").strip().count("\n")
    assert f'"actors": {bundled}' in result.stdout


def test_missing_data_folder_is_a_clean_error(tmp_path):
    result = invoke("centrality", "--data", tmp_path / "nowhere")
    assert result.exit_code == 1
    assert result.stderr.count("the data folder does not exist") == 1 and "file not found" not in result.stderr
    assert "Traceback" not in result.output


def test_python_cli_py_works(tmp_path):
    done = subprocess.run([sys.executable, str(ROOT / "cli.py"), "centrality", "--data", str(BUNDLED), "--top", "1",
                           "-m", "degree"], capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[0].split() == ["rank", "name", "type", "ties", "degree"]


def test_unknown_option_is_a_usage_error():
    result = invoke("centrality", "--measure", "fame")
    assert result.exit_code == 2
    assert "Invalid value for '--measure'" in result.stderr


def test_version():
    result = invoke("--version")
    assert result.exit_code == 0 and "actorgraph" in result.stdout


def test_header_only_data_set_is_a_message_not_a_traceback(tmp_path):
    folder = write(tmp_path / "empty", "id,name,type\n", "source,relation,target\n")
    for command in (["centrality"], ["render", "-o", str(tmp_path / "x.html")], ["communities"]):
        result = invoke(*command, "--data", folder)
        assert result.exit_code == 1, result.output
        assert "no actors to work on: the data set has none" in result.stderr


def test_short_help_table_matches_each_commands_own_help():
    from click.utils import make_default_short_help

    from cli import COMMANDS, main

    for name, (_module, _attr, short) in COMMANDS.items():
        command = main.get_command(None, name)
        assert command is not None and command.name == name
        assert make_default_short_help(command.help, 10_000) == short, name


def test_help_imports_no_command_and_nothing_heavy():
    code = ("import sys; sys.argv = ['actorgraph', '--help']\nimport cli\ntry:\n    cli.main()\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith(('actorgraph_cli', 'pandas', 'networkx', 'numpy'))))")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[-1] == "[]"
    assert "centrality" in done.stdout


def test_a_command_imports_only_its_own_module():
    code = ("import sys; sys.argv = ['actorgraph', 'validate', '--data', %r]\nimport cli\ntry:\n    cli.main()\n"
            "except SystemExit:\n    pass\n"
            "print(sorted(m for m in sys.modules if m.startswith('actorgraph_cli.')))") % str(BUNDLED)
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert done.stdout.splitlines()[-1] == "['actorgraph_cli.options', 'actorgraph_cli.start']", done.stdout


def test_every_command_goes_through_the_one_error_handler():
    from cli import COMMANDS, Command, main

    assert all(isinstance(main.get_command(None, name), Command) for name in COMMANDS)


def test_a_library_error_about_a_view_option_shows_the_commands_usage():
    result = invoke("centrality", "--data", BUNDLED, "--relation", "partof")
    assert result.exit_code == 2
    usage = [line for line in result.stderr.splitlines() if line.startswith("Usage:")]
    assert len(usage) == 1 and usage[0].endswith(" centrality [OPTIONS]")
    assert "did you mean 'part_of'?" in result.stderr


def test_info_csv_of_one_table_reads_as_one_table():
    """Both tables in one CSV stream are two tables; --table gives one that pandas reads."""
    import io

    import pandas as pd

    from conftest import BUNDLED, ok

    relations = pd.read_csv(io.StringIO(ok("--data", BUNDLED, "info", "--format", "csv", "--table", "relations").stdout))
    assert list(relations.columns) == ["relation", "stated", "implied", "unspecified", "actual", "planned",
                                       "recommended", "total"]
    assert relations["total"].sum() == 57  # the bundled relations.csv's rows
    types = pd.read_csv(io.StringIO(ok("--data", BUNDLED, "info", "--format", "csv", "--table", "types").stdout))
    assert types["actors"].sum() == 34


def test_info_markdown_escapes_cells_as_the_report_does(tmp_path):
    from conftest import ok, write

    folder = write(tmp_path / "d", actors="id,name,type\na,A,<img src=x onerror=alert(1)>\nb,B,[click](javascript:alert(1))\n",
                   relations="source,relation,target,evidence\na,trains,b,e\n")
    out = ok("--data", folder, "info", "--format", "markdown").stdout
    assert "<img" not in out and "&lt;img" in out
    assert "[click](" not in out and "\\[click\\]" in out


def test_next_hints_quote_a_folder_with_a_space(tmp_path):
    import shlex

    from conftest import ok

    folder = tmp_path / "my map"
    hint = ok("init", folder).stderr.splitlines()[-1]
    assert hint.startswith("next: actorgraph --data ")
    words = shlex.split(hint[len("next: "):])
    assert words[1:3] == ["--data", str(folder)]
    ok(*words[1:3], "add-actor", "x", "--name", "X", "--type", "t")  # the hint, pasted, works
