"""Publishing a folder whole: a site, its PDFs or an export changes only once its build has succeeded.

A build writes into a staging folder beside its target (the same file system, so moving it into
place is one rename) and the staging folder takes the target's place only at the end. A build that
fails, or is stopped, leaves the target exactly as it was; its staging folder is removed then, or by
the next build if the process was killed.
"""

from __future__ import annotations

import contextlib
import ctypes
import ctypes.util
import os
import shutil
import signal
import tempfile
from pathlib import Path

_RENAME_EXCHANGE = 2  # renameat2() flag (Linux): swap two paths in one step
_AT_FDCWD = -100


def staging_dir(target: Path) -> Path:
    """A new, empty staging folder beside target, named after it and this process."""
    target = Path(target).resolve()
    target.parent.mkdir(parents=True, exist_ok=True)
    remove_stale_staging(target)
    return Path(tempfile.mkdtemp(prefix=f".{target.name}.staging-{os.getpid()}-", dir=target.parent))


def remove_stale_staging(target: Path) -> None:
    """Remove the staging folders of target that builds killed before they could clean up left."""
    for folder in target.parent.glob(f".{target.name}.staging-*"):
        pid = folder.name.removeprefix(f".{target.name}.staging-").split("-")[0]
        if pid.isdigit() and int(pid) != os.getpid() and not _running(int(pid)):
            shutil.rmtree(folder, ignore_errors=True)


def replace_dir(staging: Path, target: Path) -> None:
    """Put the staging folder in target's place, at once; the old target is removed."""
    target = Path(target).resolve()
    if target.exists() and _exchange(staging, target):
        shutil.rmtree(staging)  # now holds the old target
        return
    if target.exists():  # no atomic swap here: two renames, with target missing in between
        old = Path(tempfile.mkdtemp(prefix=f".{target.name}.old-", dir=target.parent))
        target.rename(old / target.name)
        staging.rename(target)
        shutil.rmtree(old)
    else:
        staging.rename(target)


@contextlib.contextmanager
def staged(target: Path, copy_current: bool = False):
    """Yield a staging folder for target; it replaces target if the block succeeds, else is removed.

    copy_current starts the staging folder as a copy of target, for a step that adds to a built site.
    SIGTERM ends the block like an exception, so a stopped build cleans up too.
    """
    target = Path(target).resolve()
    staging = staging_dir(target)
    try:
        with _terminate_as_exit():
            if copy_current and target.is_dir():
                shutil.rmtree(staging)
                shutil.copytree(target, staging, symlinks=True)
            yield staging
            replace_dir(staging, target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


@contextlib.contextmanager
def _terminate_as_exit():
    """Turn SIGTERM into SystemExit while the block runs (main thread only), so `finally` runs."""
    try:
        previous = signal.signal(signal.SIGTERM, _exit_on_terminate)
    except ValueError:  # not the main thread: signals cannot be handled here
        yield
        return
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous)


def _exit_on_terminate(signum, frame):
    raise SystemExit(128 + signum)


def _exchange(first: Path, second: Path) -> bool:
    """Swap two folders in one step where the system can (Linux renameat2); False if it cannot."""
    libc_name = ctypes.util.find_library("c")
    try:
        renameat2 = ctypes.CDLL(libc_name, use_errno=True).renameat2
    except (OSError, AttributeError, TypeError):
        return False
    result = renameat2(_AT_FDCWD, os.fsencode(first), _AT_FDCWD, os.fsencode(second), _RENAME_EXCHANGE)
    return result == 0


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True
