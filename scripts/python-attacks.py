#!/usr/bin/env python3
"""Run every hostile Python answer through `rehearse score` and print what each one achieved.

Usage: scripts/python-attacks.py [--binary PATH] [--user nobody] [--python PATH] [ATTACK...]

The answers are Tests/RehearseCoreTests/Fixtures/python-attacks/*.py (the same files the
"Python answers are sandboxed" tests run). Each attack gets what the tests give it: a store and
a home readable by anyone holding a secret each, a secret in Rehearse's environment, a
world-writable folder outside the temporary folders, a TCP and a Unix socket listening, and a
TMPDIR of its own. With --user nobody (as root) Rehearse runs as nobody through setpriv, as an
unprivileged user would; give it a Python that nobody can run (--python, default
/usr/bin/python3). Prints one line per attack: the outcome, what the answer returned (its first
test's value), and what it breached (LEAK of a secret, PASS, WRITE, CONNECT, STORE changed,
FOLDER or PROCESS left behind, SLOW past the limit plus 1 s, HUNG past it plus 25 s (then
killed by this script), KILLED a process of the same user);
"contained" when nothing. Exits 1 when any attack breached something.

The answers are hostile: against a Rehearse without the sandbox (an older build) they run with
the rights of whoever runs this script, and do what they say (read, write, connect, fork).
"""
import argparse, glob, json, os, shutil, socket, subprocess, sys, tempfile, time, uuid

here = os.path.dirname(os.path.abspath(__file__))
repository = os.path.dirname(here)
parser = argparse.ArgumentParser()
parser.add_argument("--binary", default=os.path.join(repository, ".build/debug/rehearse"))
parser.add_argument("--user", choices=["invoker", "nobody"], default="invoker")
parser.add_argument("--python", default="/usr/bin/python3")
parser.add_argument("--limit", type=float, default=5.0, help="the wall-clock limit of a run")
parser.add_argument("attacks", nargs="*")
options = parser.parse_args()

fixtures = sorted(glob.glob(os.path.join(
    repository, "Tests/RehearseCoreTests/Fixtures/python-attacks/*.py")))
if options.attacks:
    fixtures = [path for path in fixtures if any(name in path for name in options.attacks)]
as_nobody = ["setpriv", "--reuid=65534", "--regid=65534", "--clear-groups"]
breached_any = False

for path in fixtures:
    name = os.path.basename(path)[:-3]
    key = uuid.uuid4().hex
    marker = "rehearse-attack-marker-" + key
    secrets = {what: "%s-secret-%s" % (what, key) for what in ("env", "store", "story", "home")}
    base = tempfile.mkdtemp(prefix="rehearse-attack-")
    store, home, tmp = (os.path.join(base, part) for part in ("store", "home", "tmp"))
    outside = os.path.join(repository, ".build", "rehearse-attack-" + key)
    for folder in (store, os.path.join(store, "stories"), home, tmp, outside):
        os.makedirs(folder)
        os.chmod(folder, 0o755)
    os.chmod(base, 0o755)
    os.chmod(outside, 0o777)
    files = {os.path.join(store, "rehearse.sqlite"): "SQLite format 3 " + secrets["store"],
             os.path.join(store, "stories/conflict.md"): "# Story\n" + secrets["story"] + "\n",
             os.path.join(home, ".private-notes"): secrets["home"] + "\n"}
    for file, text in files.items():
        with open(file, "w") as handle:
            handle.write(text)
        os.chmod(file, 0o644)
    if options.user == "nobody":
        for folder in (store, home, tmp):
            for root, folders, names in os.walk(folder):
                for entry in [root] + [os.path.join(root, n) for n in folders + names]:
                    os.chown(entry, 65534, 65534)
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(16)
    listener.setblocking(False)
    unix_path = os.path.join(outside, "a.sock")
    unix = socket.socket(socket.AF_UNIX)
    unix.bind(unix_path)
    os.chmod(unix_path, 0o777)
    unix.listen(16)
    unix.setblocking(False)
    prefix = as_nobody if options.user == "nobody" else []
    sentinel = subprocess.Popen(prefix + ["sleep", "60"])
    with open(path) as handle:
        source = handle.read()
    for placeholder, value in {"SENTINEL": str(sentinel.pid), "MARKER": marker, "STORE": store,
                               "HOME": home, "OUTSIDE": outside, "PORT": str(listener.getsockname()[1]),
                               "SOCKET": unix_path}.items():
        source = source.replace("{{%s}}" % placeholder, value)
    answer = os.path.join(base, "answer.py")
    with open(answer, "w") as handle:
        handle.write(source)
    os.chmod(answer, 0o644)

    env = dict(os.environ, REHEARSE_HOME=store, HOME=home, TMPDIR=tmp, NO_COLOR="1",
               REHEARSE_ATTACK_SECRET=secrets["env"])
    env.pop("REHEARSE_BANK", None)
    if options.user == "nobody":
        env["REHEARSE_PYTHON"] = options.python
    # The bank cache, built outside the timing.
    subprocess.run(prefix + [options.binary, "bank", "list"], env=env, cwd=repository,
                   stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    before = {f: open(f, "rb").read() for f in files if f.startswith(store)}
    start = time.monotonic()
    hung = False
    try:
        run = subprocess.run(prefix + [options.binary, "score", "py-merge-overlapping-intervals",
                                       "--answer-file", answer, "--format", "json"],
                             env=env, cwd=repository, capture_output=True, text=True,
                             timeout=options.limit + 25)
    except subprocess.TimeoutExpired as expired:
        # Killed here, not by Rehearse: what the old harness did with a detached child.
        hung = True
        run = subprocess.CompletedProcess(expired.cmd, -9, (expired.stdout or b"").decode(),
                                          (expired.stderr or b"").decode())
    elapsed = time.monotonic() - start

    breaches = []
    output = run.stdout + run.stderr
    breaches += ["LEAK " + what for what, secret in secrets.items() if secret in output]
    outcome, returned = "?", ""
    try:
        execution = json.loads(run.stdout)["execution"]
        outcome = execution["outcome"]
        returned = (execution["checks"][0].get("actual") or execution.get("message") or "")
        if outcome == "passed":
            breaches.append("PASS")
    except (ValueError, KeyError, IndexError):
        returned = run.stderr.strip()[-120:]
    written = [entry for entry in os.listdir(outside) if entry != "a.sock"]
    written += [p for p in ("/tmp", "/var/tmp", "/dev/shm")
                if os.path.exists("%s/pwned-%s" % (p, marker))]
    if written:
        breaches.append("WRITE " + ",".join(written))
    for server in (listener, unix):
        try:
            server.accept()[0].close()
            breaches.append("CONNECT")
        except BlockingIOError:
            pass
    stored = sorted(os.path.relpath(os.path.join(r, n), store)
                    for r, _, ns in os.walk(store) for n in ns)
    stored = [entry for entry in stored if not entry.startswith("cache")]
    if stored != ["rehearse.sqlite", "stories/conflict.md"] or any(
            open(f, "rb").read() != data for f, data in before.items()):
        breaches.append("STORE changed")
    if [entry for entry in os.listdir(tmp) if entry.startswith("rehearse-python-")]:
        breaches.append("FOLDER left")
    left = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout.split()
    if left:
        breaches.append("PROCESS left (%d)" % len(left))
        for pid in left:
            subprocess.run(["kill", "-9", pid])
    if hung:
        breaches.append("HUNG (stopped after %d s)" % elapsed)
    elif elapsed > options.limit + 1:
        breaches.append("SLOW")
    if sentinel.poll() is not None:
        breaches.append("KILLED a process")
    sentinel.kill()
    sentinel.wait()
    listener.close()
    unix.close()
    shutil.rmtree(base, ignore_errors=True)
    shutil.rmtree(outside, ignore_errors=True)
    for p in ("/tmp", "/var/tmp", "/dev/shm"):
        try:
            os.unlink("%s/pwned-%s" % (p, marker))
        except OSError:
            pass

    breached_any = breached_any or bool(breaches)
    print("%-20s %-9s %5.2f s  %-28s %s" % (
        name, outcome, elapsed, ", ".join(breaches) or "contained",
        returned.replace(key, "<id>").replace("\n", " ")[:110]))
    sys.stdout.flush()

sys.exit(1 if breached_any else 0)
