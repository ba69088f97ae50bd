"""Groups a flat `perf report --sort dso,symbol` listing by where the time goes.

Usage: perf report ... --sort dso,symbol --stdio -g none | /usr/bin/python3 perf_summary.py [TOP]
JIT-compiled .NET frames carry their assembly in brackets ("... [Microsoft.AspNetCore.Server.Kestrel.Core] ...");
native frames are grouped by shared object (libcoreclr.so = runtime incl. GC, [kernel.kallsyms] = kernel).
Prints the share per group, then the TOP hottest symbols of our own assemblies (Khcn/Grpc).
"""
import re
import sys
from collections import Counter

LINE = re.compile(r"^\s*([\d.]+)%\s+(.+?)\s+\[[.k]\]\s+(.*?)(?:\s+-\s+-)?\s*$")
# perf map names look like "instance void [Assembly] Namespace.Type::Method(...)[OptimizedTier1]".
METHOD_ASSEMBLY = re.compile(r"\[([A-Za-z][\w.]*)\] \S+::")
OURS = ("Khcn.", "Grpc.", "Google.Protobuf")


def group_of(dso, symbol):
    if dso.startswith(("[JIT]", "perf-", "memfd:")):
        match = METHOD_ASSEMBLY.search(symbol)
        return f"{match.group(1)} (JIT)" if match else "JIT stubs / unknown"
    return dso


def main(top):
    groups, ours = Counter(), Counter()
    for line in sys.stdin:
        match = LINE.match(line)
        if not match:
            continue
        percent, dso, symbol = float(match.group(1)), match.group(2), match.group(3)
        group = group_of(dso, symbol)
        groups[group] += percent
        if group.startswith(OURS):
            ours[symbol] += percent
    print("share  group")
    for group, percent in groups.most_common(25):
        print(f"{percent:5.1f}%  {group}")
    print()
    print(f"hottest symbols in Khcn/Grpc/Google.Protobuf (total {sum(ours.values()):.1f}%):")
    for symbol, percent in ours.most_common(top):
        print(f"{percent:5.2f}%  {symbol[:220]}")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 30)
