#!/usr/bin/env python3
"""Before/after pairs on a shared machine (docs/performance.md): runs each command in turn, N rounds after one warm-up
round (before, after, before, after...), so a change of load touches every command alike; prints per command the
median CPU time (user + sys of the process and its children) and the median wall time, with the load average.

Usage: bench/pair.py N 'LABEL=SHELL COMMAND' 'LABEL=SHELL COMMAND'...
Example: bench/pair.py 10 "before=/tmp/old/bin/redux_cli --help" "after=redux-cli/target/redux_cli/bin/redux_cli --help"
"""
import os
import resource
import statistics
import subprocess
import sys
import time


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    commands = [argument.split("=", 1) for argument in sys.argv[2:]]
    cpu = {label: [] for label, _ in commands}
    wall = {label: [] for label, _ in commands}
    load = os.getloadavg()[0]
    for round_ in range(rounds + 1):
        for label, command in commands:
            before = resource.getrusage(resource.RUSAGE_CHILDREN)
            start = time.perf_counter()
            status = subprocess.run(command, shell=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL).returncode
            elapsed = time.perf_counter() - start
            after = resource.getrusage(resource.RUSAGE_CHILDREN)
            if status != 0:
                print(f"pair: {label} exited with {status}", file=sys.stderr)
            if round_ > 0:
                cpu[label].append(after.ru_utime - before.ru_utime + after.ru_stime - before.ru_stime)
                wall[label].append(elapsed)
    print(f"load {load:.1f} -> {os.getloadavg()[0]:.1f}, {rounds} alternated rounds")
    for label, _ in commands:
        print(f"  {label:28s} CPU {statistics.median(cpu[label]) * 1000:6.0f} ms  wall "
              f"{statistics.median(wall[label]) * 1000:6.0f} ms  (CPU {min(cpu[label]) * 1000:.0f}-"
              f"{max(cpu[label]) * 1000:.0f})")


if __name__ == "__main__":
    main()
