"""graph.data.atomic: one mode policy, one fsync policy, and a failed write changes nothing."""

from __future__ import annotations

import errno
import os

import pytest

from graph.data import atomic
from graph.data.atomic import create_all, create_new, replace_all, write_atomic


@pytest.fixture
def umask_027():
    old = os.umask(0o027)
    yield
    os.umask(old)


def mode(path) -> int:
    return os.stat(path).st_mode & 0o777


def leftovers(folder) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.endswith(".tmp"))


def fail_fsync(monkeypatch):
    def full(fd):
        raise OSError(errno.ENOSPC, "No space left on device")

    monkeypatch.setattr(os, "fsync", full)


def test_write_atomic_keeps_the_mode_of_the_file_it_replaces(tmp_path, umask_027):
    path = tmp_path / "actors.csv"
    path.write_bytes(b"old\n")
    os.chmod(path, 0o604)
    write_atomic(path, b"new\n")
    assert path.read_bytes() == b"new\n" and mode(path) == 0o604
    assert leftovers(tmp_path) == []


def test_a_new_file_gets_the_umask(tmp_path, umask_027):
    write_atomic(tmp_path / "a.csv", b"x")
    create_new(tmp_path / "b.csv", b"x")
    replace_all(tmp_path, {"c.csv": b"x", "d.csv": b"y"})
    for name in ("a.csv", "b.csv", "c.csv", "d.csv"):
        assert mode(tmp_path / name) == 0o640, name


def test_replace_all_keeps_each_mode(tmp_path, umask_027):
    (tmp_path / "a.csv").write_bytes(b"a")
    os.chmod(tmp_path / "a.csv", 0o600)
    replace_all(tmp_path, {"a.csv": b"A", "b.csv": b"B"}, journal=".journal")
    assert (tmp_path / "a.csv").read_bytes() == b"A" and mode(tmp_path / "a.csv") == 0o600
    assert (tmp_path / "b.csv").read_bytes() == b"B" and mode(tmp_path / "b.csv") == 0o640
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]  # journal gone, no temp file


def test_a_failed_write_leaves_the_target_untouched(tmp_path, monkeypatch):
    path = tmp_path / "actors.csv"
    path.write_bytes(b"old\n")
    fail_fsync(monkeypatch)
    with pytest.raises(OSError):
        write_atomic(path, b"new\n")
    assert path.read_bytes() == b"old\n" and leftovers(tmp_path) == []


def test_a_failed_rename_leaves_the_target_untouched(tmp_path, monkeypatch):
    path = tmp_path / "actors.csv"
    path.write_bytes(b"old\n")

    def refuse(src, dst):
        raise OSError(errno.EXDEV, "Invalid cross-device link", str(dst))

    monkeypatch.setattr(os, "replace", refuse)
    with pytest.raises(OSError):
        write_atomic(path, b"new\n")
    assert path.read_bytes() == b"old\n" and leftovers(tmp_path) == []


def test_replace_all_changes_nothing_when_a_temp_file_fails(tmp_path, monkeypatch):
    (tmp_path / "a.csv").write_bytes(b"a")
    (tmp_path / "b.csv").write_bytes(b"b")
    real, calls = atomic.temp_beside, []

    def second_fails(path, data, prefix=None):
        calls.append(path)
        if len(calls) == 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        return real(path, data, prefix)

    monkeypatch.setattr(atomic, "temp_beside", second_fails)
    with pytest.raises(OSError):
        replace_all(tmp_path, {"a.csv": b"A", "b.csv": b"B"}, journal=".journal")
    assert (tmp_path / "a.csv").read_bytes() == b"a" and (tmp_path / "b.csv").read_bytes() == b"b"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["a.csv", "b.csv"]


def test_create_new_never_overwrites(tmp_path):
    path = tmp_path / "actors.csv"
    path.write_bytes(b"mine\n")
    with pytest.raises(FileExistsError):
        create_new(path, b"theirs\n")
    assert path.read_bytes() == b"mine\n"
    os.symlink(tmp_path / "nowhere", tmp_path / "link.csv")  # a broken link counts as taken
    with pytest.raises(FileExistsError):
        create_new(tmp_path / "link.csv", b"x")
    assert not (tmp_path / "nowhere").exists()


def test_create_new_removes_a_partly_written_file(tmp_path, monkeypatch):
    fail_fsync(monkeypatch)
    with pytest.raises(OSError):
        create_new(tmp_path / "a.csv", b"x")
    assert list(tmp_path.iterdir()) == []


def test_create_all_writes_all_or_none(tmp_path):
    folder = tmp_path / "new"
    assert create_all(folder, {"a.csv": b"a", "b.csv": b"b"}) == [folder / "a.csv", folder / "b.csv"]
    other = tmp_path / "other"
    other.mkdir()
    (other / "b.csv").write_bytes(b"taken")
    with pytest.raises(FileExistsError):
        create_all(other, {"a.csv": b"a", "b.csv": b"b"})
    assert sorted(p.name for p in other.iterdir()) == ["b.csv"] and (other / "b.csv").read_bytes() == b"taken"
