"""Markdown tables for bench/run.sh from its results file.

Usage: /usr/bin/python3 report.py RESULTS_TSV
Each results line: KEY <TAB> ROUND <TAB> RESULT calls_per_sec=.. p50_us=.. p99_us=.. calls=.. errors=.. seconds=..
Per key, the round with the median calls/s is reported (with that round's latencies), so one
noisy round on a shared machine neither makes nor breaks a target. CPU µs per call (of the server,
or of the client in the client benchmark) is the median over rounds.
"""
import statistics
import sys

SERVERS = [
    ("ours", "Khcn.Grpc.AspNetCore.Server (ours)"),
    ("bare", "bare Kestrel HTTP/2, precomputed bytes (ceiling)"),
    ("grpcjs", "@grpc/grpc-js on Node"),
    ("python", "python3-grpcio (grpc.aio)"),
]
CLIENTS = [
    ("client_ours", "Khcn.Grpc.Net.Client GrpcChannel (ours)"),
    ("client_ours_pool", "ours, ArrayPool sized for the load (env knob)"),
    ("client_h2load", "h2load"),
]
# (numerator, denominator, label, target) -- targets from issue #2.
RATIOS = [
    ("ours", "bare", "our server / bare Kestrel", 0.85),
    ("ours", "grpcjs", "our server / grpc-js", 2.0),
    ("ours", "python", "our server / python grpcio", None),
    ("client_ours", "client_h2load", "our client / h2load (same server)", None),
    ("client_ours_pool", "client_h2load", "our client, pool-sized / h2load", None),
]


def parse(path):
    runs = {}
    with open(path) as results:
        for line in results:
            key, round_number, result = line.rstrip("\n").split("\t")
            fields = dict(item.split("=", 1) for item in result.split()[1:])
            runs.setdefault(key, []).append({name: float(value) for name, value in fields.items()})
    return runs


def median_run(runs):
    ordered = sorted(runs, key=lambda run: run["calls_per_sec"])
    return ordered[(len(ordered) - 1) // 2]


def median_cpu(runs, field):
    """Median over rounds of a per-call cost such as CPU µs/call (independent of the throughput median)."""
    values = sorted(run[field] for run in runs if field in run)
    return values[(len(values) - 1) // 2] if values else None


def row(label, runs, median_fields):
    if not runs:
        return f"| {label} | n/a | n/a | n/a |{' n/a |' * len(median_fields)} n/a | failed |"
    chosen = median_run(runs)
    rounds = ", ".join(f"{run['calls_per_sec']:,.0f}" for run in runs)
    errors = int(sum(run["errors"] for run in runs))
    medians = "".join(
        " - |" if (value := median_cpu(runs, field)) is None else f" {value:,.1f} |" for field, _ in median_fields
    )
    return (
        f"| {label} | {chosen['calls_per_sec']:,.0f} | {chosen['p50_us'] / 1000:.2f} | {chosen['p99_us'] / 1000:.2f} |"
        f"{medians} {rounds} | {errors} |"
    )


def table(title, entries, runs, median_fields):
    """median_fields: (result field, column header) pairs reported as the median over rounds."""
    print(f"**{title}**")
    print()
    headers = "".join(f" {header} |" for _, header in median_fields)
    print(f"| Implementation | calls/s (median round) | p50 ms | p99 ms |{headers} calls/s per round | errors |")
    print(f"|---|---:|---:|---:|{'---:|' * len(median_fields)}---|---:|")
    for key, label in entries:
        print(row(label, runs.get(key, []), median_fields))
    print()


def main(path):
    runs = parse(path)
    table("Servers, driven by h2load", SERVERS, runs, [("server_cpu_us", "server CPU µs/call")])
    table(
        "Clients, against our server",
        CLIENTS,
        runs,
        [("client_cpu_us", "client CPU µs/call"), ("client_alloc_bytes", "client alloc B/call")],
    )
    print("| Ratio | calls/s (median) | target | met | CPU efficiency (their µs/call ÷ ours) |")
    print("|---|---:|---:|---|---:|")
    for numerator, denominator, label, target in RATIOS:
        target_text = "-" if target is None else f"≥ {target:g}×"
        if not runs.get(numerator) or not runs.get(denominator):
            print(f"| {label} | n/a | {target_text} | n/a | n/a |")
            continue
        ratio = median_run(runs[numerator])["calls_per_sec"] / median_run(runs[denominator])["calls_per_sec"]
        verdict = "-" if target is None else ("yes" if ratio >= target else "**no**")
        cpu_field = "client_cpu_us" if numerator.startswith("client_") else "server_cpu_us"
        ours_cpu, their_cpu = median_cpu(runs[numerator], cpu_field), median_cpu(runs[denominator], cpu_field)
        efficiency = f"{their_cpu / ours_cpu:.2f}×" if ours_cpu and their_cpu else "n/a"
        print(f"| {label} | {ratio:.2f}× | {target_text} | {verdict} | {efficiency} |")


if __name__ == "__main__":
    main(sys.argv[1])
