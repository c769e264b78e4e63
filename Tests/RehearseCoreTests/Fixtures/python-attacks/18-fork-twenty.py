# Forks 20 children (a bounded fork bomb), each sleeping for ten minutes.
import os


def attack():
    started, refused = 0, []
    for _ in range(20):
        try:
            if os.fork() == 0:
                os.execv("/bin/sh", ["sh", "-c", "sleep 600 # {{MARKER}}"])
            started += 1
        except OSError as error:
            refused.append(error.strerror)
    return "started %d, refused %d (%s)" % (started, len(refused), ", ".join(set(refused)))


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
