"""The control socket of the running freshd: robust against bad clients (garbage,
oversized requests, half-closed and silent connections, many at once), freshctl of
another uid told why it is refused, and what freshctl does with and without a daemon. The
socket's modes and the refusal of other uids at the socket are tested, from both sides of
the file system's permissions, in tests/reliability/test_access.py."""

import json
import os
import socket
import subprocess
import sys
import threading
import time
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from daemon_harness import DaemonTestCase, local_now, note_text  # noqa: E402
from test_cli import run_on_terminal  # noqa: E402

STATUS_LINE = b'{"version":1,"command":"status","args":{}}'
NOBODY = 65534
NO_DAEMON = "freshctl: no freshd running; working on the index directly"


class SocketTest(DaemonTestCase):

    def setUp(self):
        super().setUp()
        self.write_note("note.md", note_text("A note", local_now().date()))
        self.daemon = self.start_daemon()

    def assert_answers_quickly(self):
        started = time.monotonic()
        self.assertEqual(self.ok_result(self.call("status"))["daemon"]["pid"], self.daemon.pid)
        self.assertLess(time.monotonic() - started, 2.0)

    def test_garbage_gets_an_error_reply_and_the_daemon_keeps_serving(self):
        for garbage in (b"hello freshd\n", b"\x00\xff\xfe\x80garbage\n", b"[1, 2, 3]\n",
                        b'{"version":1,"command":"selfdestruct","args":{}}\n',
                        b'{"version":99,"command":"status","args":{}}\n'):
            with self.subTest(garbage=garbage):
                reply = self.decode(self.exchange(garbage))
                self.assertFalse(reply["ok"], reply)
                self.assertEqual(reply["error"]["code"], "bad_request", reply)
                self.assertTrue(reply["error"]["message"], reply)
                self.assert_answers_quickly()

    def test_an_oversized_request_is_refused_without_being_read_whole(self):
        request = b'{"version":1,"command":"status","args":{"pad":"' + b"x" * (70 * 1024) + \
            b'"}}\n'
        reply = self.decode(self.exchange(request))
        self.assert_error(reply, "bad_request", "request larger than 65536 bytes")
        self.assert_answers_quickly()

    def test_a_half_closed_connection_without_a_newline_is_closed_at_once(self):
        with self.connect() as s:
            s.sendall(STATUS_LINE)
            s.shutdown(socket.SHUT_WR)
            started = time.monotonic()
            self.assertEqual(self.read_all(s), b"")
            self.assertLess(time.monotonic() - started, 2.0)
        self.assert_answers_quickly()

    def test_a_silent_client_holds_up_no_one_and_is_cut_off_after_the_timeout(self):
        silent = self.connect(timeout=30)
        self.addCleanup(silent.close)
        connected = time.monotonic()
        for _ in range(3):
            self.assert_answers_quickly()
        self.assertEqual(self.ctl_json("status")["daemon"]["pid"], self.daemon.pid)
        self.assertEqual(self.read_all(silent), b"")
        waited = time.monotonic() - connected
        self.assertTrue(9.0 <= waited <= 20.0, f"cut off after {waited:.1f} s, not ~10 s")
        self.assert_answers_quickly()

    def test_fifty_clients_at_once_all_get_their_reply(self):
        replies = [None] * 50
        errors = []
        start = threading.Barrier(50)

        def client(i):
            try:
                start.wait(timeout=10)
                replies[i] = self.decode(self.exchange(STATUS_LINE + b"\n", timeout=15))
            except Exception as error:  # reported below with the client's number
                errors.append(f"client {i}: {error!r}")

        threads = [threading.Thread(target=client, args=(i,)) for i in range(50)]
        for t in threads:
            t.start()
        for t in threads:
            t.join(timeout=30)
        self.assertEqual(errors, [])
        self.assertEqual([r["ok"] for r in replies], [True] * 50)
        self.assertEqual({r["result"]["daemon"]["pid"] for r in replies}, {self.daemon.pid})
        self.assert_answers_quickly()

    def test_freshctl_of_another_uid_is_told_permission_denied(self):
        if os.getuid() != 0:
            self.skipTest("needs root to run freshctl as another uid (nobody)")
        for path in (self.tmp, os.path.dirname(self.socket_path)):
            os.chmod(path, 0o711)
        os.chmod(self.socket_path, 0o666)
        os.chmod(self.config, 0o644)
        # The refusal races with the client's write of its request; try a few times.
        for attempt in range(5):
            with self.subTest(attempt=attempt):
                try:
                    run = subprocess.run([self.freshctl, "--config", self.config, "status"],
                                         user=NOBODY, group=NOBODY, extra_groups=[],
                                         capture_output=True, text=True, timeout=30, cwd="/",
                                         env=self.env)
                except PermissionError:
                    self.skipTest(f"{self.freshctl} is not executable by uid {NOBODY}")
                self.assertNotEqual(run.returncode, 0)
                self.assertEqual(run.stderr, "freshctl: permission denied: not the socket's "
                                             "owner\n")
        self.assert_answers_quickly()


class FreshctlFallbackTest(DaemonTestCase):

    def test_freshctl_uses_the_daemon_when_it_runs_and_the_index_when_not(self):
        self.write_note("note.md", note_text("A note", local_now().date()))
        daemon = self.start_daemon()
        for args in (("status",), ("list",), ("show", "note.md"), ("timeline", "note.md")):
            with self.subTest(args=args):
                run = self.ok(self.ctl("--json", *args))
                self.assertNotIn("no freshd running", run.stderr)
                self.assertEqual(run.stderr, "")
        self.assertEqual(self.ctl_json("status")["daemon"]["pid"], daemon.pid)
        self.stop_daemon(daemon)
        self.assertFalse(os.path.exists(self.socket_path), "the socket is removed at stop")

        run = self.ok(self.ctl("--json", "status"))
        self.assertEqual(run.stderr.splitlines(), [NO_DAEMON])
        status = run.json()
        self.assertNotIn("daemon", status)
        self.assertEqual((status["vault"], status["notes"]), (self.vault, 1))
        run = self.ok(self.ctl("--json", "show", "note.md"))
        self.assertEqual(run.stderr.splitlines(), [NO_DAEMON])
        self.assertEqual(run.json()["note"]["title"], "A note")

    def test_json_is_one_line_in_a_pipe_and_indented_on_a_terminal_from_both_paths(self):
        def stable(doc):
            """The document without what moves with the clock between two runs."""
            doc = dict(doc)
            doc.pop("now", None)
            notes = doc["notes"] if isinstance(doc.get("notes"), list) else []
            for note in notes + ([doc["note"]] if "note" in doc else []):
                note.pop("freshness")
            return doc

        for i in range(3):
            self.write_note(f"n{i}.md", note_text(f"Note {i}", local_now().date()))
        daemon = self.start_daemon()
        through_daemon = {}
        for args in (("list", "--all"), ("show", "n1.md"), ("status",)):
            run = self.ok(self.ctl("--json", *args))
            self.assertEqual(run.stdout.count("\n"), 1, run.stdout)  # one line, then a newline
            through_daemon[args] = stable(run.json())
            code, out = run_on_terminal([self.freshctl, "--config", self.config, "--json", *args],
                                        self.env)
            self.assertEqual(code, 0, out)
            text = out.decode().replace("\r\n", "\n")
            self.assertIn('\n  "', text)  # indented by two
            self.assertEqual(stable(json.loads(text)), through_daemon[args])
        self.assertEqual([n["path"] for n in through_daemon[("list", "--all")]["notes"]],
                         ["n0.md", "n1.md", "n2.md"])
        self.stop_daemon(daemon)
        for args in (("list", "--all"), ("show", "n1.md")):
            run = self.ok(self.ctl("--json", *args))
            self.assertEqual(run.stdout.count("\n"), 1, run.stdout)
            self.assertEqual(stable(run.json()), through_daemon[args])

if __name__ == "__main__":
    unittest.main()
