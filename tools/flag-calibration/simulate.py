"""Simulates honest learners and scripts to calibrate the bot and crowd flags (docs/study-rules.md "Flags").

Run: python3 tools/flag-calibration/simulate.py  (standard library only; seeded, so the published figures repeat).
The thresholds below are the server's (AnswerTiming, CrowdOptions, CrowdFlag.MinimumSpan).
"""
import itertools
import math
import random
import statistics

FLOOR_S, FAST_NEEDED, WINDOW, REGULAR_BELOW = 1.5, 3, 8, 0.03
MIN_COINCIDENCES, MIN_SPAN_S, LOOKBACK_S = 12, 15 * 60, 30 * 60
R = random.Random(21)


# ---------- answer times of a pop-up code, issue -> answer, seconds ----------
def typist():  # notices the pop-up, reads four digits, types them, submits; plus the platform's round trips
    return 1.0 + R.lognormvariate(math.log(3.2), 0.45)


def quick_typist():  # the quickest people: half answer within 2.4 s
    return 0.8 + R.lognormvariate(math.log(1.6), 0.35)


def ocr_script():  # reads the code picture and answers at once
    return 0.3 + R.gauss(0, 0.03)


def sleeping_script():  # waits a fixed 2.4 s to look human; only network jitter varies
    return 2.4 + R.gauss(0, 0.012)


def variation(xs):
    return statistics.stdev(xs) / statistics.mean(xs)


def flagged(xs):
    return sum(x < FLOOR_S for x in xs) >= FAST_NEEDED or variation(xs) < REGULAR_BELOW


def bots():
    print("| who | answer p1 / p50 / p99 (s) | share under 1.5 s | variation of 8, p0.1 / p1 / p50 | windows of 8 flagged |")
    print("|---|---|---|---|---|")
    for name, answer in [("typist", typist), ("quickest typist", quick_typist), ("OCR script", ocr_script), ("script sleeping 2.4 s", sleeping_script)]:
        single = sorted(answer() for _ in range(200_000))
        windows = [[answer() for _ in range(WINDOW)] for _ in range(100_000)]
        spread = sorted(variation(w) for w in windows)
        q = lambda xs, p: xs[int(p * (len(xs) - 1))]
        under = sum(x < FLOOR_S for x in single) / len(single)
        share = sum(flagged(w) for w in windows) / len(windows)
        print(f"| {name} | {q(single, .01):.2f} / {q(single, .5):.2f} / {q(single, .99):.2f} | {under:.4f} | "
              f"{q(spread, .001):.3f} / {q(spread, .01):.3f} / {q(spread, .5):.3f} | {share:.5f} |")


# ---------- reports of one learner over the sweep's lookback: (second, progressTime, playTime) ----------
def honest(start, check_every_min=None):
    """The public client: a 60 s timer (a few ms late each time), network delay, a pause at each check answered in a
    typist's time (the timer restarts on play), and now and then a break."""
    t, position, out = start, 0, []
    while True:
        t += 60 + abs(R.gauss(0.004, 0.02))
        position += 60
        if t >= LOOKBACK_S:
            return out
        out.append((int(t + R.lognormvariate(math.log(0.08), 0.5)), 60, position))
        if check_every_min and position % (check_every_min * 60) == 0:
            t += typist() + 1.5
        if R.random() < 0.02:
            t += R.uniform(30, 300)


def script(start):
    t, position, out = start, 0, []
    while t + 60 < LOOKBACK_S:
        t += 60
        position += 60
        out.append((int(t + 0.05), 60, position))
    return out


def together(a, b):
    """Coinciding reports of two accounts on one device id, counted when they span the minimum span."""
    hits = sorted(r[0] for r in set(a) & set(b))
    return len(hits) if hits and hits[-1] - hits[0] >= MIN_SPAN_S else 0


def largest_group(accounts):
    """The most people in one connected group of pairs at the threshold: three or more are flagged."""
    parent = list(range(len(accounts)))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(accounts)), 2):
        if together(accounts[i], accounts[j]) >= MIN_COINCIDENCES:
            parent[root(i)] = root(j)
    roots = [root(i) for i in range(len(accounts))]
    return max(roots.count(r) for r in set(roots))


def crowds():
    scenarios = [
        ("crowd: one script, 5 accounts", lambda: [script(0.2)] * 5, 50),
        ("office on its own PCs (5 device ids), play clicked in the same second", lambda: [], 400),
        ("office on one constant device id, play clicked within 3 s, checks every 10 min", lambda: [honest(R.uniform(0, 3), 10) for _ in range(5)], 400),
        ("office on one constant device id, play clicked in the same second, checks every 10 min", lambda: [honest(R.uniform(0, 1), 10) for _ in range(5)], 400),
        ("office on one constant device id, play clicked in the same second, no checks", lambda: [honest(R.uniform(0, 1)) for _ in range(5)], 400),
        ("127.0.0.1 for everyone: 30 learners who sat down within 10 min, checks every 10 min", lambda: [honest(R.uniform(0, 600), 10) for _ in range(30)], 40),
        ("one training-room PC, 3 people one after another", lambda: [[(t + 600 * k, p, s) for (t, p, s) in honest(0, 10) if t < 540] for k in range(3)], 400),
    ]
    print("| group | pairs of different people | coinciding reports a pair, p50 / p99 / max | pairs at the threshold | groups flagged (3 or more people together) |")
    print("|---|---|---|---|---|")
    for name, make, runs in scenarios:
        groups = [make() for _ in range(runs)]
        if not groups[0]:
            # Reports coincide only on one device id: five PCs share no bucket, whatever their timing.
            print(f"| {name} | {runs * 10} | 0 / 0 / 0 | 0.0000 | 0 of {runs} |")
            continue
        counts = sorted(together(a, b) for g in groups for a, b in itertools.combinations(g, 2))
        q = lambda p: counts[int(p * (len(counts) - 1))]
        share = sum(c >= MIN_COINCIDENCES for c in counts) / len(counts)
        flagged_groups = sum(largest_group(g) >= 3 for g in groups)
        print(f"| {name} | {len(counts)} | {q(.5)} / {q(.99)} / {counts[-1]} | {share:.4f} | {flagged_groups} of {runs} |")


if __name__ == "__main__":
    bots()
    print()
    crowds()
