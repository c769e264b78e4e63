# Reads the parent's environment through /proc/<ppid>/environ.
import os


def attack():
    with open("/proc/%d/environ" % os.getppid(), "rb") as handle:
        entries = handle.read().split(b"\0")
    return "parent: %r" % [entry for entry in entries if b"REHEARSE" in entry]


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
