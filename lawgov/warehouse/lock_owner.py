"""Who holds a build lock, so a second build can say what it is waiting for.

The lock is an flock on the lock file; the kernel lists such locks, with the process that
took them, in /proc/locks. Reading that (rather than writing the holder into the lock file,
which lock libraries truncate on open) names the holder even of a build that was killed
mid-way and left no note. On systems without /proc, the holder is unknown.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path


@dataclass(frozen=True)
class LockOwner:
    pid: int
    started: datetime | None          # when that process started (local time)


def lock_owner(lock_file: Path) -> LockOwner | None:
    """The process holding an flock on ``lock_file``, or None when it cannot be told."""
    try:
        inode = os.stat(lock_file).st_ino
        locks = Path("/proc/locks").read_text()
    except OSError:
        return None
    for line in locks.splitlines():
        parts = line.split()
        # "1: FLOCK  ADVISORY  WRITE 12345 fd:01:1234567 0 EOF"; a waiter's line has "->"
        if len(parts) >= 6 and parts[1] == "FLOCK" and "->" not in line:
            try:
                pid, ino = int(parts[4]), int(parts[5].split(":")[-1])
            except ValueError:
                continue
            if ino == inode and pid != os.getpid():
                return LockOwner(pid, _started(pid))
    return None


def _started(pid: int) -> datetime | None:
    """A process's start time: its start in clock ticks after boot (/proc/PID/stat) + boot time."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
        ticks = int(stat.rsplit(")", 1)[1].split()[19])
        boot = next(int(line.split()[1]) for line in Path("/proc/stat").read_text().splitlines()
                    if line.startswith("btime "))
        return datetime.fromtimestamp(boot + ticks / os.sysconf("SC_CLK_TCK"))
    except (OSError, ValueError, IndexError, StopIteration):
        return None


def waiting_message(lock_file: Path, wait: float) -> str:
    """What a build says while it waits for the lock."""
    owner = lock_owner(lock_file)
    if owner is None:
        who = f"another build (it holds {lock_file})"
    else:
        when = f", started {owner.started:%H:%M:%S}" if owner.started else ""
        who = f"the build of pid {owner.pid}{when}"
    return f"waiting for {who} to finish (up to {wait:g} s; --wait SECONDS changes that) …"
