"""`freshctl validate` against the running freshd, which watches the vault: the daemon
writes last_validated into the note, and its watcher does not take that write for an edit
by the user (no content change, no second validation)."""

import datetime
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon_harness import DaemonTestCase, local_now, note_text  # noqa: E402

NOTE = "ops/backups.md"
SENTINEL = "ops/sentinel.md"


class DaemonValidateTest(DaemonTestCase):

    def test_the_watcher_does_not_take_the_daemons_own_write_for_an_edit(self):
        today = local_now().date()
        first = today - datetime.timedelta(days=40)
        self.write_note(NOTE, note_text("Backups", first))
        daemon = self.start_daemon()
        before = self.read_note(NOTE)

        reply = self.ok_result(self.call("validate", {"notes": [NOTE], "outcome": "unchanged"}))
        self.assertEqual(reply["validated"][0]["on"], today.isoformat())
        after = self.read_note(NOTE)
        self.assertEqual(after, before.replace(f"last_validated: {first.isoformat()}".encode(),
                                               f"last_validated: {today.isoformat()}".encode()))

        # A note written after the validation: once the watcher has indexed it, it has
        # also seen the events of the validation's rename, which came first.
        self.write_note(SENTINEL, note_text("Sentinel", today))
        self.wait_for(lambda: any(n["path"] == SENTINEL
                                  for n in self.ctl_json("list", "--all")["notes"]),
                      "the watcher to index the sentinel note", daemon=daemon)
        events = self.timeline(NOTE)
        kinds = [e["kind"] for e in events]
        self.assertNotIn("content_changed", kinds)
        validated = [e for e in events if e["kind"] == "validated"]
        # The first-seen field, then the command: not a third from the watcher.
        self.assertEqual(len(validated), 2, events)
        note = self.show(NOTE)
        self.assertEqual((note["last_validated"], note["status"]), (today.isoformat(), "fresh"))
        # A duration written in the note is not adapted (only class intervals are).
        self.assertFalse(note["interval"]["adapted"], note["interval"])
        self.stop_daemon(daemon)


if __name__ == "__main__":
    unittest.main()
