"""A full, then a read-only state directory: freshd says so clearly, keeps answering
reads, and recovers by itself once space (or write access) returns.

The full disk is a small tmpfs mounted by the test; the read-only state is made with
chattr +i (root only, on a file system that supports it; the tests skip otherwise, saying
why)."""

import errno
import json
import os
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import reliability  # noqa: E402,F401  (puts the e2e harness on the path)
from daemon_harness import DaemonTestCase, local_now, note_text  # noqa: E402

FS_SIZE = "8m"


def mount_tmpfs(where, size):
    return subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size},mode=0700", "tmpfs",
                           where], capture_output=True, text=True)


def fill(folder):
    """Writes a file until the file system is full; returns its path."""
    path = os.path.join(folder, "filler")
    chunk = b"\0" * 65536
    with open(path, "wb") as f:
        try:
            while True:
                f.write(chunk)
                f.flush()
        except OSError as error:
            if error.errno != errno.ENOSPC:
                raise
    # Whatever the page cache still held is written (or refused) now.
    try:
        with open(path, "ab") as f:
            while True:
                f.write(b"\0" * 512)
                f.flush()
    except OSError as error:
        if error.errno != errno.ENOSPC:
            raise
    return path


def write_vault_and_config(test):
    """20 notes, and a config with the watcher on and the state in test.state."""
    test.today = local_now().date()
    for i in range(20):
        test.write_note(f"notes/n{i:03d}.md", note_text(f"Note {i}", test.today))
    lines = ["[vault]", f"path = {json.dumps(test.vault)}", 'timezone = "Europe/Berlin"',
             "", "[daemon]", f"state_dir = {json.dumps(test.state)}",
             f"socket = {json.dumps(test.socket_path)}", "watch = true", 'rescan = "1h"']
    with open(test.config, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


class FullDiskTest(DaemonTestCase):

    def setUp(self):
        super().setUp()
        if os.getuid() != 0:
            self.skipTest("needs root to mount a small tmpfs for the state directory")
        self.mount = os.path.join(self.tmp, "statefs")
        os.makedirs(self.mount)
        mounted = mount_tmpfs(self.mount, FS_SIZE)
        if mounted.returncode != 0:
            self.skipTest(f"cannot mount a tmpfs here: {mounted.stderr.strip()}")
        self.addCleanup(subprocess.run, ["umount", "-l", self.mount], capture_output=True)
        self.state = os.path.join(self.mount, "state")
        write_vault_and_config(self)

    def add_notes(self, start, count):
        # Long titles, so that the index needs far more room than the disk has left.
        for i in range(start, start + count):
            self.write_note(f"more/m{i:04d}.md", note_text("x" * 2000 + str(i), self.today))

    def indexed(self):
        return len(self.ctl_json("list", "--all")["notes"])

    def integrity(self):
        import sqlite3
        with sqlite3.connect(os.path.join(self.state, "index.sqlite")) as db:
            return db.execute("PRAGMA integrity_check").fetchall()

    def test_a_full_state_disk_is_reported_reads_go_on_and_freshd_recovers_by_itself(self):
        daemon = self.start_daemon()
        self.assertEqual(self.indexed(), 20)
        filler = fill(self.mount)
        self.add_notes(0, 400)

        run = self.ctl("recheck")
        self.assertEqual(run.code, 1, run.describe())
        self.assertIn("full", run.stderr.lower(), run.describe())
        print("recheck on a full disk said:", run.stderr.strip())
        # Reads keep working from what is indexed.
        self.assertTrue(daemon.running())
        status = self.ctl_json("status")
        self.assertGreaterEqual(status["notes"], 20)
        self.ok(self.ctl("show", "notes/n000.md"))
        self.wait_for(lambda: daemon.log_lines(r"scan failed: .*retrying in \d+ s"),
                      "the failed scan to be logged with its retry", daemon=daemon)

        os.remove(filler)
        # The retries back off (2 s, 4 s, 8 s, ...): the next one indexes everything.
        self.wait_for(lambda: self.indexed() == 420, "freshd to index the new notes by itself",
                      timeout=90, daemon=daemon)
        self.assertEqual(self.integrity(), [("ok",)])
        self.stop_daemon(daemon)



class ReadOnlyStateTest(DaemonTestCase):
    """The state files made immutable under the running daemon (chattr +i: even root's
    writes fail, on open descriptors too), then writable again."""

    STATE_FILES = ("", "index.sqlite", "index.sqlite-wal")

    def setUp(self):
        super().setUp()
        write_vault_and_config(self)

    def chattr(self, flag):
        for name in self.STATE_FILES:
            path = os.path.join(self.state, name) if name else self.state
            done = subprocess.run(["chattr", flag, path], capture_output=True, text=True)
            if done.returncode != 0:
                return done.stderr.strip() or f"chattr {flag} {path} failed"
        return None

    def indexed(self):
        return len(self.ctl_json("list", "--all")["notes"])

    def test_a_read_only_state_is_reported_reads_go_on_and_freshd_recovers_by_itself(self):
        if os.getuid() != 0:
            self.skipTest("needs root for chattr +i")
        daemon = self.start_daemon()
        refused = self.chattr("+i")
        if refused:
            self.chattr("-i")
            self.skipTest(f"the state's file system cannot make files immutable: {refused}")
        self.addCleanup(self.chattr, "-i")
        for i in range(5):
            self.write_note(f"more/m{i}.md", note_text(f"More {i}", self.today))
        run = self.ctl("recheck")
        self.assertEqual(run.code, 1, run.describe())
        self.assertIn("index.sqlite", run.stderr)
        print("recheck on a read-only state said:", run.stderr.strip())
        self.assertTrue(daemon.running())
        self.assertEqual(self.ctl_json("status")["notes"], 20)
        self.ok(self.ctl("show", "notes/n000.md"))

        self.assertIsNone(self.chattr("-i"))
        self.wait_for(lambda: self.indexed() == 25, "freshd to index the new notes by itself",
                      timeout=90, daemon=daemon)
        self.stop_daemon(daemon)


if __name__ == "__main__":
    reliability.main()
