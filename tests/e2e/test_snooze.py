"""snooze, snooze --all (vacation) and unsnooze across restarts of freshd: each `freshd
--once` below is a fresh start of the daemon at a later pinned "now", delivering what is
owed to its log. A snoozed note is not reminded until the snooze ends; the stale notes
that are not snoozed are reminded again when their repeat interval (7 days) has passed."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import NOW, VaultTestCase  # noqa: E402

SNOOZED = "infra/oncall-handbook.md"  # stale since 2026-09-29
OTHER = "_posts/2024-05-01-launch.md"  # stale since 2025-05-01
LATER = "2026-12-01T12:00:00Z"  # NOW + 8 days: past the 7-day repeat
AFTER = "2026-12-24T12:00:00Z"  # NOW + 31 days: past a 30-day snooze


class SnoozeTest(VaultTestCase):

    def at(self, now):
        self.env["FRESHD_NOW"] = now

    def start_once(self, now):
        """A start of freshd at `now`; returns the notes it reminded."""
        self.at(now)
        run = self.ok(self.freshd_run("--once"))
        prefix = "reminder: "
        return {line.split(prefix, 1)[1].split(" is ", 1)[0]
                for line in run.stderr.splitlines() if prefix in line}

    def status(self):
        return self.ctl_json("status")

    def test_a_snoozed_note_is_not_reminded_until_the_snooze_ends_across_restarts(self):
        first = self.start_once(NOW)
        self.assertIn(SNOOZED, first)
        self.assertIn(OTHER, first)
        self.at(NOW)
        reply = self.ctl_json("snooze", SNOOZED, "30d")
        self.assertEqual(reply["snoozed_until"], "2026-12-23T12:00:00Z")
        self.assertEqual(self.show(SNOOZED)["snoozed_until"], "2026-12-23T12:00:00Z")

        second = self.start_once(LATER)
        self.assertIn(OTHER, second)
        self.assertNotIn(SNOOZED, second)
        self.at(LATER)
        self.assertEqual(self.status()["snoozed_notes"], 1)
        self.assertEqual(self.show(SNOOZED)["snoozed_until"], "2026-12-23T12:00:00Z")

        third = self.start_once(AFTER)
        self.assertIn(SNOOZED, third)
        self.at(AFTER)
        self.assertEqual(self.status()["snoozed_notes"], 0)

    def test_unsnooze_brings_the_reminders_back(self):
        self.start_once(NOW)
        self.at(NOW)
        self.ok(self.ctl("snooze", SNOOZED, "2026-12-31"))
        reply = self.ctl_json("unsnooze", SNOOZED)
        self.assertIsNone(reply["snoozed_until"])
        self.assertIn(SNOOZED, self.start_once(LATER))

    def test_vacation_silences_every_reminder_until_it_ends(self):
        self.start_once(NOW)
        self.at(NOW)
        reply = self.ctl_json("snooze", "--all", "10d")
        self.assertEqual(reply["snoozed_until"], "2026-12-03T12:00:00Z")
        self.assertEqual(self.start_once(LATER), set())
        self.at(LATER)
        self.assertEqual(self.status()["vault_snoozed_until"], "2026-12-03T12:00:00Z")
        after = self.start_once("2026-12-04T12:00:00Z")
        self.assertIn(OTHER, after)
        self.assertIn(SNOOZED, after)

    def test_a_snooze_into_the_past_or_of_an_unknown_note_is_refused(self):
        self.start_once(NOW)
        self.at(NOW)
        run = self.ctl("snooze", SNOOZED, "2026-01-01")
        self.assertEqual(run.code, 2, run.describe())
        self.assertIn("not in the future", run.stderr)
        run = self.ctl("snooze", "no/such.md", "2w")
        self.assertEqual(run.code, 4, run.describe())
        self.assertIn("no/such.md", run.stderr)
        run = self.ctl("snooze", SNOOZED, "soon")
        self.assertEqual(run.code, 2, run.describe())
        self.assertIn("neither a span", run.stderr)


if __name__ == "__main__":
    unittest.main()
