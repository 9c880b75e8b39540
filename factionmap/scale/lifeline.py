"""Worker processes that die with the process that started them, and a SIGTERM that stops a run like Ctrl-C.

    die_with_parent(parent_pid)          # first thing in a pool worker (its initializer)
    stop_on_sigterm()                    # once, in the command's main thread

A pool worker waits on a pipe that it holds both ends of, so when its parent is killed (``kill -9``, the out-of-
memory killer) nothing wakes it: it used to live on, with the model loaded, together with multiprocessing's resource
tracker, which exits only when the last worker closes its end (issue 10). A worker therefore asks Linux to kill it
when its parent dies (``prctl(PR_SET_PDEATHSIG, SIGKILL)``) and, on every platform, watches its parent's pid from a
thread, exiting when it changes. It also ignores SIGINT: on Ctrl-C (sent to the whole process group) the parent
alone stops, and stops its workers.

A terminated command (``SIGTERM``: ``kill``, a service manager, a container stopping) raises ``KeyboardInterrupt``,
so it unwinds as on Ctrl-C: the document being stored is rolled back and the workers are stopped.

Nothing here imports more than the standard library: a worker runs it before loading anything heavy.
"""

from __future__ import annotations

import ctypes
import ctypes.util
import os
import signal
import sys
import threading
import time
from types import FrameType

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
WATCH_SECONDS = 0.5
"""How often a worker checks that its parent is alive, where the kernel cannot tell it (not Linux)."""


def die_with_parent(parent_pid: int) -> None:
    """Make this process exit when the process ``parent_pid`` (which started it) dies, and ignore Ctrl-C."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _ask_kernel_for_death_signal()
    if os.getppid() != parent_pid:  # the parent died before the request above took effect
        os._exit(1)
    threading.Thread(target=_watch_parent, args=(parent_pid,), name="factionmap-parent-watch", daemon=True).start()


def _ask_kernel_for_death_signal() -> None:
    """On Linux, have the kernel send SIGKILL to this process when its parent dies; elsewhere, nothing."""
    if not sys.platform.startswith("linux"):
        return
    libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
    if libc.prctl(PR_SET_PDEATHSIG, signal.SIGKILL, 0, 0, 0) != 0:
        raise OSError(ctypes.get_errno(), "prctl(PR_SET_PDEATHSIG) failed")


def _watch_parent(parent_pid: int) -> None:
    """Exit this process once its parent is gone (it is then adopted: its parent pid changes)."""
    while os.getppid() == parent_pid:
        time.sleep(WATCH_SECONDS)
    os._exit(1)


def stop_on_sigterm() -> None:
    """Turn SIGTERM into ``KeyboardInterrupt`` in the main thread, so a terminated run cleans up as on Ctrl-C."""
    signal.signal(signal.SIGTERM, _interrupt)


def _interrupt(signum: int, frame: FrameType | None) -> None:
    raise KeyboardInterrupt(f"terminated (signal {signum})")
