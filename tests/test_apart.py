"""graph.output.apart: work in a forked child process, and the report that uses it."""

from __future__ import annotations

import pytest

from graph.output.apart import Apart


def _square(x):
    return x * x


def test_first_then_the_given_value_in_the_child():
    import os

    seen = []
    with Apart(lambda: seen.append(os.getpid()), lambda v: (v * 2, os.getpid(), len(seen))) as apart:
        apart.give(21)
        value, pid, firsts = apart.result()
    assert value == 42 and firsts == 1
    assert pid != os.getpid() and seen == []  # both ran in the child, on its own copy


def test_a_large_value_is_handed_over_while_the_child_is_busy(tmp_path):
    import time

    flag = tmp_path / "given"
    seen = []

    def busy():  # until give has returned here (it must not wait for the child), or 20 s at most
        for _ in range(200):
            if flag.exists():
                seen.append(True)
                return
            time.sleep(0.1)

    big = list(range(200_000))  # more than a pipe holds
    with Apart(busy, lambda v: (sum(v), seen)) as apart:
        apart.give(big)
        flag.touch()
        assert apart.result() == (sum(big), [True])


def test_an_error_in_the_child_is_raised_here():
    def fails(_):
        raise KeyError("no such actor")

    with Apart(lambda: None, fails) as apart:
        apart.give(1)
        with pytest.raises(RuntimeError, match="no such actor"):
            apart.result()


def test_a_child_not_waited_for_is_stopped():
    import time

    with Apart(lambda: time.sleep(60), _square) as apart:
        child = apart.child
    assert not child.is_alive()


def test_without_fork_it_runs_here(monkeypatch):
    import multiprocessing

    def no_fork(method=None):
        raise ValueError("cannot find context for 'fork'")

    monkeypatch.setattr(multiprocessing, "get_context", no_fork)
    with Apart(lambda: None, _square) as apart:
        assert apart.child is None
        apart.give(7)
        assert apart.result() == 49


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["html", "pdf"])
def test_report_made_apart_is_the_same(tmp_path, monkeypatch, fmt):
    from conftest import write

    from graph import api

    folder = write(tmp_path / "d")
    here = api.report(folder, fmt=fmt)
    monkeypatch.setattr(api, "APART_FROM", 0)
    assert api.report(folder, fmt=fmt) == here
