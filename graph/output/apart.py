"""Work done in a forked child process while this one goes on: a report's map while its findings are measured.

A process, not a thread: the map is CPU work in Python (one core, under the GIL) and the findings fork
worker pools. Forking while another thread is inside OpenBLAS can leave BLAS spinning for ever (seen: a
layout's eigendecomposition stuck at 100 % of a core), so the child is forked while this process runs no
other thread, and it forks its own pools with none either.
"""

from __future__ import annotations

import sys
import threading

__all__ = ["Apart"]


class Apart:
    """``first()`` runs at once in a forked child; ``then(value)`` once :meth:`give` hands it ``value``;
    :meth:`result` returns what ``then`` returned (pickled back). Use it as a context manager: a child
    not waited for is stopped on the way out. Where fork is unavailable, both run here, in
    :meth:`result`. The child draws from its own copy of every random state: the same result as here.
    """

    def __init__(self, first, then):
        self.first, self.then = first, then
        self.value = None
        self.child = None
        self.sender = None
        try:
            import multiprocessing

            context = multiprocessing.get_context("fork")
        except ValueError:  # no fork on this platform
            return
        for stream in (sys.stdout, sys.stderr):  # nothing buffered here is written twice by the child
            stream.flush()
        self.conn, there = context.Pipe()
        self.child = context.Process(target=self._run, args=(there,))
        self.child.start()
        there.close()

    def _run(self, conn) -> None:
        try:
            self.first()
            out = (True, self.then(conn.recv()))
        except BaseException as exc:  # reported in the parent, which raises it
            import traceback

            out = (False, "".join(traceback.format_exception(exc)))
        conn.send(out)
        conn.close()

    def give(self, value) -> None:
        """Hand ``then`` its value (sent from a thread: the child may still be busy with ``first``)."""
        if self.child is None:
            self.value = value
            return
        self.sender = threading.Thread(target=self.conn.send, args=(value,), daemon=True)
        self.sender.start()

    def result(self):
        if self.child is None:
            self.first()
            return self.then(self.value)
        try:
            ok, out = self.conn.recv()
        except EOFError:
            raise RuntimeError(f"the child process stopped (exit code {self.child.exitcode})") from None
        finally:
            self.child.join()
            if self.sender is not None:
                self.sender.join()
        if not ok:
            raise RuntimeError(f"in the child process:\n{out}")
        return out

    def __enter__(self):
        return self

    def __exit__(self, *exc) -> None:
        if self.child is not None and self.child.is_alive():
            self.child.kill()
            self.child.join()
