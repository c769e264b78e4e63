#!/usr/bin/env python3
"""Runs the bank's executable exercises: each SQL fixture and reference query in SQLite, and each
Python reference solution against its tests. A check for bank authors until `rehearse bank test`
runs them itself.

Usage: scripts/check-exercises.py [BANK_DIR]      (default: the repository's bank)

Exits 0 when every reference query runs and returns rows, and every reference solution passes
every test; otherwise prints file: id: problem lines and exits 1.
"""
import glob, os, sqlite3, subprocess, sys, tempfile
import yaml

root = sys.argv[1] if len(sys.argv) > 1 else os.path.join(os.path.dirname(__file__), "..")
failures = 0


def fail(path, qid, message):
    global failures
    failures += 1
    print(f"{path}: {qid}: {message}")


for path in sorted(glob.glob(os.path.join(root, "question-bank", "*.yaml"))):
    with open(path, encoding="utf-8") as handle:
        document = yaml.safe_load(handle) or {}
    for question in document.get("questions") or []:
        qid = question.get("id", "?")
        kind = question.get("kind")
        if kind == "sql":
            database = sqlite3.connect(":memory:")
            try:
                database.executescript(question.get("fixture", ""))
            except sqlite3.Error as error:
                fail(path, qid, f"the fixture fails: {error}")
                continue
            try:
                rows = database.execute(question.get("reference_query", "")).fetchall()
            except sqlite3.Error as error:
                fail(path, qid, f"the reference query fails: {error}")
                continue
            if not rows:
                fail(path, qid, "the reference query returns no rows: nothing to compare")
        elif kind == "python":
            tests = question.get("tests") or []
            if len(tests) < 3:
                fail(path, qid, f"only {len(tests)} tests (at least 3)")
            program = question.get("reference_solution", "") + "\n\n_failures = 0\n"
            for index, test in enumerate(tests):
                program += (
                    f"try:\n"
                    f"    _got = {test['call']}\n"
                    f"    _want = {test['expected']}\n"
                    f"    if _got != _want:\n"
                    f"        _failures += 1\n"
                    f"        print('test {index + 1}: expected', repr(_want), 'got', repr(_got))\n"
                    f"except Exception as _error:\n"
                    f"    _failures += 1\n"
                    f"    print('test {index + 1}: raised', repr(_error))\n")
            program += "raise SystemExit(1 if _failures else 0)\n"
            with tempfile.TemporaryDirectory() as folder:
                result = subprocess.run(
                    [sys.executable, "-c", program], cwd=folder, capture_output=True, text=True,
                    timeout=20)
            if result.returncode != 0:
                detail = (result.stdout + result.stderr).strip().replace("\n", "; ")
                fail(path, qid, f"the reference solution fails: {detail}")

print("ok" if failures == 0 else f"{failures} problem(s)")
sys.exit(1 if failures else 0)
