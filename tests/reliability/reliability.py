"""Shared helpers of the reliability tests: the e2e harness on the import path, acting as
another uid from a forked child, and a main that tells ctest when tests were skipped."""

import json
import os
import sys
import traceback
import unittest

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "e2e"))

# The uid (and gid) of `nobody`: the other user the tests act as when they run as root.
NOBODY = 65534
# ctest's SKIP_RETURN_CODE for these tests (tests/reliability/CMakeLists.txt).
SKIPPED = 77


def can_switch_uid():
    return os.getuid() == 0


def as_uid(uid, function):
    """Runs `function()` in a forked child that has become `uid` (groups dropped, gid =
    uid) and returns what it returned, which must be JSON-serialisable. An exception in the
    child is raised here as an AssertionError carrying the child's traceback. No exec: the
    child keeps this process's code, so nothing needs to be reachable by `uid`."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:
        status = 1
        try:
            os.close(read_end)
            os.setgroups([])
            os.setgid(uid)
            os.setuid(uid)
            outcome = {"value": function()}
        except BaseException:  # reported to the parent, which fails the test with it
            outcome = {"error": traceback.format_exc()}
        try:
            with os.fdopen(write_end, "w", encoding="utf-8") as out:
                json.dump(outcome, out)
            status = 0
        finally:
            os._exit(status)
    os.close(write_end)
    with os.fdopen(read_end, "r", encoding="utf-8") as f:
        raw = f.read()
    _, status = os.waitpid(pid, 0)
    if os.waitstatus_to_exitcode(status) != 0 or not raw:
        raise AssertionError(f"the child running as uid {uid} died (status {status})")
    outcome = json.loads(raw)
    if "error" in outcome:
        raise AssertionError(f"as uid {uid}:\n{outcome['error']}")
    return outcome["value"]


def main():
    """unittest's main, except that a run where tests were skipped and none failed exits
    with SKIPPED (after printing why), so ctest reports the test as skipped, not passed."""
    program = unittest.main(exit=False, verbosity=2)
    result = program.result
    if not result.wasSuccessful():
        sys.exit(1)
    if result.skipped:
        for test, reason in result.skipped:
            sys.stderr.write(f"SKIPPED {test.id()}: {reason}\n")
        sys.exit(SKIPPED)
    sys.exit(0)
