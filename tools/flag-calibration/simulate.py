"""Simulates honest learners and scripts to calibrate the bot and crowd flags (docs/study-rules.md "Flags").

Run: python3 tools/flag-calibration/simulate.py  (standard library only; seeded, so the published figures repeat).
The thresholds below are the server's (AnswerTiming, CrowdOptions, CrowdFlag.MinimumSpan).
"""
import itertools
import math
import random
import statistics

FLOOR_S, FAST_NEEDED, WINDOW, REGULAR_BELOW = 1.5, 3, 8, 0.03
MIN_COINCIDENCES, MIN_ANSWERS, WINDOW_S, MIN_SPAN_S, LOOKBACK_S = 12, 2, 0.1, 15 * 60, 30 * 60
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


# ---------- one learner's events over the sweep's lookback: {(what, position): arrival on the server's clock, s} ----------
# what: "r" a report (its playTime and step are 60 throughout, so the position is its key), "i" a check asked for,
# "a" a check answered (keyed by the videoStudyTime it names: the position).
NET = (0.0, 1.0)  # a report reaches the server 0.5 s +- 0.5 s after the timer fires
LAN = (0.02, 0.12)  # a fast office network: 70 ms +- 50 ms


def honest(start, check_every_min=None, net=NET):
    """The public client: a 60 s timer (a few ms late each time), network delay, a pause at each check (asked for
    0.05-0.3 s after the report, answered in a typist's time, 2-10 s; the timer restarts when play resumes), and now
    and then a break."""
    t, position, out = start, 0, {}
    while True:
        t += 60 + abs(R.gauss(0.004, 0.02))
        position += 60
        if t >= LOOKBACK_S:
            return out
        out[("r", position)] = t + R.uniform(*net)
        if check_every_min and position % (check_every_min * 60) == 0:
            asked = t + R.uniform(0.05, 0.3) + R.uniform(*net)
            out[("i", position)] = asked
            out[("a", position)] = asked + typist()
            t = out[("a", position)] + R.uniform(0.1, 0.6)
        if R.random() < 0.02:
            t += R.uniform(30, 300)


def script(accounts, check_every_min=None):
    """One script: each call for every account fired one after another (2-10 ms apart), over one network path; checks
    asked for with the report and answered 3 s later, for all accounts at once."""
    out = [{} for _ in range(accounts)]
    t, position = 0.2, 0
    while t + 60 < LOOKBACK_S:
        t += 60
        position += 60
        calls = [("r", position, 0.0)]
        if check_every_min and position % (check_every_min * 60) == 0:
            calls += [("i", position, 0.0), ("a", position, 3.0)]
        for what, at, later in calls:
            fired = t + later + R.uniform(0, 0.3)
            for account in out:
                fired += R.uniform(0.002, 0.010)
                account[(what, at)] = fired + R.gauss(0, 0.003)
    return out


def coinciding(a, b, what, close):
    return [a[k] for k in a.keys() & b.keys() if k[0] == what and close(a[k], b[k])]


def together(a, b):
    """The server's rule: reports within the window over the minimum span, and check answers within the window."""
    within = lambda x, y: abs(x - y) < WINDOW_S
    hits = coinciding(a, b, "r", within)
    spans = len(hits) >= MIN_COINCIDENCES and max(hits) - min(hits) >= MIN_SPAN_S
    return spans and len(coinciding(a, b, "a", within)) >= MIN_ANSWERS


def together_by_second(a, b):
    """The earlier rule, for comparison: reports in the same second over the minimum span, answers not looked at."""
    hits = coinciding(a, b, "r", lambda x, y: int(x) == int(y))
    return len(hits) >= MIN_COINCIDENCES and max(hits) - min(hits) >= MIN_SPAN_S


def largest_group(accounts, rule):
    """The most people in one connected group of pairs that move together: three or more are flagged."""
    parent = list(range(len(accounts)))

    def root(i):
        while parent[i] != i:
            i = parent[i]
        return i

    for i, j in itertools.combinations(range(len(accounts)), 2):
        if rule(accounts[i], accounts[j]):
            parent[root(i)] = root(j)
    roots = [root(i) for i in range(len(accounts))]
    return max(roots.count(r) for r in set(roots))


def room_pc():
    """One PC, three people one after another: each 9 minutes, then the next sits down."""
    return [{k: v + 600 * n for k, v in honest(0, 10).items() if v < 540} for n in range(3)]


def crowds():
    office = "office on one constant device id, play clicked in the same second"
    scenarios = [
        ("crowd: one script, 5 accounts, checks every 10 min", lambda: script(5, 10), 100),
        ("crowd: one script, 50 accounts, checks every 10 min", lambda: script(50, 10), 10),
        ("crowd: one script, 5 accounts, no checks", lambda: script(5), 100),
        (f"{office}, checks every 10 min", lambda: [honest(R.uniform(0, 1), 10) for _ in range(5)], 4000),
        (f"{office}, checks every 5 min", lambda: [honest(R.uniform(0, 1), 5) for _ in range(5)], 4000),
        (f"{office}, checks every 10 min, fast LAN", lambda: [honest(R.uniform(0, 1), 10, LAN) for _ in range(5)], 4000),
        (f"{office}, checks every 5 min, fast LAN", lambda: [honest(R.uniform(0, 1), 5, LAN) for _ in range(5)], 4000),
        (f"{office}, no checks", lambda: [honest(R.uniform(0, 1)) for _ in range(5)], 4000),
        (f"{office}, no checks, fast LAN", lambda: [honest(R.uniform(0, 1), None, LAN) for _ in range(5)], 4000),
        ("127.0.0.1 for everyone: 30 learners who sat down within 10 min, checks every 10 min", lambda: [honest(R.uniform(0, 600), 10) for _ in range(30)], 40),
        ("one training-room PC, 3 people one after another", room_pc, 400),
    ]
    print("| group | pairs of different people | reports within 100 ms a pair, p50 / p99 / max | answers within 100 ms a pair, max | "
          "pairs moving together | groups flagged (3 or more people together) | flagged by the earlier same-second rule |")
    print("|---|---|---|---|---|---|---|")
    print("| office on its own PCs (5 device ids), play clicked in the same second | - | 0 / 0 / 0 | 0 | 0 | 0 | 0 |")
    within = lambda x, y: abs(x - y) < WINDOW_S
    for name, make, runs in scenarios:
        groups = [make() for _ in range(runs)]
        pairs = [(a, b) for g in groups for a, b in itertools.combinations(g, 2)]
        counts = sorted(len(coinciding(a, b, "r", within)) for a, b in pairs)
        answers = max(len(coinciding(a, b, "a", within)) for a, b in pairs)
        q = lambda p: counts[int(p * (len(counts) - 1))]
        share = sum(together(a, b) for a, b in pairs) / len(pairs)
        flagged_groups = sum(largest_group(g, together) >= 3 for g in groups)
        by_second = sum(largest_group(g, together_by_second) >= 3 for g in groups)
        print(f"| {name} | {len(pairs)} | {q(.5)} / {q(.99)} / {counts[-1]} | {answers} | {share:.4f} | {flagged_groups} of {runs} | {by_second} of {runs} |")


if __name__ == "__main__":
    bots()
    print()
    crowds()
