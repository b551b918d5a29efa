"""The running freshd writes the stale-notes report at its scheduled wall-clock minute,
once per scheduled occurrence: never twice for the same occurrence across restarts, and a
run missed while the daemon was down is caught up once at the next start."""

import datetime
import json
import os
import sys
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon_harness import DaemonTestCase, Schedule, local_now, note_text  # noqa: E402


class ScheduledReportTest(DaemonTestCase):

    def setUp(self):
        super().setUp()
        self.write_note("ops/old.md", note_text("Old runbook",
                                                local_now().date() - datetime.timedelta(days=90)))

    def report_lines(self, daemon):
        return daemon.log_lines(r"report for \d{4}-W\d{2} written")

    def latest(self):
        return self.vault_path("reports/stale-notes.json")

    def week_label(self, day):
        year, week, _ = day.isocalendar()
        return f"{year}-W{week:02d}"

    def test_the_report_is_written_at_its_minute_and_only_once(self):
        schedule = Schedule(seconds=6)
        self.write_daemon_config("09:00", report_schedule=f"*-*-* {schedule.time_of_day}")
        daemon = self.start_daemon()
        # Yesterday's occurrence predates freshd's first run: not caught up.
        self.assertFalse(os.path.exists(self.latest()))
        self.assertEqual(self.ok_result(self.call("status"))["next_report"],
                         schedule.fire.astimezone(datetime.timezone.utc)
                         .strftime("%Y-%m-%dT%H:%M:%SZ"))

        self.wait_for(lambda: os.path.exists(self.latest()), "the scheduled report",
                      schedule.seconds_left() + 15, daemon)
        time.sleep(3)
        self.assertEqual(len(self.report_lines(daemon)), 1, daemon.log())
        week = self.week_label(schedule.day)
        weekly = self.vault_path(f"reports/stale-notes-{week}.md")
        self.assertTrue(os.path.exists(weekly))
        with open(self.latest(), encoding="utf-8") as f:
            report = json.load(f)
        self.assertEqual((report["schema"], report["week"]), ("freshd-report", week))
        self.assertEqual(report["counts"]["stale"], 1)
        mtime = os.stat(weekly).st_mtime_ns

        self.stop_daemon(daemon)
        again = self.start_daemon()
        time.sleep(2)
        self.assertEqual(self.report_lines(again), [], again.log())
        self.assertEqual(os.stat(weekly).st_mtime_ns, mtime)

    def test_a_run_missed_while_down_is_caught_up_once(self):
        schedule = Schedule(seconds=5)
        self.write_daemon_config("09:00", report_schedule=f"*-*-* {schedule.time_of_day}")
        first = self.start_daemon()
        self.stop_daemon(first)
        self.assertFalse(os.path.exists(self.latest()))
        self.sleep_until(schedule.fire + datetime.timedelta(seconds=1))

        catching_up = self.start_daemon()
        self.wait_for(lambda: len(self.report_lines(catching_up)) == 1, "the caught-up report",
                      daemon=catching_up)
        self.stop_daemon(catching_up)

        later = self.start_daemon()
        time.sleep(2)
        self.assertEqual(self.report_lines(later), [], later.log())


if __name__ == "__main__":
    unittest.main()
