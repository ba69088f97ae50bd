"""Markdown table for bench/security/run.sh from its results file.

Usage: /usr/bin/python3 report.py RESULTS_TSV
Each results line: MODE <TAB> ROUND <TAB> RESULT calls_per_sec=.. p50_us=.. p99_us=.. calls=.. errors=.. server_cpu_us=..
(h2load_stats.py) answered=.. succeeded=.. (calls Echo answered, calls h2load and the probe saw succeed).
Per mode, the round with the median calls/s is reported; CPU µs/call is the median over rounds (as bench/run.sh).
Ratios divide by mode "off" of the same run; "refused" counts calls h2load saw as HTTP 200 that never reached Echo.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from mode_rounds import median, median_run, parse, ratio  # noqa: E402

MODES = [
    ("off", "off: h2c, no authentication"),
    ("jwt-rs256-nocache", "jwt RS256, validated in full every call (cache off)"),
    ("jwt-rs256", "jwt RS256, validated-token cache (default)"),
    ("jwt-es256-nocache", "jwt ES256, validated in full every call (cache off)"),
    ("jwt-es256", "jwt ES256, validated-token cache (default)"),
    ("tls", "tls: https, no authentication"),
    ("tls-jwt-rs256", "tls + jwt RS256, cache (a secured service)"),
]


def main(path):
    runs = parse(path)
    base = runs.get("off")
    base_calls = median_run(base)["calls_per_sec"] if base else None
    base_cpu = median(run["server_cpu_us"] for run in base) if base else None
    print("| Mode | calls/s (median round) | p50 ms | p99 ms | server CPU µs/call | calls/s ÷ off | CPU/call ÷ off | calls/s per round | CPU µs/call per round | errors | refused |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---|---:|---:|")
    for mode, label in MODES:
        mode_runs = sorted(runs.get(mode, []), key=lambda run: run["round"])
        if not mode_runs:
            continue
        chosen = median_run(mode_runs)
        cpu = median(run["server_cpu_us"] for run in mode_runs)
        rounds = ", ".join(f"{run['calls_per_sec']:,.0f}" for run in mode_runs)
        cpus = ", ".join(f"{run['server_cpu_us']:.1f}" for run in mode_runs)
        errors = int(sum(run["errors"] for run in mode_runs))
        refused = int(sum(max(0, run["succeeded"] - run["answered"]) for run in mode_runs))
        print(f"| {label} | {chosen['calls_per_sec']:,.0f} | {chosen['p50_us'] / 1000:.2f} | {chosen['p99_us'] / 1000:.2f}"
              f" | {cpu:.1f} | {ratio(chosen['calls_per_sec'], base_calls)} | {ratio(cpu, base_cpu)} | {rounds} | {cpus}"
              f" | {errors} | {refused} |")


if __name__ == "__main__":
    main(sys.argv[1])
