#!/usr/bin/env python3
"""Writes a store of sample practice for looking at `rehearse progress` (a development aid).

A candidate practising most evenings: SESSIONS sessions over the DAYS days up to END, a few
questions of the shipped bank each, scores that improve with practice, and the rubrics' talking
points missed at first and made later (so some are cleared). The store is created by the built
binary, so its schema is the program's own; the rows are written beside it with sqlite3.

    swift build
    python3 scripts/sample-progress-store.py --home /tmp/rehearse-sample
    REHEARSE_HOME=/tmp/rehearse-sample .build/debug/rehearse progress --format html > /tmp/p.html

Options: --sessions N (60), --days N (30), --end YYYY-MM-DD (today), --seed N (7),
--rehearse PATH (.build/debug/rehearse). Times are local (set TZ to choose the zone).
"""

import argparse
import datetime
import json
import os
import random
import sqlite3
import subprocess
import sys
import time

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
COMPONENTS = [
    "sql-python", "database-concepts", "ci-cd", "data-models", "system-design",
    "cloud-platforms", "behavioural",
]


def load_bank():
    """The question ids and prompts of each component, and each question's talking points."""
    questions = {}
    points = {}
    for component in COMPONENTS:
        with open(os.path.join(ROOT, "question-bank", component + ".yaml")) as handle:
            bank = yaml.safe_load(handle)
        questions[component] = [(q["id"], q["prompt"].strip()) for q in bank["questions"]]
        with open(os.path.join(ROOT, "rubrics", component + ".yaml")) as handle:
            rubrics = yaml.safe_load(handle) or {}
        for question_id, rubric in rubrics.items():
            if isinstance(rubric, dict):
                points[question_id] = [p["label"] for p in rubric.get("points", [])]
    return questions, points


def band(score):
    return "strong" if score >= 70 else "adequate" if score >= 40 else "weak"


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--home", required=True)
    parser.add_argument("--sessions", type=int, default=60)
    parser.add_argument("--days", type=int, default=30)
    parser.add_argument("--end", default=datetime.date.today().isoformat())
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--rehearse", default=os.path.join(ROOT, ".build", "debug", "rehearse"))
    options = parser.parse_args()

    database_path = os.path.join(options.home, "rehearse.sqlite")
    if os.path.exists(database_path):
        sys.exit(f"{database_path} exists; choose an empty --home")
    # The program makes the store, so the schema is its own.
    environment = dict(os.environ, REHEARSE_HOME=options.home)
    subprocess.run([options.rehearse, "history"], env=environment, check=True,
                   stdout=subprocess.DEVNULL)

    rng = random.Random(options.seed)
    questions, points = load_bank()
    end = datetime.date.fromisoformat(options.end)
    days = [end - datetime.timedelta(days=offset) for offset in range(options.days - 1, -1, -1)]
    # Most evenings, not all: a few days off, and the last week kept unbroken for a streak.
    practised = [day for index, day in enumerate(days)
                 if index >= len(days) - 7 or rng.random() < 0.75]
    per_day = {day: 1 for day in practised}
    for _ in range(max(0, options.sessions - len(practised))):
        per_day[rng.choice(practised)] += 1
    # Each component has its own starting level and pace.
    skill = {component: rng.uniform(25, 55) for component in COMPONENTS}
    pace = {component: rng.uniform(0.4, 1.4) for component in COMPONENTS}
    made = {}  # (question, point) -> chance the point is made, growing with each answer

    connection = sqlite3.connect(database_path)
    made_sessions = 0
    for day_index, day in enumerate(sorted(per_day)):
        for session_index in range(per_day[day]):
            hour = min(23, 18 + session_index)
            start = time.mktime(datetime.datetime(day.year, day.month, day.day, hour,
                                                  rng.randint(0, 40)).timetuple())
            chosen = rng.sample(COMPONENTS, rng.randint(2, 4))
            items = []
            for component in chosen:
                question_id, prompt = rng.choice(questions[component])
                items.append({"questionID": question_id, "component": component,
                              "limitSeconds": 240, "prompt": prompt})
            plan = {"items": [{k: item[k] for k in ("questionID", "component", "limitSeconds")}
                              for item in items],
                    "sessionLimitSeconds": 240 * len(items), "seed": rng.randint(1, 10**9)}
            cursor = connection.execute(
                "INSERT INTO session (started_at, ended_at, ending, plan, bank, planned) "
                "VALUES (?, ?, 'completed', ?, ?, ?)",
                (start, start + 240 * len(items), json.dumps(plan), ROOT, len(items)))
            session_id = cursor.lastrowid
            moment = start
            for position, item in enumerate(items):
                component = item["component"]
                level = skill[component] + pace[component] * day_index * 1.5
                score = max(0, min(100, int(rng.gauss(level, 12))))
                hits, misses = [], []
                for label in points.get(item["questionID"], []):
                    key = (item["questionID"], label)
                    chance = made.get(key, score / 110)
                    if rng.random() < chance:
                        hits.append({"point": label, "weight": 1, "required": False,
                                     "evidence": []})
                    else:
                        misses.append({"point": label, "weight": 1, "required": False,
                                       "credit": 0, "evidence": []})
                    made[key] = min(0.95, chance + 0.3)
                scored = {"question": item["questionID"], "score": score, "band": band(score),
                          "hits": hits, "misses": misses, "misconceptions": [],
                          "cappedByRequired": False}
                seconds = rng.uniform(90, 230)
                answered = moment + seconds
                cursor = connection.execute(
                    "INSERT INTO answer (session_id, position, question_id, component, prompt, "
                    "text, outcome, started_at, answered_at, seconds_used, hints_used, score, "
                    "band, scored) VALUES (?, ?, ?, ?, ?, ?, 'answered', ?, ?, ?, 0, ?, ?, ?)",
                    (session_id, position, item["questionID"], component, item["prompt"],
                     "A sample answer.", moment, answered, seconds, score, band(score),
                     json.dumps(scored)))
                answer_id = cursor.lastrowid
                for hit in hits:
                    connection.execute(
                        "INSERT INTO answer_point (answer_id, question_id, point, credit, "
                        "answered_at) VALUES (?, ?, ?, 1, ?)",
                        (answer_id, item["questionID"], hit["point"], answered))
                for miss in misses:
                    connection.execute(
                        "INSERT INTO answer_point (answer_id, question_id, point, credit, "
                        "answered_at) VALUES (?, ?, ?, 0, ?)",
                        (answer_id, item["questionID"], miss["point"], answered))
                moment = answered + 5
            made_sessions += 1
    connection.commit()
    connection.close()
    print(f"{database_path}: {made_sessions} sessions on {len(per_day)} of {len(days)} days "
          f"up to {end.isoformat()}")


if __name__ == "__main__":
    main()
