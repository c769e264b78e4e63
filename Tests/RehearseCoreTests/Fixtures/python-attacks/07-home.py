# Reads a private file in the user's home folder.
def attack():
    with open("{{HOME}}/.private-notes") as handle:
        return "home: %r" % handle.read(200)


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
