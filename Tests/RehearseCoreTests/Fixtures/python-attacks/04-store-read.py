# Reads the user's store (REHEARSE_HOME/rehearse.sqlite), which holds every answer.
def attack():
    with open("{{STORE}}/rehearse.sqlite", "rb") as handle:
        return "store: %r" % handle.read(200)


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
