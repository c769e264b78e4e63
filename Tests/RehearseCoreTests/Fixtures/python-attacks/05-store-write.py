# Appends to the user's store and plants a file beside it.
def attack():
    with open("{{STORE}}/rehearse.sqlite", "ab") as handle:
        handle.write(b"{{MARKER}}")
    with open("{{STORE}}/planted-{{MARKER}}", "w") as handle:
        handle.write("{{MARKER}}")
    return "written"


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
