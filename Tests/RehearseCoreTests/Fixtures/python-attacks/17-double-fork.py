# The classic daemon: fork, new session, fork again, and sleep for ten minutes.
import os


def attack():
    if os.fork() == 0:
        os.setsid()
        if os.fork() == 0:
            os.execv("/bin/sh", ["sh", "-c", "sleep 600 # {{MARKER}}"])
        os._exit(0)
    os.wait()
    return "forked"


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
