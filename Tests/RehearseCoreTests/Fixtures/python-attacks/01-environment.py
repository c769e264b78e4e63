# Reads its own environment, hoping it inherited Rehearse's (REHEARSE_HOME, secrets).
import os


def attack():
    found = {key: value for key, value in os.environ.items() if "REHEARSE" in key}
    return "environment: %r" % found


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
