"""Files for the service account only: folders 0700, files 0600, whatever the umask.

The store holds full text of internal documents and personal data, so nothing gongkai writes may be
readable by another local account. Two layers: entry points (the CLI, the flows) narrow the process
umask, which covers every file any part writes; and the library creates its own data files with
explicit modes, so that a caller with a loose umask (a script, a test) gets the same result.
"""
from __future__ import annotations

import os
from pathlib import Path

DIR_MODE = 0o700
FILE_MODE = 0o600
UMASK = 0o077


def restrict_umask() -> int:
    """Narrow the process umask to owner-only (entry points call this first). Returns the old one."""
    return os.umask(UMASK)


def private_dir(path: Path | str) -> Path:
    """`mkdir -p` that gives every folder it creates mode 0700 (existing folders are left as they are).

    `Path.mkdir(parents=True)` would give the parents the umask's mode, hence one level at a time."""
    path = Path(path)
    missing = []
    current = path
    while not current.exists() and current != current.parent:
        missing.append(current)
        current = current.parent
    for folder in reversed(missing):
        try:
            folder.mkdir(mode=DIR_MODE)
        except FileExistsError:
            continue  # a concurrent worker made it first
        os.chmod(folder, DIR_MODE)  # mkdir's mode is filtered by the umask, which may be wider or narrower
    return path


def create_private(path: Path | str, *, exclusive: bool = True) -> int:
    """Open a new file for writing with mode 0600 from its first byte (no window of a wider mode)."""
    flags = os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0)
    if exclusive:
        flags |= os.O_EXCL
    fd = os.open(path, flags, FILE_MODE)
    os.fchmod(fd, FILE_MODE)  # an existing file keeps its mode on open: narrow it too
    return fd


def loose_bits(mode: int) -> int:
    """The permission bits beyond owner-only (0 when the mode is as it should be)."""
    return mode & 0o077
