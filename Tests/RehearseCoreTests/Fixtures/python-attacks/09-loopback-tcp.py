# Connects to a TCP server on 127.0.0.1 (a local database, an admin port).
import socket


def attack():
    with socket.create_connection(("127.0.0.1", {{PORT}}), timeout=1) as connection:
        connection.sendall(b"{{MARKER}}")
    return "connected"


try:
    FOUND = attack()
except BaseException as error:
    FOUND = "refused: %r" % (error,)


def merge_intervals(intervals):
    return FOUND
