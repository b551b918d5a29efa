"""Who may talk to freshd, and about what: the control socket is private to its owner
(0600 in a 0700 folder, peers of another uid refused), requests may only name notes inside
the vault (never `..`, absolute paths elsewhere, or symbolic links leading out), oversized
requests are refused, and neither many nor slow clients keep the others waiting."""

import datetime
import json
import os
import socket
import stat
import threading
import time

from reliability import NOBODY, as_uid, can_switch_uid, main
from daemon_harness import DaemonTestCase, local_now, note_text

STATUS_LINE = b'{"version":1,"command":"status","args":{}}\n'
MAX_REQUEST = 64 * 1024
MAX_CONNECTIONS = 64


def request_line(command, args):
    return json.dumps({"version": 1, "command": command, "args": args}).encode() + b"\n"


def padded_status(total_bytes):
    """A status request of exactly `total_bytes` bytes, its newline included."""
    empty = b'{"version":1,"command":"status","args":{"pad":""}}\n'
    pad = total_bytes - len(empty)
    return empty.replace(b'"pad":""', b'"pad":"' + b"x" * pad + b'"')


class AccessTest(DaemonTestCase):

    def setUp(self):
        super().setUp()
        today = local_now().date()
        self.write_note("note.md", note_text("A note", today))
        self.write_note("sub/inner.md", note_text("Inner", today))
        # Outside the vault: a note a request must never reach, directly or by a link.
        self.outside = os.path.join(self.tmp, "outside")
        os.makedirs(os.path.join(self.outside, "dir"))
        self.secret = os.path.join(self.outside, "secret.md")
        self.secret_in_dir = os.path.join(self.outside, "dir", "secret.md")
        for path in (self.secret, self.secret_in_dir):
            with open(path, "wb") as f:
                # Validated long ago: a validation that reached it would rewrite it.
                f.write(note_text("Secret", today - datetime.timedelta(days=100)))
        os.symlink(self.secret, self.vault_path("link.md"))
        os.symlink(os.path.join(self.outside, "dir"), self.vault_path("ext"))
        self.daemon = self.start_daemon()

    def outside_state(self):
        out = {}
        for path in (self.secret, self.secret_in_dir):
            st = os.stat(path)
            with open(path, "rb") as f:
                out[path] = (f.read(), st.st_mtime_ns, st.st_size)
        return out

    def status_latency(self):
        started = time.monotonic()
        result = self.ok_result(self.call("status"))
        elapsed = time.monotonic() - started
        self.assertEqual(result["daemon"]["pid"], self.daemon.pid)
        return elapsed

    def indexed_paths(self):
        return sorted(n["path"] for n in self.ok_result(self.call("list", {}))["notes"])

    # The socket's permissions and its peers.

    def test_socket_is_0600_in_a_0700_folder_of_the_daemons_uid(self):
        folder = os.stat(os.path.dirname(self.socket_path))
        sock = os.stat(self.socket_path)
        self.assertTrue(stat.S_ISSOCK(sock.st_mode))
        self.assertEqual(oct(stat.S_IMODE(sock.st_mode)), oct(0o600))
        self.assertEqual(oct(stat.S_IMODE(folder.st_mode)), oct(0o700))
        self.assertEqual((sock.st_uid, folder.st_uid), (os.getuid(), os.getuid()))

    def test_a_client_of_another_uid_is_refused(self):
        if not can_switch_uid():
            self.skipTest("needs root to act as another uid (nobody); run as root to test it")
        socket_path = self.socket_path

        def connect_and_exchange():
            try:
                with socket.socket(socket.AF_UNIX, socket.SOCK_STREAM) as s:
                    s.settimeout(10)
                    s.connect(socket_path)
                    s.sendall(STATUS_LINE)
                    return {"reply": self.read_all(s).decode()}
            except PermissionError as error:
                return {"denied": error.strerror}

        # As installed, the file system alone keeps other users out.
        os.chmod(self.tmp, 0o711)
        self.assertEqual(as_uid(NOBODY, connect_and_exchange), {"denied": "Permission denied"})
        # With the folder and socket opened up, freshd's own peer check still refuses.
        os.chmod(os.path.dirname(self.socket_path), 0o711)
        os.chmod(self.socket_path, 0o666)
        outcome = as_uid(NOBODY, connect_and_exchange)
        reply = json.loads(outcome["reply"])
        self.assertFalse(reply["ok"], reply)
        self.assertEqual(reply["error"], {"code": "bad_request",
                                          "message": "permission denied: not the socket's owner"})
        self.assertEqual(len(self.daemon.log_lines(f"refused a peer of uid {NOBODY}")), 1,
                         self.daemon.log())
        self.assertLess(self.status_latency(), 2.0)

    # Requests naming paths outside the vault.

    def test_requests_naming_paths_outside_the_vault_are_refused(self):
        before = self.outside_state()
        typed_paths = ["../outside/secret.md", "../x", "/etc/passwd", self.secret,
                       "sub/../../outside/secret.md", "./../outside/secret.md", "sub/..",
                       "link.md", "link", "ext/secret.md", "ext/secret",
                       os.path.join(self.vault, "ext", "secret.md")]
        for typed in typed_paths:
            for command, args in (("show", {"note": typed}),
                                  ("validate", {"notes": [typed]}),
                                  ("validate", {"notes": [typed], "dry_run": True}),
                                  ("snooze", {"args": [typed, "1w"]}),
                                  ("unsnooze", {"args": [typed]}),
                                  ("timeline", {"note": typed}),
                                  ("recheck", {"paths": [typed]})):
                with self.subTest(command=command, path=typed):
                    reply = self.decode(self.exchange(request_line(command, args)))
                    self.assert_refused(command, typed, reply)
        # Nothing outside was read into the index, written or snoozed.
        self.assertEqual(self.indexed_paths(), ["note.md", "sub/inner.md"])
        self.assertEqual(self.outside_state(), before)
        events = self.ok_result(self.call("timeline", {}))["events"]
        self.assertEqual(sorted({e["path"] for e in events}), ["note.md", "sub/inner.md"])
        self.assertLess(self.status_latency(), 2.0)

    def assert_refused(self, command, typed, reply):
        """Refused: an error naming the path; or, for what only reading could reveal, an
        empty answer: no history for timeline, the path reported and nothing read for
        recheck (as the full walk reports and skips links; see vault_walker.h)."""
        relative = typed[len(self.vault) + 1:] if typed.startswith(self.vault + "/") else typed
        if reply["ok"] and command == "timeline":
            self.assertEqual(reply["result"]["events"], [], reply)
        elif reply["ok"] and command == "recheck":
            result = reply["result"]
            self.assertEqual((result["read"], result["added"], result["events"]), (0, 0, []),
                             reply)
            self.assertEqual([p["path"] for p in result["walk_problems"]], [relative], reply)
            self.assertIn("symbolic link", result["walk_problems"][0]["message"], reply)
        else:
            self.assertFalse(reply["ok"], reply)
            message = reply["error"]["message"]
            self.assertTrue(typed in message or relative in message, reply)

    def test_a_full_rescan_does_not_follow_links_out_of_the_vault(self):
        before = self.outside_state()
        result = self.ok_result(self.call("recheck", {}))
        self.assertEqual(self.indexed_paths(), ["note.md", "sub/inner.md"])
        # The links are reported as not followed, by their paths in the vault.
        self.assertEqual(sorted(p["path"] for p in result["walk_problems"]), ["ext", "link.md"])
        for problem in result["walk_problems"]:
            self.assertIn("symbolic link", problem["message"])
        self.assertEqual(self.outside_state(), before)

    # Bad and many clients.

    def test_an_oversized_request_is_refused_and_its_connection_closed(self):
        # The largest request accepted: 64 KiB and its newline.
        reply = self.decode(self.exchange(padded_status(MAX_REQUEST + 1)))
        self.assertEqual(self.ok_result(reply)["daemon"]["pid"], self.daemon.pid)
        for size in (MAX_REQUEST + 2, 70 * 1024, 4 * 1024 * 1024):
            with self.subTest(size=size):
                started = time.monotonic()
                # exchange() reads until the daemon closes the connection.
                reply = self.decode(self.exchange(padded_status(size), timeout=15))
                self.assert_error(reply, "bad_request",
                                  f"request larger than {MAX_REQUEST} bytes")
                self.assertLess(time.monotonic() - started, 5.0)
                self.assertLess(self.status_latency(), 2.0)
        # No newline at all: refused as soon as 64 KiB have arrived, while the client
        # still sends.
        with self.connect(timeout=15) as s:
            s.sendall(b"x" * (MAX_REQUEST + 10))
            line = b""
            while not line.endswith(b"\n"):
                chunk = s.recv(4096)
                self.assertTrue(chunk, "closed without a reply")
                line += chunk
            self.assert_error(self.decode(line), "bad_request", "request larger than")
            s.shutdown(socket.SHUT_WR)
            self.assertEqual(self.read_all(s), b"")
        self.assertLess(self.status_latency(), 2.0)

    def test_the_connection_after_the_64th_is_refused_and_the_others_answered(self):
        # All of it well inside the 10 s a connection may stay silent.
        started = time.monotonic()
        idle = [self.connect(timeout=10) for _ in range(MAX_CONNECTIONS)]
        try:
            refused = self.decode(self.exchange(STATUS_LINE, timeout=10))
            self.assert_error(refused, "failed",
                              f"freshd is busy ({MAX_CONNECTIONS} connections open); try again")
            for i in (0, MAX_CONNECTIONS // 2, MAX_CONNECTIONS - 1):
                idle[i].sendall(STATUS_LINE)
                reply = self.decode(self.read_all(idle[i]))
                self.assertEqual(self.ok_result(reply)["daemon"]["pid"], self.daemon.pid)
            self.assertLess(time.monotonic() - started, 9.0, "too slow to test the limit")
        finally:
            for s in idle:
                s.close()
        # The slots are given back when the connections close.
        self.wait_for(lambda: self._status_ok(), "a status reply after the crowd left",
                      daemon=self.daemon)
        for _ in range(3):
            self.assertLess(self.status_latency(), 2.0)

    def _status_ok(self):
        reply = self.decode(self.exchange(STATUS_LINE))
        return reply["ok"]

    def test_slow_clients_do_not_delay_a_status_request(self):
        slow_count = 5
        cut_off = [None] * slow_count
        stop = threading.Event()

        def slow_client(i):
            started = time.monotonic()
            with self.connect(timeout=30) as s:
                try:
                    for byte in STATUS_LINE:
                        s.sendall(bytes([byte]))
                        if stop.wait(1.0):
                            return
                    cut_off[i] = "sent the whole request"
                except (BrokenPipeError, ConnectionResetError):
                    cut_off[i] = time.monotonic() - started

        threads = [threading.Thread(target=slow_client, args=(i,)) for i in range(slow_count)]
        for t in threads:
            t.start()
        latencies = []
        try:
            deadline = time.monotonic() + 12.0
            while time.monotonic() < deadline:
                latencies.append(self.status_latency())
                time.sleep(0.2)
        finally:
            stop.set()
            for t in threads:
                t.join(timeout=30)
        latencies.sort()
        print(f"\nstatus latency beside {slow_count} clients sending 1 byte/s: "
              f"{len(latencies)} requests, median {latencies[len(latencies) // 2] * 1000:.1f} ms, "
              f"max {latencies[-1] * 1000:.1f} ms")
        self.assertLess(latencies[-1], 0.2, latencies)
        # Each slow client was cut off once its 10 s were up, not before.
        for value in cut_off:
            self.assertIsInstance(value, float, cut_off)
            self.assertTrue(9.0 <= value <= 13.0, cut_off)


if __name__ == "__main__":
    main()
