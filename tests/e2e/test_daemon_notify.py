"""freshd under a service manager: the sd_notify messages of its life (READY, STATUS,
WATCHDOG, RELOADING/READY around a reload, STOPPING), journald priority prefixes, and a
reload that keeps the running configuration when the new one is broken."""

import datetime
import os
import re
import signal
import socket
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon_harness import (DaemonTestCase, Schedule, at_local, local_now, note_text,  # noqa: E402
                            utc_text)

LIFECYCLE = ("READY=1", "RELOADING=1", "STOPPING=1")


class NotifyListener:
    """A datagram socket standing in for systemd's NOTIFY_SOCKET; keeps every message with
    the CLOCK_MONOTONIC time it arrived."""

    def __init__(self, path):
        self.path = path
        self.sock = socket.socket(socket.AF_UNIX, socket.SOCK_DGRAM)
        self.sock.bind(path)
        self.sock.settimeout(0.2)
        self.messages = []
        self.lock = threading.Lock()
        self.running = True
        self.thread = threading.Thread(target=self.receive, daemon=True)
        self.thread.start()

    def receive(self):
        while self.running:
            try:
                data = self.sock.recv(4096)
            except socket.timeout:
                continue
            except OSError:
                return
            with self.lock:
                self.messages.append((time.monotonic(), data.decode()))

    def close(self):
        self.running = False
        self.thread.join()
        self.sock.close()

    def texts(self):
        with self.lock:
            return [text for _, text in self.messages]

    def timed(self):
        with self.lock:
            return list(self.messages)


def lifecycle(texts):
    return [t for t in texts if t.split("\n")[0] in LIFECYCLE]


class NotifyTest(DaemonTestCase):

    def setUp(self):
        super().setUp()
        self.listener = NotifyListener(os.path.join(self.tmp, "notify.sock"))
        self.addCleanup(self.listener.close)
        # A note whose first reminder is 23 days away gives STATUS a known next deadline.
        self.schedule = Schedule(seconds=3600)
        self.validated = local_now().date()
        self.write_note("note.md", note_text("A note", self.validated))
        self.write_daemon_config(self.schedule.time_of_day)
        self.next_reminder = utc_text(self.schedule.next_reminder_of_fresh_note(self.validated))

    def start_notified(self):
        return self.start_daemon({"NOTIFY_SOCKET": self.listener.path,
                                  "WATCHDOG_USEC": "2000000", "JOURNAL_STREAM": "8:12345"})

    def wait_message(self, daemon, predicate, what, after=0):
        """Waits for a message matching `predicate` at index >= `after`; its index."""
        def found():
            for i, text in enumerate(self.listener.texts()):
                if i >= after and predicate(text):
                    return i + 1
            return 0
        return self.wait_for(found, what, daemon=daemon) - 1

    def test_notify_messages_follow_the_daemon_life_and_a_reload(self):
        daemon = self.start_notified()
        ready = self.wait_message(daemon, lambda t: t == "READY=1", "READY=1")
        self.wait_message(daemon, lambda t: t.startswith("STATUS="), "STATUS= after READY=1",
                          after=ready)
        self.wait_for(lambda: self.ok_result(self.call("status"))["next_reminder"]
                      == self.next_reminder, "the next reminder", daemon=daemon)
        self.wait_message(daemon, lambda t: t.startswith("STATUS=idle;") and
                          f"; next reminder {self.next_reminder};" in t,
                          "STATUS naming the next reminder", after=ready)
        # WATCHDOG_USEC=2 s: a ping every second, well inside the limit.
        first_ping = self.wait_message(daemon, lambda t: t == "WATCHDOG=1", "WATCHDOG=1",
                                       after=ready)
        self.wait_message(daemon, lambda t: t == "WATCHDOG=1", "a second WATCHDOG=1",
                          after=first_ping + 1)
        pings = [at for at, text in self.listener.timed()[ready:] if text == "WATCHDOG=1"]
        gaps = [b - a for a, b in zip(pings, pings[1:])]
        self.assertTrue(gaps and all(0.5 <= gap <= 1.9 for gap in gaps), gaps)

        before_reload = len(self.listener.texts())
        sent_usec = time.clock_gettime_ns(time.CLOCK_MONOTONIC) // 1000
        daemon.process.send_signal(signal.SIGHUP)
        reloading = self.wait_message(daemon, lambda t: t.startswith("RELOADING=1\n"),
                                      "RELOADING=1", after=before_reload)
        self.wait_message(daemon, lambda t: t == "READY=1", "READY=1 after the reload",
                          after=reloading)
        received_usec = int(self.listener.timed()[reloading][0] * 1e6)
        fields = self.listener.texts()[reloading].split("\n")
        self.assertEqual(fields[0], "RELOADING=1")
        self.assertEqual(len(fields), 2, fields)
        self.assertRegex(fields[1], r"^MONOTONIC_USEC=\d+$")
        usec = int(fields[1].split("=")[1])
        self.assertTrue(sent_usec <= usec <= received_usec, (sent_usec, usec, received_usec))

        before_ctl = len(self.listener.texts())
        self.assertEqual(self.ctl_json("reload")["reloaded"], True)
        after_ctl = self.wait_message(daemon, lambda t: t.startswith("RELOADING=1\n"),
                                      "RELOADING=1 from freshctl reload", after=before_ctl)
        self.wait_message(daemon, lambda t: t == "READY=1", "READY=1 after freshctl reload",
                          after=after_ctl)

        self.stop_daemon(daemon)
        texts = self.listener.texts()
        self.assertEqual([t.split("\n")[0] for t in lifecycle(texts)],
                         ["READY=1", "RELOADING=1", "READY=1", "RELOADING=1", "READY=1",
                          "STOPPING=1"])
        self.assertEqual(texts[-1], "STOPPING=1", texts[-3:])

        # JOURNAL_STREAM set: every log line carries a syslog priority instead of a prefix.
        lines = daemon.log().splitlines()
        self.assertTrue(lines)
        self.assertEqual([line for line in lines if not re.match(r"^<[3-7]>", line)], [])
        self.assertIn(f"<6>configuration reloaded from {self.config}", lines)
        self.assertIn("<6>stopping", lines)


class ReloadTest(DaemonTestCase):

    def setUp(self):
        super().setUp()
        self.validated = local_now().date()
        self.write_note("note.md", note_text("A note", self.validated))

    def next_reminder(self, time_of_day):
        day = self.validated + datetime.timedelta(days=23)
        return utc_text(at_local(day, datetime.time.fromisoformat(time_of_day)))

    def test_a_broken_config_on_reload_keeps_the_running_one_and_names_file_and_line(self):
        self.write_daemon_config("08:00:00")
        daemon = self.start_daemon()
        self.assertEqual(self.ok_result(self.call("status"))["next_reminder"],
                         self.next_reminder("08:00:00"))

        # The same change as below, but the file ends with a broken table header.
        self.write_daemon_config("10:30:00")
        with open(self.config, encoding="utf-8") as f:
            broken_line = len(f.read().splitlines()) + 1
        with open(self.config, "a", encoding="utf-8") as f:
            f.write("[vault\n")
        daemon.process.send_signal(signal.SIGHUP)
        refused = self.wait_for(lambda: daemon.log_lines("reload refused"), "the refusal",
                                daemon=daemon)
        self.assertEqual(len(refused), 1, refused)
        self.assertIn("keeping the running configuration", refused[0])
        self.assertRegex(refused[0], re.escape(f"freshd.toml:{broken_line}:"))
        reply = self.call("reload")
        self.assert_error(reply, "failed", "configuration refused")
        self.assertRegex(reply["error"]["message"], re.escape(f"freshd.toml:{broken_line}:"))
        status = self.ok_result(self.call("status"))
        self.assertEqual(status["vault"], self.vault)
        self.assertEqual(status["notes"], 1)
        self.assertEqual(status["next_reminder"], self.next_reminder("08:00:00"))
        self.assertTrue(daemon.running())

        # Repaired, the same change is taken: the refusal above was not a no-op reload.
        self.write_daemon_config("10:30:00")
        daemon.process.send_signal(signal.SIGHUP)
        self.wait_for(lambda: self.ok_result(self.call("status"))["next_reminder"]
                      == self.next_reminder("10:30:00"), "the reloaded reminder time",
                      daemon=daemon)
        self.assertEqual(len(daemon.log_lines("configuration reloaded from")), 1)
        self.stop_daemon(daemon)


if __name__ == "__main__":
    unittest.main()
