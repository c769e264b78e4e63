# Replaces the Python process itself with a ten-minute sleep (no fork needed).
import os

os.execv("/bin/sh", ["sh", "-c", "sleep 600 # {{MARKER}}"])


def merge_intervals(intervals):
    return []
