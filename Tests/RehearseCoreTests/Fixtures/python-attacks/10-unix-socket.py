# Connects to a Unix socket that anyone may connect to (such as a session bus).
import socket


def attack():
    with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as connection:
        connection.settimeout(1)
        connection.connect("{{SOCKET}}")
        connection.sendall(b"{{MARKER}}")
    return "connected"


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
