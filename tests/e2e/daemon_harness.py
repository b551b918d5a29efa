"""Shared set-up for the end-to-end tests of the long-running freshd: a small vault written
by each test, a config with short real intervals, and helpers that start the daemon, talk
to its control socket and wait for what it does, with deadlines instead of fixed sleeps.

The clock is the real one (no FRESHD_NOW: the daemon must see time move). Dates are
computed relative to today in the vault's zone, so the expected values stay exact.
"""

import datetime
import json
import os
import re
import shlex
import shutil
import signal
import socket
import subprocess
import sys
import time
import zoneinfo

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import VaultTestCase  # noqa: E402

ZONE_NAME = "Europe/Berlin"
ZONE = zoneinfo.ZoneInfo(ZONE_NAME)
UTC = datetime.timezone.utc

# Every note of these tests decays in 30 days and is reminded 7 days before its due day.
INTERVAL_DAYS = 30
LEAD_DAYS = 7

# Generous bounds for a loaded two-core machine; every wait ends as soon as it can.
# Sanitizer builds (FRESHD_SANITIZED=1) run several times slower.
SLOWDOWN = 4 if os.environ.get("FRESHD_SANITIZED") == "1" else 1
START_TIMEOUT = 20.0 * SLOWDOWN
EVENT_TIMEOUT = 15.0 * SLOWDOWN
POLL = 0.05


def utc_text(moment):
    """An aware datetime as the program writes instants: YYYY-MM-DDTHH:MM:SSZ."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def local_now():
    return datetime.datetime.now(ZONE).replace(microsecond=0)


def at_local(day, clock_time):
    """The instant `day` at `clock_time` in the vault's zone."""
    return datetime.datetime.combine(day, clock_time, tzinfo=ZONE)


def note_text(title, last_validated, decay="30d"):
    return (f"---\ntitle: {title}\nlast_validated: {last_validated.isoformat()}\n"
            f"decay_rate: {decay}\n---\n\nSome text.\n").encode()


class Schedule:
    """A reminder that falls due `seconds` from now: reminders fire at the local time of
    day of that instant, and a note validated INTERVAL_DAYS - LEAD_DAYS days before its
    day is reminded "due" then."""

    def __init__(self, seconds):
        self.fire = local_now() + datetime.timedelta(seconds=seconds)
        self.day = self.fire.date()
        self.time_of_day = self.fire.strftime("%H:%M:%S")
        self.validated = self.day + datetime.timedelta(days=LEAD_DAYS - INTERVAL_DAYS)
        self.due = self.day + datetime.timedelta(days=LEAD_DAYS)
        # The same note's next reminder after the "due" one: "stale", the day after due.
        self.stale_at = at_local(self.due + datetime.timedelta(days=1), self.fire.time())

    def seconds_left(self):
        return (self.fire - datetime.datetime.now(ZONE)).total_seconds()

    def next_reminder_of_fresh_note(self, validated):
        """When a note validated on `validated` is first reminded."""
        day = validated + datetime.timedelta(days=INTERVAL_DAYS - LEAD_DAYS)
        return at_local(day, self.fire.time())


class Daemon:
    """One running freshd; its stderr goes to a file the test reads while it runs."""

    def __init__(self, argv, env, log_path):
        self.log_path = log_path
        self._log = open(log_path, "wb")
        self.process = subprocess.Popen(argv, env=env, stdin=subprocess.DEVNULL,
                                        stdout=self._log, stderr=self._log)
        self.pid = self.process.pid

    def log(self):
        with open(self.log_path, "r", encoding="utf-8", errors="replace") as f:
            return f.read()

    def log_lines(self, pattern):
        return [line for line in self.log().splitlines() if re.search(pattern, line)]

    def running(self):
        return self.process.poll() is None

    def terminate(self, timeout=EVENT_TIMEOUT):
        """SIGTERM, then the exit status (None if it had to be killed)."""
        if self.running():
            self.process.send_signal(signal.SIGTERM)
        try:
            return self.process.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.kill()
            return None

    def kill(self):
        if self.running():
            self.process.kill()
        self.process.wait()
        self._log.close()


class DaemonTestCase(VaultTestCase):
    """A fresh, empty vault (tests write their own notes), the real clock, and the daemon
    killed at the end of every test whatever happened."""

    def setUp(self):
        super().setUp()
        self.env.pop("FRESHD_NOW", None)
        shutil.rmtree(self.vault)
        os.makedirs(self.vault)
        self.socket_path = os.path.join(self.tmp, "run", "freshd.sock")
        self.exec_out = os.path.join(self.tmp, "exec-digests.jsonl")
        self.daemons = []
        self.addCleanup(self.kill_daemons)
        self.write_daemon_config(time_of_day="09:00:00")

    def kill_daemons(self):
        for daemon in self.daemons:
            daemon.kill()

    # Configuration.

    def write_daemon_config(self, time_of_day, inbox=None, exec_hook=False, watch=True,
                            report_schedule=None):
        lines = ["[vault]", f"path = {json.dumps(self.vault)}",
                 f"timezone = {json.dumps(ZONE_NAME)}", "",
                 "[reminders]", f'lead = "{LEAD_DAYS}d"', 'repeat = "7d"',
                 f"time_of_day = {json.dumps(time_of_day)}"]
        if inbox:
            lines.append(f"inbox = {json.dumps(inbox)}")
        if exec_hook:
            lines.append(f"exec = {json.dumps('cat >> ' + shlex.quote(self.exec_out))}")
            lines.append('exec_timeout = "10s"')
        if report_schedule:
            lines += ["", "[report]", f"schedule = {json.dumps(report_schedule)}",
                      'dir = "reports"', 'formats = ["md", "json"]']
        lines += ["", "[daemon]", f"state_dir = {json.dumps(self.state)}",
                  f"socket = {json.dumps(self.socket_path)}",
                  f"watch = {'true' if watch else 'false'}", 'rescan = "1h"']
        with open(self.config, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")

    # The daemon's life.

    def start_daemon(self, extra_env=None, wait=True):
        """Starts freshd (debug log, so every full scan is logged) and, unless told not
        to, waits until its socket answers and its first full scan is done."""
        env = dict(self.env)
        env.update(extra_env or {})
        n = len(self.daemons)
        daemon = Daemon([self.freshd, "--config", self.config, "--log-level", "debug"], env,
                        os.path.join(self.tmp, f"freshd-{n}.log"))
        self.daemons.append(daemon)
        if wait:
            self.wait_serving(daemon)
            self.wait_scanned(daemon)
        return daemon

    def stop_daemon(self, daemon):
        code = daemon.terminate()
        self.assertEqual(code, 0, f"freshd did not stop cleanly on SIGTERM\n{daemon.log()}")

    def wait_for(self, predicate, what, timeout=EVENT_TIMEOUT, daemon=None):
        """Polls `predicate` until it returns a true value, which is returned."""
        deadline = time.monotonic() + timeout
        while True:
            value = predicate()
            if value:
                return value
            if daemon is not None and not daemon.running():
                self.fail(f"freshd exited ({daemon.process.returncode}) while waiting for "
                          f"{what}\n{daemon.log()}")
            if time.monotonic() > deadline:
                log = daemon.log() if daemon is not None else ""
                self.fail(f"timed out after {timeout} s waiting for {what}\n{log}")
            time.sleep(POLL)

    def wait_serving(self, daemon):
        def answers():
            try:
                reply = self.call("status", timeout=2)
            except OSError:
                return None
            return reply if reply.get("ok") and reply["result"]["daemon"]["pid"] == daemon.pid \
                else None
        return self.wait_for(answers, "the control socket to answer", START_TIMEOUT, daemon)

    def wait_scanned(self, daemon, scans=1):
        """Waits for the daemon's `scans`-th full scan. wake() runs in the same loop
        handler that logs the scan, so once a status request is answered afterwards,
        whatever that wake owed has been decided (and logged, for the log sink)."""
        self.wait_for(lambda: len(daemon.log_lines(r"full scan: \d+ notes")) >= scans,
                      f"full scan number {scans}", START_TIMEOUT, daemon)
        return self.ok_result(self.call("status"))

    def sleep_until(self, moment):
        """The one place a test sleeps: to let a wall-clock deadline pass."""
        left = (moment - datetime.datetime.now(ZONE)).total_seconds()
        if left > 0:
            time.sleep(left)

    # The control socket, spoken directly.

    def connect(self, timeout=5.0):
        s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
        s.settimeout(timeout)
        try:
            s.connect(self.socket_path)
        except OSError:
            s.close()
            raise
        return s

    @staticmethod
    def read_all(s):
        chunks = []
        while True:
            chunk = s.recv(65536)
            if not chunk:
                return b"".join(chunks)
            chunks.append(chunk)

    def exchange(self, data, timeout=5.0):
        """Sends raw bytes on a new connection and returns everything the daemon sends
        back before it closes the connection."""
        with self.connect(timeout) as s:
            try:
                s.sendall(data)
            except (BrokenPipeError, ConnectionResetError):
                pass  # the daemon replied and closed before reading it all: read that reply
            return self.read_all(s)

    def call(self, command, args=None, timeout=5.0):
        request = {"version": 1, "command": command, "args": args or {}}
        return self.decode(self.exchange(json.dumps(request).encode() + b"\n", timeout))

    def decode(self, raw):
        self.assertTrue(raw.endswith(b"\n") and raw.count(b"\n") == 1,
                        f"a reply is one line of JSON, got {raw!r}")
        reply = json.loads(raw)
        self.assertEqual(reply["version"], 1, reply)
        return reply

    def ok_result(self, reply):
        self.assertTrue(reply["ok"], reply)
        return reply["result"]

    def assert_error(self, reply, code, message_part):
        self.assertFalse(reply["ok"], reply)
        self.assertEqual(reply["error"]["code"], code, reply)
        self.assertIn(message_part, reply["error"]["message"], reply)

    # What the reminder sinks received.

    def exec_digests(self):
        if not os.path.exists(self.exec_out):
            return []
        with open(self.exec_out, encoding="utf-8") as f:
            return [json.loads(line) for line in f if line.strip()]

    def reminded_details(self, path):
        return [e["detail"] for e in self.timeline(path) if e["kind"] == "reminded"]
