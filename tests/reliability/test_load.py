"""freshd under load: 50 clients at once sending 10,000 requests in all (status, list and
show mixed) while the vault is being edited under the watching daemon. Every request gets
a valid, correct reply; the latency figures are printed and p99 stays under a second."""

import json
import os
import threading
import time

from reliability import main
from daemon_harness import DaemonTestCase, local_now, note_text

CLIENTS = 50
REQUESTS = 10_000
NOTES = 100
# Sanitizer builds run several times slower; the bound is for plain builds.
P99_LIMIT = 1.0 if os.environ.get("FRESHD_SANITIZED") != "1" else 5.0


def note_path(i):
    return f"notes/n{i:03d}.md"


def percentile(sorted_values, fraction):
    index = min(len(sorted_values) - 1, int(round(fraction * (len(sorted_values) - 1))))
    return sorted_values[index]


class LoadTest(DaemonTestCase):

    def setUp(self):
        super().setUp()
        self.today = local_now().date()
        for i in range(NOTES):
            self.write_note(note_path(i), note_text(f"Note {i} v0", self.today))
        self.daemon = self.start_daemon()

    def edit(self, i, version):
        """Rewrites a note the way editors save: a new file renamed over the old one."""
        path = self.vault_path(note_path(i))
        tmp = path + ".saving"
        with open(tmp, "wb") as f:
            f.write(note_text(f"Note {i} v{version}", self.today))
        os.rename(tmp, path)

    def check_reply(self, command, args, reply):
        """None when the reply is right, else what is wrong with it."""
        if not reply.get("ok"):
            return f"not ok: {reply}"
        result = reply["result"]
        if command == "status":
            if result["daemon"]["pid"] != self.daemon.pid or result["notes"] != NOTES:
                return f"wrong status: {result}"
        elif command == "list":
            paths = sorted(n["path"] for n in result["notes"])
            if paths != [note_path(i) for i in range(NOTES)]:
                return f"wrong list: {paths}"
        else:
            note = result["note"]
            i = int(args["note"][len("notes/n"):-len(".md")])
            if note["path"] != args["note"] or not note["title"].startswith(f"Note {i} v"):
                return f"wrong show: {note['path']} {note['title']}"
        return None

    def test_fifty_clients_and_an_editor(self):
        latencies = []
        errors = []
        counts = {"status": 0, "list": 0, "show": 0}
        lock = threading.Lock()
        start = threading.Barrier(CLIENTS + 1)
        stop_editing = threading.Event()
        edits = [0]

        def editor():
            start.wait(timeout=30)
            version = 0
            while not stop_editing.is_set():
                version += 1
                self.edit(version % NOTES, version)
                edits[0] += 1
                stop_editing.wait(0.01)

        def client(c):
            mine = []
            start.wait(timeout=30)
            for k in range(REQUESTS // CLIENTS):
                n = c * (REQUESTS // CLIENTS) + k
                command = ("status", "list", "show")[n % 3]
                args = {"note": note_path(n % NOTES)} if command == "show" else {}
                request = json.dumps({"version": 1, "command": command, "args": args}).encode()
                began = time.monotonic()
                try:
                    raw = self.exchange(request + b"\n", timeout=30)
                    elapsed = time.monotonic() - began
                    problem = self.check_reply(command, args, json.loads(raw))
                except Exception as error:  # reported below with the request
                    elapsed = time.monotonic() - began
                    problem = f"{error!r}"
                mine.append(elapsed)
                with lock:
                    counts[command] += 1
                    if problem:
                        errors.append(f"client {c} request {k} ({command}): {problem}")
            with lock:
                latencies.extend(mine)

        threads = [threading.Thread(target=client, args=(c,)) for c in range(CLIENTS)]
        edit_thread = threading.Thread(target=editor)
        for t in threads + [edit_thread]:
            t.start()
        began = time.monotonic()
        for t in threads:
            t.join(timeout=600)
        wall = time.monotonic() - began
        stop_editing.set()
        edit_thread.join()

        latencies.sort()
        p50, p99 = percentile(latencies, 0.50), percentile(latencies, 0.99)
        rescans = len(self.daemon.log_lines(r"rescan: \d+ notes, read [1-9]"))
        print(f"\n{len(latencies)} requests {counts} from {CLIENTS} clients in {wall:.1f} s "
              f"({len(latencies) / wall:.0f}/s) during {edits[0]} edits ({rescans} rescans by "
              f"the watcher): p50 {p50 * 1000:.1f} ms, p99 {p99 * 1000:.1f} ms, "
              f"max {latencies[-1] * 1000:.1f} ms")
        self.assertEqual(errors[:20], [])
        self.assertEqual(len(latencies), REQUESTS)
        self.assertTrue(self.daemon.running(), self.daemon.log())
        self.assertLess(p99, P99_LIMIT)
        self.assertGreater(rescans, 0, "the edits were not indexed while the clients ran")

        # The edits all arrived: after a recheck the index says what the files say.
        self.ok_result(self.call("recheck", {"paths": []}, timeout=30))
        titles = {n["path"]: n["title"] for n in self.ok_result(self.call("list"))["notes"]}
        on_disk = {}
        for i in range(NOTES):
            with open(self.vault_path(note_path(i)), encoding="utf-8") as f:
                on_disk[note_path(i)] = f.read().splitlines()[1][len("title: "):]
        self.assertEqual(titles, on_disk)


if __name__ == "__main__":
    main()
