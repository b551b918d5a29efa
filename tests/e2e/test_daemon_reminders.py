"""The running freshd delivers a reminder when its wall-clock deadline passes: once, to
every sink (log, inbox note, exec hook), and once only across restarts (a deadline missed
while the daemon was down fires at the next start, then never again)."""

import datetime
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon_harness import (DaemonTestCase, Schedule, local_now, note_text,  # noqa: E402
                            utc_text)

NOTE = "projects/soon-due.md"
LATER = "projects/later.md"


class ReminderDeliveryTest(DaemonTestCase):

    def write_notes(self, schedule):
        self.write_note(NOTE, note_text("Soon due", schedule.validated))
        self.write_note(LATER, note_text("Validated today", local_now().date()))

    def reminder_lines(self, daemon):
        return daemon.log_lines(r"reminder: ")

    def expected_log_line(self, schedule):
        return f"reminder: {NOTE} is due (due {schedule.due.isoformat()})"

    def assert_one_digest(self, schedule, earliest):
        digests = self.exec_digests()
        self.assertEqual(len(digests), 1, digests)
        digest = digests[0]
        self.assertGreaterEqual(digest["at"], utc_text(earliest))
        self.assertRegex(digest["id"], r"^[0-9a-f]{16}$")
        self.assertEqual({k: v for k, v in digest.items() if k not in ("at", "id")}, {
            "version": 1, "vault": self.vault, "count": 1,
            "items": [{"path": NOTE, "title": "Soon due", "owner": None, "kind": "due",
                       "due": schedule.due.isoformat(), "days_overdue": 0}]})

    def test_a_deadline_reached_while_running_is_delivered_once_to_every_sink(self):
        schedule = Schedule(seconds=8)
        self.write_notes(schedule)
        self.write_daemon_config(schedule.time_of_day, inbox="freshd-inbox.md", exec_hook=True)
        daemon = self.start_daemon()

        status = self.ok_result(self.call("status"))
        self.assertGreater(schedule.seconds_left(), 0, "freshd took too long to start")
        self.assertEqual(status["next_reminder"], utc_text(schedule.fire))
        self.assertEqual(self.reminder_lines(daemon), [])
        self.assertFalse(os.path.exists(self.vault_path("freshd-inbox.md")))

        self.wait_for(lambda: len(self.reminded_details(NOTE)) == 3,
                      "the reminder in all three sinks", schedule.seconds_left() + 15, daemon)
        # Past the deadline and every delivery: a second one would show up here.
        self.sleep_until(schedule.fire + datetime.timedelta(seconds=3))

        lines = self.reminder_lines(daemon)
        self.assertEqual(len(lines), 1, lines)
        self.assertTrue(lines[0].endswith(self.expected_log_line(schedule)), lines)
        inbox = self.read_note("freshd-inbox.md").decode()
        self.assertIn("generated_by: freshd\n", inbox)
        tasks = [line for line in inbox.splitlines() if line.startswith("- [")]
        self.assertEqual(tasks, [f"- [ ] [[projects/soon-due|Soon due]] — due "
                                 f"{schedule.due.isoformat()}"])
        self.assert_one_digest(schedule, schedule.fire)
        self.assertEqual(sorted(self.reminded_details(NOTE)),
                         [f"due, due {schedule.due.isoformat()}, delivered to {sink}"
                          for sink in ("exec", "inbox", "log")])
        self.assertEqual(self.reminded_details(LATER), [])
        # The next deadline is the same note's "stale" reminder, the day after it is due.
        self.assertEqual(self.ok_result(self.call("status"))["next_reminder"],
                         utc_text(schedule.stale_at))
        self.stop_daemon(daemon)

    def test_a_deadline_missed_while_stopped_fires_once_at_the_next_start(self):
        schedule = Schedule(seconds=6)
        self.write_notes(schedule)
        self.write_daemon_config(schedule.time_of_day, exec_hook=True)
        first = self.start_daemon()
        self.assertEqual(self.ok_result(self.call("status"))["next_reminder"],
                         utc_text(schedule.fire))
        self.stop_daemon(first)
        self.assertGreater(schedule.seconds_left(), 0, "freshd took too long to start and stop")

        self.sleep_until(schedule.fire + datetime.timedelta(seconds=1))
        self.assertEqual(self.exec_digests(), [])
        self.assertEqual(self.reminder_lines(first), [])

        second = self.start_daemon()
        self.wait_for(lambda: len(self.exec_digests()) == 1, "the missed reminder", daemon=second)
        lines = self.reminder_lines(second)
        self.assertEqual(len(lines), 1, lines)
        self.assertTrue(lines[0].endswith(self.expected_log_line(schedule)), lines)
        self.stop_daemon(second)
        self.assert_one_digest(schedule, schedule.fire + datetime.timedelta(seconds=1))
        delivered = [f"due, due {schedule.due.isoformat()}, delivered to {sink}"
                     for sink in ("exec", "log")]
        self.assertEqual(sorted(self.reminded_details(NOTE)), delivered)

        third = self.start_daemon()
        self.assertEqual(self.reminder_lines(third), [])
        self.assertEqual(self.ok_result(self.call("status"))["next_reminder"],
                         utc_text(schedule.stale_at))
        self.stop_daemon(third)
        self.assertEqual(len(self.exec_digests()), 1)
        self.assertEqual(sorted(self.reminded_details(NOTE)), delivered)


if __name__ == "__main__":
    unittest.main()
