"""Reading and writing files safely.

``read_snapshot`` reads a file and remembers what it read (a :class:`Snapshot`: the file's
identity, size, time and a hash of its bytes). ``write_atomic`` replaces the file only if it is
still that file with those bytes: text that an editor or a sync tool wrote while ``fix`` ran is
never overwritten (:class:`FileChanged`).

The new bytes go to a temporary file beside the target, fsynced, then renamed over it, so that
readers (and a crash) see the old file or the new one, never half. Two cases differ:

* A hard-linked file (``st_nlink > 1``) is written in place: a rename would give the name a new
  inode and leave the other links with the old text. In place is not atomic (a kill during the
  write can leave it half written), so only the bytes from the first change on are rewritten.
* A kill (SIGKILL, power loss) between creating the temporary file and the rename leaves it
  behind. It is named ``.<name>.mtcheck-<pid>-<random>.tmp``, hidden from directory scans, and
  the next write of that file removes the ones whose process is gone.
"""

from __future__ import annotations

import hashlib
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

TEMP_TAG = ".mtcheck-"
TEMP_SUFFIX = ".tmp"


class FileChanged(Exception):
    """The file is not the one that was read: written, replaced or removed since."""


@dataclass(frozen=True)
class Snapshot:
    """What was read: the file's identity (device, inode), size, modification time, hash."""

    dev: int
    ino: int
    size: int
    mtime_ns: int
    sha256: str

    @classmethod
    def of(cls, st: os.stat_result, data: bytes) -> Snapshot:
        return cls(st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns, hashlib.sha256(data).hexdigest())

    def same_stat(self, st: os.stat_result) -> bool:
        return (self.dev, self.ino, self.size, self.mtime_ns) == (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def read_snapshot(path: str | Path, max_bytes: int = 0) -> tuple[bytes, Snapshot]:
    """The file's bytes and their snapshot, from one open file (the stat and the bytes agree).
    Over ``max_bytes`` (0: no limit) raises ``ValueError`` with the size, before reading."""
    with open(path, "rb") as fh:
        st = os.fstat(fh.fileno())
        if max_bytes and st.st_size > max_bytes:
            raise ValueError(st.st_size)
        data = fh.read()
    return data, Snapshot.of(st, data)


def check_unchanged(path: str | Path, expected: Snapshot) -> None:
    """Raise FileChanged unless ``path`` is still the file, and the bytes, that were read."""
    try:
        with open(path, "rb") as fh:
            st = os.fstat(fh.fileno())
            if not expected.same_stat(st):
                raise FileChanged(_what_changed(expected, st))
            if hashlib.sha256(fh.read()).hexdigest() != expected.sha256:
                raise FileChanged("its content changed")
    except FileNotFoundError:
        raise FileChanged("it was removed") from None


def _what_changed(expected: Snapshot, st: os.stat_result) -> str:
    if (expected.dev, expected.ino) != (st.st_dev, st.st_ino):
        return "it was replaced by another file"
    if expected.size != st.st_size:
        return f"its size changed from {expected.size} to {st.st_size} bytes"
    return "it was modified"


def write_atomic(path: str | Path, data: bytes, expected: Snapshot | None = None) -> None:
    """Replace ``path`` with ``data`` so that readers see the old or the new file, never half;
    with ``expected``, only if the file is still what was read (else FileChanged, nothing written).

    The file keeps its permission bits (and group, where allowed); on failure the original is
    untouched. A symlink is followed: its target is replaced and the link stays a link.
    """
    path = Path(os.path.realpath(path))  # the temporary file goes beside the target, not the link
    try:
        st = path.stat()
    except FileNotFoundError:
        if expected is not None:
            raise FileChanged("it was removed") from None
        st = None
    remove_stale_temps(path)
    if st is not None and st.st_nlink > 1:
        _write_in_place(path, data, expected)
        return
    tmp = path.parent / f".{path.name}{TEMP_TAG}{os.getpid()}-{secrets.token_hex(4)}{TEMP_SUFFIX}"
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0), 0o600)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        if st is not None:
            _keep_owner_and_mode(tmp, st)
        if expected is not None:
            check_unchanged(path, expected)
            # The last look, just before the rename: a write after it is the one that is lost
            # (no lock that editors honour exists; the window is this stat and the rename).
            if not expected.same_stat(os.stat(path)):
                raise FileChanged("it was modified")
        os.replace(tmp, path)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise
    _fsync_dir(path.parent)


def _keep_owner_and_mode(tmp: Path, st: os.stat_result) -> None:
    if hasattr(os, "chown") and (st.st_uid, st.st_gid) != (os.geteuid(), os.getegid()):
        try:  # a group-shared file stays in its group; another owner needs root
            os.chown(tmp, st.st_uid, st.st_gid)
        except PermissionError:
            pass
    os.chmod(tmp, st.st_mode & 0o7777)  # after chown, which clears set-id bits


def _write_in_place(path: Path, data: bytes, expected: Snapshot | None) -> None:
    """Rewrite a hard-linked file through one open file: check it, then write from the first
    byte that differs, truncate, fsync. Every link sees the new text."""
    with open(path, "r+b") as fh:
        st = os.fstat(fh.fileno())
        old = fh.read()
        if expected is not None:
            if not expected.same_stat(st):
                raise FileChanged(_what_changed(expected, st))
            if hashlib.sha256(old).hexdigest() != expected.sha256:
                raise FileChanged("its content changed")
        first = _first_difference(old, data)
        fh.seek(first)
        fh.write(data[first:])
        fh.truncate(len(data))
        fh.flush()
        os.fsync(fh.fileno())


def _first_difference(a: bytes, b: bytes) -> int:
    """The index of the first byte where ``a`` and ``b`` differ (the shorter's length if one is
    a prefix of the other); halving, so that a 50 MB file costs a few dozen comparisons.

    >>> _first_difference(b"abcdef", b"abXdef"), _first_difference(b"ab", b"abc"), _first_difference(b"", b"")
    (2, 2, 0)
    """
    lo, hi = 0, min(len(a), len(b))  # a[:lo] == b[:lo] holds
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if a[lo:mid] == b[lo:mid]:
            lo = mid
        else:
            hi = mid - 1
    return lo


def remove_stale_temps(path: Path) -> list[str]:
    """Remove the temporary files that a killed mtcheck left beside ``path`` (our naming, and a
    process id that is no longer running); give their names. Another running mtcheck's temporary
    file is left alone."""
    prefix = f".{path.name}{TEMP_TAG}"
    removed = []
    try:
        names = os.listdir(path.parent)
    except OSError:
        return removed
    for name in names:
        if not (name.startswith(prefix) and name.endswith(TEMP_SUFFIX)):
            continue
        pid = name[len(prefix):-len(TEMP_SUFFIX)].partition("-")[0]
        if pid.isdigit() and not _running(int(pid)):
            try:
                os.unlink(path.parent / name)
                removed.append(name)
            except OSError:
                pass
    return removed


def _running(pid: int) -> bool:
    if pid == os.getpid():
        return False  # our own leftover cannot be in progress: we write one file at a time
    if os.name == "nt":
        return True  # os.kill(pid, 0) would send the process a Ctrl-C there, not ask about it
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def _fsync_dir(directory: Path) -> None:
    """Make the rename durable; not every platform or file system can open a directory."""
    try:
        fd = os.open(directory, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)
