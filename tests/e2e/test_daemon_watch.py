"""The running freshd follows the vault through inotify: an edited validation reschedules
the note within seconds, a rename keeps the note's history, a deletion is recorded."""

import datetime
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon_harness import DaemonTestCase, local_now, note_text  # noqa: E402

OLD = "ops/backups.md"
NEW = "ops/archive/backups-2026.md"


def kinds(events):
    return [e["kind"] for e in events]


class WatchTest(DaemonTestCase):

    def setUp(self):
        super().setUp()
        today = local_now().date()
        self.first = today - datetime.timedelta(days=40)
        self.second = today - datetime.timedelta(days=2)
        # Stale from the start (due 10 days ago), so it is reminded once at start.
        self.write_note(OLD, note_text("Backups", self.first))
        self.daemon = self.start_daemon()
        self.first_seen = self.show(OLD)["first_seen"]

    def live_paths(self):
        return {n["path"] for n in self.ctl_json("list", "--all")["notes"]}

    def test_editing_last_validated_reschedules_the_note_within_seconds(self):
        before = self.show(OLD)
        self.assertEqual((before["last_validated"], before["due"], before["status"]),
                         (self.first.isoformat(), self.due(self.first), "stale"))
        self.write_note(OLD, note_text("Backups", self.second))
        self.wait_for(lambda: self.show(OLD)["last_validated"] == self.second.isoformat(),
                      "the edited last_validated", daemon=self.daemon)
        after = self.show(OLD)
        self.assertEqual((after["due"], after["status"], after["first_seen"]),
                         (self.due(self.second), "fresh", self.first_seen))
        validations = [e["detail"] for e in self.timeline(OLD) if e["kind"] == "validated"]
        self.assertEqual(len(validations), 2, validations)
        self.assertTrue(validations[0].startswith(self.first.isoformat()), validations)
        self.assertTrue(validations[1].startswith(self.second.isoformat()), validations)
        self.stop_daemon(self.daemon)

    def test_a_note_renamed_while_running_keeps_its_history(self):
        os.makedirs(os.path.dirname(self.vault_path(NEW)))
        os.rename(self.vault_path(OLD), self.vault_path(NEW))
        self.wait_for(lambda: self.live_paths() == {NEW}, "the renamed note",
                      daemon=self.daemon)
        history = self.timeline(NEW)
        self.assertEqual(kinds(history), ["first_seen", "validated", "reminded", "renamed"])
        self.assertEqual(history[0]["at"], self.first_seen)
        self.assertIn(OLD, history[3]["detail"])
        self.assertIn(NEW, history[3]["detail"])
        moved = self.show(NEW)
        self.assertEqual((moved["first_seen"], moved["last_validated"]),
                         (self.first_seen, self.first.isoformat()))
        self.stop_daemon(self.daemon)

    def test_a_note_deleted_while_running_records_deleted(self):
        os.remove(self.vault_path(OLD))
        self.wait_for(lambda: self.live_paths() == set(), "the deletion", daemon=self.daemon)
        vault_history = [(e["path"], e["kind"]) for e in self.timeline()]
        expected = ["first_seen", "validated", "reminded", "deleted"]
        self.assertEqual(vault_history, [(OLD, kind) for kind in expected])
        # A deleted note's own history stays readable (DESIGN: never rewritten).
        self.assertEqual(kinds(self.timeline(OLD)), expected)
        self.stop_daemon(self.daemon)

    def due(self, validated):
        return (validated + datetime.timedelta(days=30)).isoformat()


if __name__ == "__main__":
    unittest.main()
