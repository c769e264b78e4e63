# Calls the C library's fork() and execv() through ctypes, around Python's own checks.
import ctypes


def attack():
    libc = ctypes.CDLL(None, use_errno=True)
    pid = libc.fork()
    if pid == 0:
        arguments = (ctypes.c_char_p * 4)(b"sh", b"-c", b"sleep 600 # {{MARKER}}", None)
        libc.execv(b"/bin/sh", arguments)
        libc._exit(0)
    return "fork returned %d, errno %d" % (pid, ctypes.get_errno())


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
