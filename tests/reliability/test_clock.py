"""The wall clock stepped forward a week, back a day, and a suspend across a deadline, end
to end: freshd started (`--once`) at each pinned "now" of such a clock, on the same vault
and state. Every reminder fires once and the weekly report is written once per scheduled
week. (The running daemon's timers are re-armed by a CLOCK_REALTIME timerfd with
TFD_TIMER_CANCEL_ON_SET when the clock is set; this machine's clock cannot be set by a
test, so that part is left to the injected-clock unit test in
tests/model/reminder_policy_test.cpp and to daemon/wall_clock_timer.cpp's design.)"""

import json
import os
import sqlite3
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reliability  # noqa: E402,F401  (puts the e2e harness on the path)
from harness import VaultTestCase  # noqa: E402

# Mondays 09:00 Berlin = 08:00Z in winter. The clock as the machine would see it:
CLOCK = [
    ("2026-11-23T12:00:00Z", "first start: the report schedule's baseline"),
    ("2026-11-30T12:00:00Z", "a week forward: W49's report, the stale notes again"),
    ("2026-11-29T12:00:00Z", "back a day: nothing"),
    ("2026-11-30T12:00:00Z", "forward again to where it was: nothing"),
    ("2026-12-07T07:30:00Z", "suspended before W50's 08:00Z deadline ..."),
    ("2026-12-07T19:00:00Z", "... resumed after it: W50's report, once"),
    ("2026-12-07T19:00:05Z", "a restart right after: nothing"),
]


def note(title, validated, decay):
    return (f"---\ntitle: {title}\nlast_validated: {validated}\ndecay_rate: {decay}\n---\n\n"
            "Text.\n").encode()


class ClockTest(VaultTestCase):

    def setUp(self):
        super().setUp()
        with open(self.config, "a", encoding="utf-8") as f:
            f.write('\n[report]\nschedule = "Mon 09:00"\ndir = "reports"\nformats = ["json"]\n'
                    '\n[reminders]\nrepeat = "7d"\ntime_of_day = "09:00"\n')
        # due 2026-12-10: reminded "due" from 12-03 09:00, "stale" from 12-11 09:00.
        self.write_note("clock/a.md", note("A", "2026-11-10", "30d"))

    def start_at(self, now):
        self.env["FRESHD_NOW"] = now
        run = self.ok(self.freshd_run("--once"))
        return [line.split("reminder: ", 1)[1] for line in run.stderr.splitlines()
                if "reminder: " in line]

    def reports_written(self):
        with sqlite3.connect(os.path.join(self.state, "index.sqlite")) as db:
            return [row[0] for row in db.execute(
                "SELECT occurrence FROM reports ORDER BY id")]

    def test_steps_back_and_forth_and_a_suspend_fire_each_reminder_and_report_once(self):
        timeline = []
        for now, what in CLOCK:
            reminded = self.start_at(now)
            timeline.append((now, what, sorted(reminded), len(self.reports_written())))
        for step in timeline:
            print(step)

        def fired_at(prefix):
            return [now for now, _, reminded, _ in timeline
                    if any(r.startswith(prefix) for r in reminded)]

        # After the step back, the return and the restart, nothing fires again.
        self.assertEqual(timeline[2][2], [])  # back a day
        self.assertEqual(timeline[3][2], [])  # forward again to where it was
        self.assertEqual(timeline[6][2], [])  # a restart right after
        # a.md: its due reminder once, at the first start on or after 12-03 09:00 (the one
        # during the suspend); its stale one (12-11) lies beyond this clock.
        self.assertEqual(fired_at("clock/a.md "), ["2026-12-07T07:30:00Z"])
        self.assertEqual([r for r in timeline[4][2] if r.startswith("clock/a.md ")],
                         ["clock/a.md is due (due 2026-12-10)"])
        # A note that stays stale: at the first start, then every repeat period (7 days
        # after the last delivery) by the clock's latest reading, not after the step back.
        self.assertEqual(fired_at("infra/oncall-handbook.md "),
                         ["2026-11-23T12:00:00Z", "2026-11-30T12:00:00Z", "2026-12-07T19:00:00Z"])
        # The first start sets the schedule's baseline; then one report per scheduled week,
        # each written once: W49 (Monday 11-30) and W50 (Monday 12-07, across the suspend).
        self.assertEqual([count for _, _, _, count in timeline], [0, 1, 1, 1, 1, 2, 2])
        weeks = self.reports_written()
        self.assertEqual(len(weeks), len(set(weeks)), weeks)
        # One file per week, plus stale-notes.json: a copy of the latest.
        written_files = sorted(n for n in os.listdir(os.path.join(self.vault, "reports"))
                               if n != "stale-notes.json")
        labels = []
        for name in written_files:
            with open(os.path.join(self.vault, "reports", name), encoding="utf-8") as f:
                labels.append(json.load(f)["week"])
        self.assertEqual(sorted(labels), ["2026-W49", "2026-W50"])


if __name__ == "__main__":
    reliability.main()
