# Starts a shell command that outlives the run.
import os


def attack():
    status = os.system("sh -c 'sleep 600 # {{MARKER}}' &")
    return "os.system returned %r" % status


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
