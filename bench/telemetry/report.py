"""Markdown tables for bench/telemetry/run.sh from its results file.

Usage: /usr/bin/python3 report.py RESULTS_TSV
Each results line: MODE <TAB> ROUND <TAB> RESULT calls_per_sec=.. p50_us=.. p99_us=.. calls=.. errors=.. server_cpu_us=..
(h2load_stats.py), plus in mode "export" the receiver's totals (calls_served, spans, spans_grpc, spans_aspnetcore,
trace_exports, metric_exports, durations_recorded, receiver_cpu_s).
Per mode, the round with the median calls/s is reported; CPU µs/call is the median over rounds (as bench/run.sh).
Ratios divide by mode "off" of the same run.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "tools"))
from mode_rounds import median, median_run, parse, ratio  # noqa: E402

MODES = [
    ("off", "off: no listener (zero-cost path)"),
    ("listen", "listen: OpenTelemetry SDK, exporter drops everything"),
    ("export", "export: OpenTelemetry SDK + OTLP/gRPC exporter to a receiver"),
]


def mode_table(runs):
    base = runs.get("off")
    base_calls = median_run(base)["calls_per_sec"] if base else None
    base_cpu = median(run["server_cpu_us"] for run in base) if base else None
    print("| Mode | calls/s (median round) | p50 ms | p99 ms | server CPU µs/call | calls/s ÷ off | CPU/call ÷ off | calls/s per round | errors |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---:|")
    for mode, label in MODES:
        mode_runs = runs.get(mode)
        if not mode_runs:
            print(f"| {label} | n/a | n/a | n/a | n/a | n/a | n/a | n/a | failed |")
            continue
        chosen = median_run(mode_runs)
        cpu = median(run["server_cpu_us"] for run in mode_runs)
        rounds = ", ".join(f"{run['calls_per_sec']:,.0f}" for run in mode_runs)
        errors = int(sum(run["errors"] for run in mode_runs))
        print(f"| {label} | {chosen['calls_per_sec']:,.0f} | {chosen['p50_us'] / 1000:.2f} | {chosen['p99_us'] / 1000:.2f}"
              f" | {cpu:.1f} | {ratio(chosen['calls_per_sec'], base_calls)} | {ratio(cpu, base_cpu)} | {rounds} | {errors} |")


def export_table(runs):
    export_runs = [run for run in runs.get("export", []) if "calls_served" in run]
    if not export_runs:
        print("No receiver totals: the export mode failed or its receiver printed nothing.")
        return
    print("Spans that reached the receiver in mode export. AlwaysOn: one `Microsoft.AspNetCore` request span and one")
    print("`Grpc.AspNetCore.Server` call span per call expected; fewer means the SDK's batch processor dropped them (its")
    print("queue was full: OTEL_BSP_MAX_QUEUE_SIZE, default 2048), which also spares the exporter their serialization.")
    print("Calls answered: probe + warm-up + measured run as h2load counted them; calls measured: the count of the last")
    print("cumulative `rpc.server.duration` histogram the receiver got (includes calls h2load abandoned in flight).")
    print()
    print("| Round | calls answered (h2load) | calls measured (histogram) | gRPC spans | per call | hosting spans | per call | trace exports | receiver CPU µs/call (measured run) |")
    print("|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for run in sorted(export_runs, key=lambda run: run["round"]):
        calls = run["durations_recorded"] or run["calls_served"]
        receiver_cpu = run["receiver_cpu_s"] * 1_000_000 / run["calls"] if run["calls"] else 0
        print(f"| {run['round']} | {run['calls_served']:,.0f} | {run['durations_recorded']:,.0f}"
              f" | {run['spans_grpc']:,.0f} | {run['spans_grpc'] / calls:.3f}"
              f" | {run['spans_aspnetcore']:,.0f} | {run['spans_aspnetcore'] / calls:.3f} | {run['trace_exports']:,.0f}"
              f" | {receiver_cpu:.1f} |")


def main(path):
    runs = parse(path)
    mode_table(runs)
    print()
    export_table(runs)


if __name__ == "__main__":
    main(sys.argv[1])
