# sheet_check.py — what the workbook checks (check-*.py) share: the CLI they
# run, given as their first argument, and the TAP report of their results.
#
# SPDX-License-Identifier: GPL-3.0-or-later

import subprocess
import sys

CLI = sys.argv[1]


def cli(*args, ok=True):
    """Runs the CLI; unless OK is false, a failure stops the check."""
    run = subprocess.run([CLI, *args], capture_output=True, text=True)
    if ok and run.returncode != 0:
        raise AssertionError(f"{args[0]} failed: {run.stderr}")
    return run


def report(results):
    """Prints RESULTS, (passed, what) pairs, as TAP and exits with their verdict."""
    print(f"1..{len(results)}")
    for n, (ok, what) in enumerate(results, 1):
        print(f"{'ok' if ok else 'not ok'} {n} {what}")
    sys.exit(0 if all(ok for ok, _ in results) else 1)
