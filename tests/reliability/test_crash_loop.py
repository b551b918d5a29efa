"""Crash consistency: freshd killed with SIGKILL at random moments, again and again.

Each iteration starts the daemon on the same vault and state, sometimes adds a stale note
(so that a reminder digest is owed and delivered), then does one of: nothing (the kill
lands in start-up, the scan or a delivery), `validate` of a note with a day of its own, or
`recheck --report` (a report write), and kills the daemon with SIGKILL after a random
delay of 0-250 ms. After every kill:

- `PRAGMA integrity_check` of the index is ok;
- every note file is byte-identical to what the test wrote, or to that text with only its
  last_validated line changed by a validate (the one freshd was asked to do);
- every report file present is whole (JSON parses; Markdown ends with its trend table).

At the end a clean start and stop recovers, and then:

- every validate that answered ok is in the timeline exactly once; no validation day
  appears twice; every note has exactly one first_seen event; no `reminded` event repeats;
- every reminder went into exactly one digest: (note, kind, due) never appears under two
  digest ids; every delivered digest of the exec hook carries its id, and repeats of a
  digest (a kill after the hook ran, before freshd recorded it: at-least-once delivery)
  carry the same id;
- nothing is left in the outbox: every digest was delivered.

FRESHD_CRASH_ITERATIONS sets the number of kills (default 200)."""

import datetime
import glob
import json
import os
import random
import signal
import sqlite3
import subprocess
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reliability  # noqa: E402,F401  (puts the e2e harness on the path)
from daemon_harness import DaemonTestCase, local_now  # noqa: E402

ITERATIONS = int(os.environ.get("FRESHD_CRASH_ITERATIONS", "200"))
BASE_NOTES = 150
SEED = 20261123


def note_bytes(i, validated):
    return (f"---\ntitle: Note {i}\nlast_validated: {validated.isoformat()}\n"
            f"decay_rate: 30d\nowner: owner{i % 5}\n---\n\nBody of note {i}.\n"
            + "Some more text. " * (i % 40) + "\n").encode()


class CrashLoopTest(DaemonTestCase):

    def setUp(self):
        super().setUp()
        self.rng = random.Random(SEED)
        self.today = local_now().date()
        self.old = self.today - datetime.timedelta(days=60)  # stale: due 30 days ago
        self.expected = {}  # path -> the bytes the test wrote
        for i in range(BASE_NOTES):
            self.add_note(i)
        self.reports = os.path.join(self.vault, "reports")
        lines = [
            "[vault]", f"path = {json.dumps(self.vault)}", 'timezone = "Europe/Berlin"', "",
            "[reminders]", 'time_of_day = "00:00"', 'repeat = "7d"',
            f"exec = {json.dumps('cat >> ' + self.exec_out)}", 'exec_timeout = "10s"', "",
            "[report]", 'dir = "reports"', 'formats = ["md", "json"]', "keep = 3", "",
            "[daemon]", f"state_dir = {json.dumps(self.state)}",
            f"socket = {json.dumps(self.socket_path)}", "watch = true", 'rescan = "1h"',
        ]
        with open(self.config, "w", encoding="utf-8") as f:
            f.write("\n".join(lines) + "\n")
        self.completed_validations = {}  # day -> path, for validates that answered ok
        self.validation_day = datetime.date(2026, 1, 1)

    def add_note(self, i):
        path = f"notes/n{i:04d}.md"
        data = note_bytes(i, self.old)
        self.write_note(path, data)
        self.expected[path] = data

    # The invariants after each kill.

    def index_path(self):
        return os.path.join(self.state, "index.sqlite")

    def check_store(self):
        if not os.path.exists(self.index_path()):
            return
        with sqlite3.connect(self.index_path()) as db:
            self.assertEqual(db.execute("PRAGMA integrity_check").fetchall(), [("ok",)])

    def check_notes(self):
        for path, data in self.expected.items():
            now = self.read_note(path)
            if now == data:
                continue
            # Only a validate may have changed it, and only its last_validated line.
            before = [l for l in data.split(b"\n") if not l.startswith(b"last_validated:")]
            after = [l for l in now.split(b"\n") if not l.startswith(b"last_validated:")]
            self.assertEqual(after, before, f"{path} changed outside last_validated")
            line = [l for l in now.split(b"\n") if l.startswith(b"last_validated:")]
            self.assertEqual(len(line), 1, now)
            day = datetime.date.fromisoformat(line[0].split(b": ")[1].decode())
            self.assertTrue(self.validation_day > day >= datetime.date(2026, 1, 1), line)

    def check_reports(self):
        for name in glob.glob(os.path.join(self.reports, "*")):
            base = os.path.basename(name)
            if base.startswith("."):
                continue  # a temporary file a kill left behind: never a report
            with open(name, "rb") as f:
                data = f.read()
            if base.endswith(".json"):
                json.loads(data)
            elif base.endswith(".md"):
                # The trend table is the report's last section; a cut file lacks its rows.
                self.assertTrue(data.startswith(b"---\n") and data.endswith(b"|\n") and
                                b"\n## Trend, last 12 weeks\n" in data,
                                f"{base} is not whole: ends {data[-80:]!r}")

    # One iteration.

    def validate_in_thread(self, path, day):
        def run():
            completed = subprocess.run(
                [self.freshctl, "--config", self.config, "validate", path, "--on",
                 day.isoformat()], capture_output=True, text=True, env=self.env, timeout=60)
            if completed.returncode == 0 and "validated " in completed.stdout:
                self.completed_validations[day] = path
        thread = threading.Thread(target=run)
        thread.start()
        return thread

    def recheck_in_thread(self):
        thread = threading.Thread(target=lambda: subprocess.run(
            [self.freshctl, "--config", self.config, "recheck", "--report"],
            capture_output=True, env=self.env, timeout=60))
        thread.start()
        return thread

    def iteration(self, n):
        if n % 3 == 0:
            self.add_note(BASE_NOTES + n)  # a new stale note: a digest is owed
        daemon = self.start_daemon(wait=False)
        action = self.rng.choice(["start", "validate", "validate", "report"])
        thread = None
        if action != "start":
            self.wait_serving(daemon)
            if action == "validate":
                path = self.rng.choice(sorted(self.expected))
                day = self.validation_day
                self.validation_day += datetime.timedelta(days=1)
                thread = self.validate_in_thread(path, day)
            else:
                thread = self.recheck_in_thread()
        time.sleep(self.rng.uniform(0, 0.25))
        os.kill(daemon.pid, signal.SIGKILL)
        daemon.kill()
        if thread:
            thread.join(timeout=60)
        self.check_store()
        self.check_notes()
        self.check_reports()

    def test_sigkill_at_random_moments_loses_and_duplicates_nothing(self):
        for n in range(ITERATIONS):
            with self.subTest(iteration=n):
                self.iteration(n)
        # Recovery: a clean start delivers what is owed and indexes what changed.
        daemon = self.start_daemon()
        self.wait_for(lambda: not self.pending_outbox(), "the outbox to drain", daemon=daemon)
        self.stop_daemon(daemon)
        self.check_store()
        self.check_history()
        self.check_digests()
        print(f"{ITERATIONS} SIGKILLs; {len(self.completed_validations)} validates answered ok "
              f"before a kill; {len(self.expected)} notes; "
              f"{len(self.exec_digests())} digest deliveries seen by the exec hook")

    # The invariants at the end.

    def pending_outbox(self):
        with sqlite3.connect(self.index_path()) as db:
            return db.execute("SELECT id, sink, attempts, last_error FROM outbox "
                              "WHERE delivered_at IS NULL").fetchall()

    def check_history(self):
        with sqlite3.connect(self.index_path()) as db:
            events = db.execute("SELECT note_id, path, kind, at, detail FROM events").fetchall()
            live = {row[0] for row in db.execute(
                "SELECT path FROM notes WHERE deleted_at IS NULL")}
        self.assertEqual(live, set(self.expected))
        first_seen = {}
        for note_id, _, kind, _, _ in events:
            if kind == "first_seen":
                first_seen[note_id] = first_seen.get(note_id, 0) + 1
        self.assertEqual(sorted(set(first_seen.values())), [1], "first_seen twice for a note")
        self.assertEqual(len(first_seen), len(self.expected))
        reminded = [(e[0], e[4]) for e in events if e[2] == "reminded"]
        self.assertEqual(len(reminded), len(set(reminded)), "a reminded event repeats")
        validated = [(e[0], e[4][:10]) for e in events if e[2] == "validated"]
        self.assertEqual(len(validated), len(set(validated)), "a validation repeats")
        by_day = {}
        for note_id, detail_day in validated:
            by_day.setdefault(detail_day, set()).add(note_id)
        for day, path in self.completed_validations.items():
            self.assertIn(day.isoformat(), by_day, f"the validate of {path} on {day} was lost")
        loop_days = {d for d in by_day
                     if datetime.date(2026, 1, 1).isoformat() <= d < self.validation_day.isoformat()}
        for day in loop_days:  # each of the loop's validate days went to one note
            self.assertEqual(len(by_day[day]), 1, f"validation day {day} on several notes")

    def check_digests(self):
        deliveries = self.exec_digests()
        self.assertGreater(len(deliveries), 0)
        by_id = {}
        owner_of_item = {}
        for digest in deliveries:
            self.assertRegex(digest["id"], r"^[0-9a-f]{16}$")
            if digest["id"] in by_id:
                self.assertEqual(by_id[digest["id"]], digest, "one id, two contents")
            by_id[digest["id"]] = digest
            for item in digest["items"]:
                key = (item["path"], item["kind"], item["due"])
                owner_of_item.setdefault(key, set()).add(digest["id"])
        twice = {k: ids for k, ids in owner_of_item.items() if len(ids) > 1}
        self.assertEqual(twice, {}, "a reminder went into two digests")
        # Every stale note the test wrote was reminded (in the first digest or a later one).
        reminded_paths = {k[0] for k in owner_of_item}
        self.assertEqual(reminded_paths, set(self.expected))


if __name__ == "__main__":
    reliability.main()
