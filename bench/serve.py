#!/usr/bin/env python3
"""Times `build-report serve` from a saved change to the new page being ready.

    bench/serve.py BINARY REPORT_FOLDER RUNS

Starts serve on the folder, then RUNS times appends a point to one case file and waits for
serve to say it has the new build ("build N: ..." on stderr, printed once the new pages
are what it serves). Prints the median and the slowest of the times, in milliseconds. Each
change waits a second after the last, so it is a save on its own and not part of a burst.
"""
import pathlib
import statistics
import subprocess
import sys
import time


def main():
    binary, folder, runs = sys.argv[1], pathlib.Path(sys.argv[2]), int(sys.argv[3])
    case = sorted(folder.glob("cases/*.md"))[0]
    serve = subprocess.Popen(
        [binary, "serve", str(folder), "--port", "0"],
        stderr=subprocess.PIPE,
        stdout=subprocess.DEVNULL,
        text=True,
        bufsize=1,
    )
    try:
        generation = wait_for_build(serve, None)
        times = []
        for i in range(runs):
            time.sleep(1)
            with open(case, "a", encoding="utf-8") as file:
                file.write(f"- Members added point {i} after the meeting.\n")
            start = time.perf_counter()
            generation = wait_for_build(serve, generation)
            times.append((time.perf_counter() - start) * 1000)
        print(f"{statistics.median(times):.1f} {max(times):.1f}")
    finally:
        serve.terminate()
        serve.wait(timeout=10)


def wait_for_build(serve, after):
    """The number of the next build serve reports after build `after`."""
    for line in serve.stderr:
        if line.startswith("build ") and ":" in line:
            number = int(line.split()[1].rstrip(":"))
            if "errors" in line:
                sys.exit(f"the report has errors: {line.strip()}")
            if after is None or number > after:
                return number
    sys.exit("serve stopped")


if __name__ == "__main__":
    main()
