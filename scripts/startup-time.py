#!/usr/bin/env python3
"""Time from starting `rehearse` to its first question prompt, at a pseudo-terminal.

Usage: scripts/startup-time.py [--runs N] [--binary PATH] [-- ARGS...]

Builds nothing: run `swift build -c release` first. Each run starts the binary on a fresh
pseudo-terminal with a fresh REHEARSE_HOME (so the store is created, the worst case) or, with
--warm, with one home shared by the runs. It measures until the prompt's countdown appears,
then sends :quit. Prints the median, best and worst in milliseconds.
"""
import argparse, os, pty, select, shutil, statistics, sys, tempfile, time

parser = argparse.ArgumentParser()
parser.add_argument("--runs", type=int, default=20)
parser.add_argument("--binary", default=".build/release/rehearse")
parser.add_argument("--warm", action="store_true", help="share one REHEARSE_HOME between runs")
parser.add_argument("args", nargs="*", default=["mock"])
options = parser.parse_args()

shared_home = tempfile.mkdtemp(prefix="rehearse-startup-")
times = []
for run in range(options.runs):
    home = shared_home if options.warm else tempfile.mkdtemp(prefix="rehearse-startup-")
    env = dict(os.environ, REHEARSE_HOME=home, NO_COLOR="1", TERM="xterm", INPUTRC="/dev/null")
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execve(options.binary, [options.binary] + options.args, env)
    output = b""
    elapsed = None
    while elapsed is None:
        ready, _, _ = select.select([fd], [], [], 10)
        if not ready:
            sys.exit("no prompt within 10 s:\n" + output.decode(errors="replace"))
        try:
            chunk = os.read(fd, 65536)
        except OSError:
            sys.exit("rehearse ended before its prompt:\n" + output.decode(errors="replace"))
        output += chunk
        if " · session ".encode() in output and "›".encode() in output:
            elapsed = time.perf_counter() - start
    os.write(fd, b":quit\r")
    while True:
        try:
            if not os.read(fd, 65536):
                break
        except OSError:
            break
    os.waitpid(pid, 0)
    os.close(fd)
    if not options.warm:
        shutil.rmtree(home, ignore_errors=True)
    times.append(elapsed * 1000)

shutil.rmtree(shared_home, ignore_errors=True)
print(f"start to first prompt over {len(times)} runs ({'warm' if options.warm else 'new'} home): "
      f"median {statistics.median(times):.1f} ms, best {min(times):.1f} ms, "
      f"worst {max(times):.1f} ms")
