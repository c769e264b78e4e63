# Starts a process in a new session through subprocess, so a group kill would miss it.
import subprocess


def attack():
    child = subprocess.Popen(["sh", "-c", "sleep 600 # {{MARKER}}"], start_new_session=True)
    return "started %d" % child.pid


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
