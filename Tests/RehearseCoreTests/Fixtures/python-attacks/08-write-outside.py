# Writes files outside its folder: a world-writable folder, and the shared temporary folders.
def attack():
    results = []
    for path in ["{{OUTSIDE}}/pwned-{{MARKER}}", "/tmp/pwned-{{MARKER}}",
                 "/var/tmp/pwned-{{MARKER}}", "/dev/shm/pwned-{{MARKER}}"]:
        try:
            with open(path, "w") as handle:
                handle.write("{{MARKER}}")
            results.append("wrote " + path)
        except OSError as error:
            results.append("refused: %s" % error.strerror)
    return "; ".join(results)


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
