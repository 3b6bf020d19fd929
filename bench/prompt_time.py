#!/usr/bin/env python3
"""Time from starting `redux_cli chat` to its interactive prompt, on a pseudo-terminal (docs/performance.md).

Starts the command on a pty, as a person's terminal would, and measures the wall time until the prompt (">" after the
"Ctrl-D to leave." banner) is printed; then types /quit so the chat ends. Prints the median, min and max of RUNS runs
after one warm-up run.

Usage: bench/prompt_time.py RUNS LAUNCHER [ARG...]     (the environment is passed on: endpoint, keys, folders)
"""
import os
import pty
import signal
import statistics
import sys
import time


def one(command):
    """The wall time from the start to the prompt, and the CPU time (user + sys) of the whole run, in seconds."""
    start = time.perf_counter()
    pid, fd = pty.fork()
    if pid == 0:
        os.execvp(command[0], command)
    seen = b""
    elapsed = None
    try:
        while elapsed is None:
            chunk = os.read(fd, 4096)
            if not chunk:
                break
            seen += chunk
            banner = seen.find(b"Ctrl-D to leave")
            if banner >= 0 and seen.find(b">", banner) >= 0:
                elapsed = time.perf_counter() - start
        os.write(fd, b"/quit\r")
        while True:
            try:
                if not os.read(fd, 4096):
                    break
            except OSError:
                break
    finally:
        _, _, usage = os.wait4(pid, 0)
        os.close(fd)
    if elapsed is None:
        sys.exit("prompt_time: no prompt; the chat printed: " + seen.decode("utf-8", "replace"))
    return elapsed, usage.ru_utime + usage.ru_stime


def main():
    signal.alarm(300)  # a chat that never shows its prompt must not hang the benchmark
    runs = int(sys.argv[1])
    command = sys.argv[2:]
    one(command)
    times = sorted(one(command)[0] * 1000 for _ in range(runs))
    print(f"prompt: median {statistics.median(times):.0f} ms (min {times[0]:.0f}, max {times[-1]:.0f}), {runs} runs")


if __name__ == "__main__":
    main()
