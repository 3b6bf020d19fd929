#!/usr/bin/env python3
"""Time to the interactive prompt, before/after pairs (docs/performance.md): starts `LAUNCHER chat` on a pseudo-terminal
for each launcher in turn, N rounds after one warm-up round, as bench/prompt_time.py does for one; prints per launcher
the median wall time to the prompt and the median CPU time of the whole run (start, prompt, /quit).

Usage: bench/prompt_pair.py N LAUNCHER...     (the environment is passed on: endpoint, keys, folders)
"""
import os
import statistics
import sys

from prompt_time import one


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    rounds = int(sys.argv[1])
    launchers = sys.argv[2:]
    prompt = {launcher: [] for launcher in launchers}
    cpu = {launcher: [] for launcher in launchers}
    load = os.getloadavg()[0]
    for round_ in range(rounds + 1):
        for launcher in launchers:
            elapsed, used = one([launcher, "chat"])
            if round_ > 0:
                prompt[launcher].append(elapsed)
                cpu[launcher].append(used)
    print(f"load {load:.1f} -> {os.getloadavg()[0]:.1f}, {rounds} alternated rounds")
    for launcher in launchers:
        print(f"  {launcher}: prompt median {statistics.median(prompt[launcher]) * 1000:.0f} ms "
              f"(min {min(prompt[launcher]) * 1000:.0f}), CPU median {statistics.median(cpu[launcher]) * 1000:.0f} ms")


if __name__ == "__main__":
    main()
