"""Throughput and latency percentiles from one h2load --log-file.

Usage: /usr/bin/python3 h2load_stats.py LOG_FILE DURATION_SECONDS SERVER_CPU_SECONDS H2LOAD_CPU_SECONDS
The log has one line per request of the measured run (-D; bench/run.sh warms up in a separate run):
start time (us since epoch) <TAB> HTTP status <TAB> microseconds until the end of the response.
Only :status 200 responses count; status 0 marks streams still in flight when h2load stopped.
Prints the same RESULT line as Khcn.Bench.Client, with the same nearest-rank percentiles, plus the
CPU time per call the server and h2load spent during the measured run.
"""
import math
import sys


def nearest_rank(sorted_values, percentile):
    if not sorted_values:
        return 0
    return sorted_values[max(0, math.ceil(percentile * len(sorted_values)) - 1)]


def per_call_micros(cpu_seconds, calls):
    return cpu_seconds * 1_000_000 / calls if calls else 0


def main(log_path, duration_seconds, server_cpu_seconds, client_cpu_seconds):
    latencies = []
    errors = 0
    with open(log_path) as log:
        for line in log:
            _, status, micros = line.rstrip("\n").split("\t")
            if status == "200":
                latencies.append(int(micros))
            elif status != "0":
                errors += 1
    latencies.sort()
    print(
        f"RESULT calls_per_sec={len(latencies) / duration_seconds:.1f}"
        f" p50_us={nearest_rank(latencies, 0.50)} p99_us={nearest_rank(latencies, 0.99)}"
        f" calls={len(latencies)} errors={errors} seconds={duration_seconds:.2f}"
        f" server_cpu_us={per_call_micros(server_cpu_seconds, len(latencies)):.1f}"
        f" client_cpu_us={per_call_micros(client_cpu_seconds, len(latencies)):.1f}"
    )


if __name__ == "__main__":
    main(sys.argv[1], float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4]))
