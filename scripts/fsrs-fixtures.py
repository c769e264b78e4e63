#!/usr/bin/env python3
"""Reference fixtures for Rehearse's FSRS scheduler, produced by py-fsrs.

Usage: scripts/fsrs-fixtures.py [--output PATH]

Needs the reference package: `pip install fsrs==6.3.2` (the fixture committed in
Tests/RehearseCoreTests/Fixtures/fsrs-reference.json was made with fsrs 6.3.2; the script
records the version it ran with in the JSON). Run it from the repository root; it writes
Tests/RehearseCoreTests/Fixtures/fsrs-reference.json unless told otherwise, and its output is
the same on every run (no clock, no unseeded randomness).

Rehearse schedules in whole days, so the reference is configured the way Rehearse runs:
no learning or relearning steps (every review goes straight to the Review state with an
interval in days) and no fuzzing. Each sequence is a list of reviews of one card; the time of
each review after the first is the previous due date plus or minus some days (or hours), or a
fixed number of days after the previous review (0 for a same-day review). After each review the
fixture records the stability, difficulty and interval the reference computed, the elapsed days
it used (whole days, rounded down as py-fsrs does), and the retrievability it saw at that time.
"""
import argparse
import json
import random
from datetime import datetime, timedelta, timezone
from importlib.metadata import version

from fsrs import Card, Rating, Scheduler
from fsrs.scheduler import DEFAULT_PARAMETERS

START = datetime(2025, 1, 6, 9, 0, tzinfo=timezone.utc)
DEFAULT = dict(parameters=list(DEFAULT_PARAMETERS), desired_retention=0.9, maximum_interval=36500)

# A set of weights other than the defaults (inside py-fsrs's bounds, with the FSRS-5 decay 0.5),
# so the fixture shows every weight is read from the parameters and not from constants.
OTHER_WEIGHTS = [
    0.40255, 1.18385, 3.173, 15.69105, 7.1949, 0.5345, 1.4604, 0.0046, 1.54575, 0.1192,
    1.01925, 1.9395, 0.11, 0.29605, 2.2698, 0.2315, 2.9898, 0.51655, 0.6621, 0.2, 0.5,
]

A, H, G, E = 1, 2, 3, 4


def due(days=0, hours=0):
    """A review at the previous due date moved by some days (negative: early) and hours."""
    return ("due", timedelta(days=days, hours=hours))


def after(days=0, hours=0):
    """A review a fixed time after the previous review (after(0): the same day)."""
    return ("after", timedelta(days=days, hours=hours))


ON_TIME = due(0)


def steps(ratings, timing=ON_TIME):
    """Reviews with the given ratings, each at the same timing."""
    return [(rating, timing) for rating in ratings]


def sequences():
    """The named rating sequences: (name, reviews, scheduler options)."""
    s = []
    for rating, name in ((A, "again"), (H, "hard"), (G, "good"), (E, "easy")):
        s.append((f"first review {name}, then good on time", [(rating, None)] + steps([G] * 4), {}))
    s.append(("good on time 15 times", steps([G] * 15), {}))
    s.append(("easy on time 10 times", steps([E] * 10), {}))
    s.append(("hard on time 12 times", steps([H] * 12), {}))
    s.append(("again on time 10 times", steps([A] * 10), {}))
    s.append(("good 8 times, lapse on time, good 5 times", steps([G] * 8 + [A] + [G] * 5), {}))
    s.append(("easy 6 times, lapse 30 days late, good 4 times",
              steps([E] * 6) + [(A, due(30))] + steps([G] * 4), {}))
    s.append(("good 7 times, lapse 200 days late, again the same day, good",
              steps([G] * 7) + [(A, due(200)), (A, after(0)), (G, after(1)), (G, ON_TIME)], {}))
    s.append(("same-day run: all ratings at 0 elapsed days",
              [(A, None), (A, after(0)), (H, after(0)), (G, after(0)), (E, after(0)),
               (G, ON_TIME)], {}))
    s.append(("same-day good 6 times", [(G, None)] + steps([G] * 5, after(0)) + [(G, ON_TIME)], {}))
    s.append(("same-day hard after a long interval",
              steps([G] * 6) + [(H, after(0)), (H, after(0)), (G, ON_TIME)], {}))
    s.append(("same-day again after a long interval",
              steps([E] * 4) + [(A, after(0)), (A, after(0)), (G, after(1)), (G, ON_TIME)], {}))
    s.append(("same-day reviews hours apart", [(G, None), (G, after(hours=6)),
              (E, after(hours=23)), (H, ON_TIME), (G, due(0, hours=-20)), (G, ON_TIME)], {}))
    s.append(("good always one day early", steps([G] * 10, due(-1)), {}))
    s.append(("good always early by half the interval, at least a day",
              steps([G] * 8, ("early-half", None)), {}))
    s.append(("good always 3 days late", steps([G] * 10, due(3)), {}))
    s.append(("good late by growing amounts",
              [(G, due(d)) for d in (0, 1, 2, 5, 10, 20, 40, 80)], {}))
    s.append(("hard late, good early, easy on time, again late",
              [(H, due(4)), (G, due(-2)), (E, ON_TIME), (A, due(15)), (G, due(-1)), (G, ON_TIME)],
              {}))
    s.append(("reviewed a year after the first review",
              [(G, None), (G, after(365)), (G, ON_TIME), (G, after(400))], {}))
    s.append(("cycle of again, hard, good, easy", steps([A, H, G, E] * 4), {}))
    s.append(("cycle of easy, good, hard, again", steps([E, G, H, A] * 4), {}))
    s.append(("again after every good", steps([G, A] * 6), {}))
    s.append(("again pushes difficulty to the top, then easy brings it down",
              steps([A] * 6 + [E] * 8), {}))
    s.append(("two-hour-late and 20-hours-late reviews (elapsed days rounded down)",
              [(G, due(0, hours=2)), (G, due(0, hours=20)), (G, due(1, hours=23)), (G, ON_TIME)],
              {}))
    s.append(("easy 12 times capped at 365 days", steps([E] * 12), dict(maximum_interval=365)))
    s.append(("good 12 times capped at 180 days, then late", steps([G] * 12) + [(G, due(50))],
              dict(maximum_interval=180)))
    s.append(("desired retention 0.8", steps([G] * 6 + [A, H, G, E]), dict(desired_retention=0.8)))
    s.append(("desired retention 0.95", steps([G] * 6 + [A, H, G, E]),
              dict(desired_retention=0.95)))
    s.append(("other weights: mixed ratings and timings",
              [(H, due(2)), (G, ON_TIME), (A, after(0)), (G, after(1)), (E, due(-3)), (G, due(9)),
               (A, due(100)), (G, ON_TIME)], dict(parameters=OTHER_WEIGHTS)))

    generator = random.Random(20250106)
    for number in range(1, 9):
        reviews = []
        for _ in range(generator.randint(6, 14)):
            rating = generator.choices([A, H, G, E], weights=[2, 2, 5, 2])[0]
            kind = generator.random()
            if kind < 0.15:
                timing = after(0)
            elif kind < 0.3:
                timing = due(-generator.randint(1, 5))
            elif kind < 0.6:
                timing = due(generator.randint(1, 30))
            else:
                timing = ON_TIME
            reviews.append((rating, timing))
        s.append((f"seeded random mix {number}", reviews, {}))
    return s


def replay(reviews, options):
    config = dict(DEFAULT, **options)
    scheduler = Scheduler(
        parameters=config["parameters"],
        desired_retention=config["desired_retention"],
        learning_steps=(),
        relearning_steps=(),
        maximum_interval=config["maximum_interval"],
        enable_fuzzing=False,
    )
    card = Card(card_id=1, due=START)
    results = []
    for index, (rating, timing) in enumerate(reviews):
        if card.last_review is None:
            when = START
        else:
            kind, amount = timing
            if kind == "due":
                when = card.due + amount
            elif kind == "after":
                when = card.last_review + amount
            else:  # early-half: halfway between the last review and the due date, rounded down
                interval = (card.due - card.last_review).days
                when = card.last_review + timedelta(days=max(interval // 2, 1))
            when = max(when, card.last_review)
        elapsed = None if card.last_review is None else (when - card.last_review).days
        seen = None if card.last_review is None else scheduler.get_card_retrievability(card, when)
        card, _ = scheduler.review_card(card, Rating(rating), when)
        interval = card.due - when
        assert interval.seconds == 0 and interval.microseconds == 0, "interval is not whole days"
        results.append(dict(
            rating=rating,
            elapsed_days=elapsed,
            retrievability=seen,
            stability=card.stability,
            difficulty=card.difficulty,
            interval_days=interval.days,
        ))
    return config, results


def interval_cases():
    """Intervals the reference gives for chosen stabilities, halfway cases among them."""
    cases = []
    for retention in (0.9, 0.8, 0.95):
        scheduler = Scheduler(desired_retention=retention, maximum_interval=365,
                              learning_steps=(), relearning_steps=(), enable_fuzzing=False)
        for stability in (0.001, 0.3, 0.5, 0.7, 1.0, 1.5, 2.5, 3.5, 4.5, 10.5, 364.4, 365.6,
                          1000.0, 1.0e6):
            cases.append(dict(stability=stability, desired_retention=retention,
                              maximum_interval=365,
                              interval_days=scheduler._next_interval(stability=stability)))
    return cases


def compact_json(value, indent=""):
    """JSON with one line per review or interval case and per list of weights, for review."""
    inner = indent + "  "
    if isinstance(value, dict) and not any(isinstance(v, (dict, list)) for v in value.values()):
        return json.dumps(value)
    if isinstance(value, dict):
        items = [f"{inner}{json.dumps(key)}: {compact_json(item, inner)}" for key, item in value.items()]
        return "{\n" + ",\n".join(items) + "\n" + indent + "}"
    if isinstance(value, list) and all(isinstance(v, (int, float)) for v in value):
        return json.dumps(value)
    if isinstance(value, list):
        items = [inner + compact_json(item, inner) for item in value]
        return "[\n" + ",\n".join(items) + "\n" + indent + "]" if items else "[]"
    return json.dumps(value)


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--output", default="Tests/RehearseCoreTests/Fixtures/fsrs-reference.json")
    options = parser.parse_args()
    fixture = dict(
        generator="scripts/fsrs-fixtures.py",
        fsrs_version=version("fsrs"),
        configuration=dict(learning_steps=[], relearning_steps=[], enable_fuzzing=False),
        sequences=[],
        intervals=interval_cases(),
    )
    for name, reviews, scheduler_options in sequences():
        config, results = replay(reviews, scheduler_options)
        fixture["sequences"].append(dict(name=name, **config, reviews=results))
    with open(options.output, "w") as file:
        file.write(compact_json(fixture) + "\n")
    total = sum(len(sequence["reviews"]) for sequence in fixture["sequences"])
    print(f"{len(fixture['sequences'])} sequences, {total} reviews -> {options.output}")


if __name__ == "__main__":
    main()
