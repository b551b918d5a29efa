"""The reminders of a first `freshd --once` on a vault with many stale notes: they are
decided on one thread and recorded on another, a digest of at most 250 notes at a time.
Each stale or due note is reminded exactly once, in path order, logged and recorded with its
`reminded` event; a second start the same day reminds nothing."""

import json
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import NOW, VaultTestCase  # noqa: E402

EXTRA = 620  # two full digests and a partial one, with the example vault's stale notes
PREFIX = "reminder: "


class OnceRemindersTest(VaultTestCase):

    def setUp(self):
        super().setUp()
        folder = os.path.join(self.vault, "many")
        os.makedirs(folder)
        for i in range(EXTRA):
            with open(os.path.join(folder, "n%04d.md" % i), "w", encoding="utf-8") as f:
                f.write("---\ntitle: Note %d\npublished: 2020-01-%02d\n---\nBody.\n"
                        % (i, i % 28 + 1))

    def start_once(self):
        """A start of freshd at NOW; returns the notes it reminded, in log order."""
        self.env["FRESHD_NOW"] = NOW
        run = self.ok(self.freshd_run("--once"))
        return [line.split(PREFIX, 1)[1].split(" is ", 1)[0]
                for line in run.stderr.splitlines() if PREFIX in line]

    def log_digests(self):
        """The item paths of each digest recorded for the log, in recording order."""
        db = sqlite3.connect(os.path.join(self.state, "index.sqlite"))
        try:
            rows = db.execute("SELECT payload, delivered_at FROM outbox"
                              " WHERE sink = 'log' ORDER BY id").fetchall()
        finally:
            db.close()
        self.assertTrue(all(delivered is not None for _, delivered in rows), rows)
        return [[item["path"] for item in json.loads(payload)["items"]]
                for payload, _ in rows]

    def test_every_owed_note_is_reminded_once_in_path_order_in_digests_of_250(self):
        reminded = self.start_once()
        # Stale notes, and due ones (within the reminder lead of their due day).
        stale = [n["path"] for n in self.ctl_json("list")["notes"]
                 if n["status"] in ("stale", "due")]
        self.assertGreater(len(stale), EXTRA)
        self.assertEqual(reminded, sorted(stale))

        digests = self.log_digests()
        self.assertEqual([len(d) for d in digests][:-1], [250] * (len(digests) - 1))
        self.assertEqual([p for d in digests for p in d], reminded)

        events = self.ctl_json("timeline", "--since", "1d")["events"]
        reminded_events = [e["path"] for e in events if e["kind"] == "reminded"]
        self.assertEqual(sorted(reminded_events), sorted(stale))

        self.assertEqual(self.start_once(), [])
        self.assertEqual(len(self.log_digests()), len(digests))


if __name__ == "__main__":
    unittest.main()
