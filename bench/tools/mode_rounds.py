"""Results of a bench that runs several modes per round (bench/telemetry, bench/security): parsing and medians.

Each results line: MODE <TAB> ROUND <TAB> RESULT name=value ... (h2load_stats.py plus the bench's own counters).
A mode is reported by its median round (by calls/s); ratios divide by mode "off" of the same run.
"""


def parse(path):
    runs = {}
    with open(path) as results:
        for line in results:
            mode, round_number, result = line.rstrip("\n").split("\t")
            fields = {name: float(value) for name, value in (item.split("=", 1) for item in result.split()[1:])}
            fields["round"] = int(round_number)
            runs.setdefault(mode, []).append(fields)
    return runs


def median(values):
    ordered = sorted(values)
    return ordered[(len(ordered) - 1) // 2] if ordered else None


def median_run(runs):
    return sorted(runs, key=lambda run: run["calls_per_sec"])[(len(runs) - 1) // 2]


def ratio(value, base):
    return f"{value / base:.2f}×" if value and base else "n/a"
