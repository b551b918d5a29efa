"""A vault built to hurt: binary files, invalid UTF-8, a 200 MB file, a 10 MB front matter,
a YAML alias bomb, folders 200 deep, symbolic link loops and links out of the vault,
unreadable files and folders, special files, file names with newlines and invalid UTF-8,
and files changing while a scan reads them. freshd must index every good note, report
every bad thing by its path, read nothing outside the vault, stay within bounded memory,
and never crash or hang.

As root the daemon runs as `nobody` here, so that chmod 000 really makes things
unreadable to it; as another user it runs as that user."""

import datetime
import os
import random
import shutil
import signal
import stat
import tempfile
import threading
import time

from reliability import NOBODY, as_uid, can_switch_uid, main
from harness import CONFIG_TEMPLATE, Run, VaultTestCase
from daemon_harness import DaemonTestCase, local_now, note_text

MIB = 1024 * 1024
# AddressSanitizer's shadow memory and quarantine multiply RSS: the bound is for plain builds.
RSS_LIMIT_MIB = 200 if os.environ.get("FRESHD_SANITIZED") != "1" else 2000
RUN_TIMEOUT = 120.0
GOOD_NOTES = 30


def good_note(i):
    return (f"---\ntitle: Good {i}\ndate: 2025-{1 + i % 12:02d}-{1 + i % 28:02d}\n"
            f"decay_rate: slow\n---\n\nA good note.\n").encode()


def good_published(i):
    return f"2025-{1 + i % 12:02d}-{1 + i % 28:02d}"


def alias_bomb():
    """"Billion laughs" in YAML: nine levels of nine aliases, 9^9 'lol's once expanded."""
    lines = ["---", 'title: "Alias bomb"', "date: 2025-03-04", 'a0: &a0 ["lol"]']
    for level in range(1, 10):
        refs = ", ".join([f"*a{level - 1}"] * 9)
        lines.append(f"a{level}: &a{level} [{refs}]")
    lines += ["tags: *a9", "---", "", "Laughs."]
    return ("\n".join(lines) + "\n").encode()


class ChildRun(Run):
    """A binary run in a forked child (optionally as another uid), with its rusage."""

    def __init__(self, argv, code, stdout, stderr, rusage):
        self.argv = argv
        self.code = code
        self.stdout = stdout
        self.stderr = stderr
        self.rusage = rusage

    @property
    def max_rss_mib(self):
        return self.rusage.ru_maxrss / 1024  # Linux reports KiB


class HostileVaultTest(VaultTestCase):

    def setUp(self):
        super().setUp()
        shutil.rmtree(self.vault)
        os.makedirs(self.vault)
        # The 10 MB front matter is within this limit, so the front matter parser meets it.
        self.write_config(max_file_bytes=16 * MIB)
        self.uid = NOBODY if can_switch_uid() else None
        self.outside = os.path.join(self.tmp, "outside")
        os.makedirs(self.outside)
        with open(os.path.join(self.outside, "secret.md"), "wb") as f:
            f.write(b"---\ntitle: Secret outside\ndate: 2020-01-01\n---\n")
        self.binaries = {"freshd": self.freshd, "freshctl": self.freshctl}
        # Whatever was chmod-ed 000 must be removable at the end.
        self.addCleanup(self.unlock_all)

    def write_config(self, max_file_bytes):
        text = CONFIG_TEMPLATE.format(vault=self.vault, state=self.state,
                                      socket=os.path.join(self.tmp, "freshd.sock"))
        text = text.replace("[decay]", f"max_file_bytes = {max_file_bytes}\n\n[decay]", 1)
        with open(self.config, "w", encoding="utf-8") as f:
            f.write(text)

    def unlock_all(self):
        # fwalk: by descriptors, so paths longer than PATH_MAX are no obstacle.
        for _, dirs, files, dir_fd in os.fwalk(self.tmp):
            for name in dirs + files:
                if not stat.S_ISLNK(os.lstat(name, dir_fd=dir_fd).st_mode):
                    os.chmod(name, 0o700, dir_fd=dir_fd)

    # Running the binaries as the vault's user, with their resource usage.

    def hand_over_to_nobody(self):
        """Gives the temp tree to `nobody` and makes sure it can run the binaries."""
        os.chown(self.tmp, NOBODY, NOBODY)
        for _, dirs, files, dir_fd in os.fwalk(self.tmp):
            for name in dirs + files:
                os.chown(name, NOBODY, NOBODY, dir_fd=dir_fd, follow_symlinks=False)
        for name, path in self.binaries.items():
            if not as_uid(NOBODY, lambda p=path: os.access(p, os.X_OK)):
                copy = os.path.join(self.tmp, "bin", name)
                os.makedirs(os.path.dirname(copy), exist_ok=True)
                shutil.copy2(path, copy)
                os.chmod(copy, 0o755)
                self.binaries[name] = copy

    def run_child(self, name, *args, timeout=RUN_TIMEOUT):
        argv = [self.binaries[name], "--config", self.config] + list(args)
        out_path = tempfile.mktemp(dir=self.tmp, prefix="out-")
        err_path = tempfile.mktemp(dir=self.tmp, prefix="err-")
        pid = os.fork()
        if pid == 0:
            try:
                out = os.open(out_path, os.O_WRONLY | os.O_CREAT, 0o600)
                err = os.open(err_path, os.O_WRONLY | os.O_CREAT, 0o600)
                os.dup2(out, 1)
                os.dup2(err, 2)
                if self.uid is not None:
                    os.setgroups([])
                    os.setgid(self.uid)
                    os.setuid(self.uid)
                os.execve(argv[0], argv, self.env)
            finally:
                os._exit(127)
        deadline = time.monotonic() + timeout
        while True:
            done, status, rusage = os.wait4(pid, os.WNOHANG)
            if done:
                break
            if time.monotonic() > deadline:
                os.kill(pid, signal.SIGKILL)
                os.wait4(pid, 0)
                self.fail(f"{' '.join(argv)} did not finish within {timeout} s (hung?)")
            time.sleep(0.05)
        with open(out_path, encoding="utf-8", errors="replace") as f:
            stdout = f.read()
        with open(err_path, encoding="utf-8", errors="replace") as f:
            stderr = f.read()
        return ChildRun(argv, os.waitstatus_to_exitcode(status), stdout, stderr, rusage)

    def freshd_once(self):
        run = self.run_child("freshd", "--once")
        self.assertEqual(run.code, 0, run.describe())
        return run

    def listed(self):
        run = self.run_child("freshctl", "--json", "list", "--all")
        self.assertEqual(run.code, 0, run.describe())
        return {note["path"]: note for note in run.json()["notes"]}

    # Building the vault.

    def put(self, rel, data):
        path = self.vault_path(rel)
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as f:
            f.write(data)
        return path

    def build_hostile_vault(self):
        """Writes the vault; returns {path: part of its expected problem message} for the
        notes indexed with a problem, and the same for what the walk reports."""
        for i in range(GOOD_NOTES):
            self.put(f"good/note-{i:02d}.md", good_note(i))
        note_problems = {}
        walk_problems = {}

        self.put("bad/binary.md", bytes(range(256)) * 64)
        note_problems["bad/binary.md"] = "binary file, not a note"
        self.put("bad/latin1.md", "---\ntitle: Café\ndate: 2025-01-02\n---\n".encode("latin-1"))
        note_problems["bad/latin1.md"] = "invalid UTF-8"
        huge = self.put("bad/huge.md", b"")
        os.truncate(huge, 200 * MIB)  # sparse: costs no disk
        note_problems["bad/huge.md"] = "larger than vault.max_file_bytes"
        with open(self.put("bad/front-matter-10mb.md", b""), "wb") as f:
            f.write(b"---\ntitle: Big front matter\n")
            line = b"key%07d: " + b"v" * 80 + b"\n"
            for i in range(10 * MIB // len(line % 0)):
                f.write(line % i)
            f.write(b"---\n\nBody.\n")
        note_problems["bad/front-matter-10mb.md"] = "front matter is larger than 256 KiB"
        self.put("bad/alias-bomb.md", alias_bomb())
        self.put("bad/deep-yaml.md", b"---\nx: " + b"[" * 100_000 + b"]" * 100_000 + b"\n---\n")
        note_problems["bad/deep-yaml.md"] = "nested more than"
        self.put("bad/unclosed.md", b"---\ntitle: never closed\n" + b"x: y\n" * 1000)
        note_problems["bad/unclosed.md"] = "never closed"
        os.mkfifo(self.vault_path("bad/fifo.md"))
        walk_problems["bad/fifo.md"] = "not a regular file"

        # Folders 200 deep, once with short names, once with names that make the path about
        # three times as long as PATH_MAX.
        self.put("deep/" + "d/" * 200 + "bottom.md", good_note(1))
        long_name = "folder-with-a-long-name-" + "x" * 36
        fd = os.open(self.vault, os.O_RDONLY)
        for name in ["deeplong"] + [long_name] * 200:
            os.mkdir(name, dir_fd=fd)
            next_fd = os.open(name, os.O_RDONLY, dir_fd=fd)
            os.close(fd)
            fd = next_fd
        with open(os.open("bottom.md", os.O_WRONLY | os.O_CREAT, 0o644, dir_fd=fd), "wb") as f:
            f.write(good_note(2))
        os.close(fd)

        # Symbolic links: loops, and ways out of the vault.
        os.makedirs(self.vault_path("links"))
        os.symlink(".", self.vault_path("links/self"))
        os.symlink("b", self.vault_path("links/a"))
        os.symlink("a", self.vault_path("links/b"))
        os.symlink("loop.md", self.vault_path("links/loop.md"))
        os.symlink("/etc/passwd", self.vault_path("links/passwd.md"))
        os.symlink(os.path.join(self.outside, "secret.md"), self.vault_path("links/secret.md"))
        os.symlink(self.outside, self.vault_path("links/outside"))
        os.symlink("/", self.vault_path("links/root"))
        os.symlink("nowhere.md", self.vault_path("links/broken.md"))
        for rel in ("links/self", "links/passwd.md", "links/secret.md", "links/outside",
                    "links/root"):
            walk_problems[rel] = "symbolic link, not followed"
        for rel in ("links/a", "links/b", "links/loop.md"):
            walk_problems[rel] = "symbolic link loop"
        walk_problems["links/broken.md"] = "broken symbolic link"
        os.symlink("../good/note-00.md", self.vault_path("links/inside.md"))
        walk_problems["links/inside.md"] = "symbolic link, not followed"

        # Unreadable to the daemon's user.
        os.chmod(self.put("locked/file.md", good_note(3)), 0)
        note_problems["locked/file.md"] = "cannot read: Permission denied"
        self.put("locked/dir/hidden.md", good_note(4))
        os.chmod(self.vault_path("locked/dir"), 0)
        walk_problems["locked/dir"] = "cannot open folder: Permission denied"

        # Names that are hard to print: the notes themselves are good.
        self.put("names/new\nline.md", good_note(5))
        with open(os.path.join(os.fsencode(self.vault), b"names", b"bad-\xff\xfe.md"), "wb") as f:
            f.write(good_note(6))
        walk_problems["names/bad-\ufffd\ufffd.md"] = "file name is not valid UTF-8"
        return note_problems, walk_problems

    # The scenarios.

    def test_every_bad_thing_is_reported_and_every_good_note_indexed(self):
        note_problems, walk_problems = self.build_hostile_vault()
        if self.uid is not None:
            self.hand_over_to_nobody()
        started = time.monotonic()
        run = self.freshd_once()
        elapsed = time.monotonic() - started
        print(f"\nfreshd --once on the hostile vault: {elapsed:.1f} s, "
              f"peak RSS {run.max_rss_mib:.1f} MiB (limit {RSS_LIMIT_MIB} MiB)")
        self.assertLess(run.max_rss_mib, RSS_LIMIT_MIB)

        # What the walk could not look at is logged by its path.
        for rel, message in walk_problems.items():
            with self.subTest(walk_problem=rel):
                self.assertIn(f"freshd: warning: {rel}: {message}", run.stderr)

        notes = self.listed()
        for i in range(GOOD_NOTES):
            with self.subTest(good=i):
                note = notes[f"good/note-{i:02d}.md"]
                self.assertEqual((note["title"], note["published"], note["problems"]),
                                 (f"Good {i}", good_published(i), []))
        for rel, message in note_problems.items():
            with self.subTest(note_problem=rel):
                self.assertIn(rel, notes)
                messages = [p["message"] for p in notes[rel]["problems"]]
                self.assertTrue(any(message in m for m in messages), messages)
        # Deep folders are walked to the bottom, however long the path.
        deep = "deep/" + "d/" * 200 + "bottom.md"
        self.assertEqual(notes[deep]["title"], "Good 1")
        deeplong = [p for p in notes if p.startswith("deeplong/")]
        self.assertEqual(len(deeplong), 1, deeplong)
        self.assertEqual(deeplong[0].count("/"), 201)
        self.assertGreater(len(deeplong[0]), 2 * 4096)  # PATH_MAX: 4096
        self.assertEqual(notes[deeplong[0]]["title"], "Good 2")
        # The alias bomb is read without being expanded: its date, no tag explosion.
        bomb = notes["bad/alias-bomb.md"]
        self.assertEqual((bomb["title"], bomb["published"]), ("Alias bomb", "2025-03-04"))
        self.assertLessEqual(len(bomb["tags"]), 9)
        # Hard names are indexed; JSON shows bytes that are not UTF-8 as U+FFFD.
        self.assertEqual(notes["names/new\nline.md"]["title"], "Good 5")
        self.assertEqual(notes["names/bad-\ufffd\ufffd.md"]["title"], "Good 6")
        # Nothing else: no link, nothing behind a link, nothing from outside.
        expected = ({f"good/note-{i:02d}.md" for i in range(GOOD_NOTES)} | set(note_problems) |
                    {deep, deeplong[0], "bad/alias-bomb.md", "names/new\nline.md",
                     "names/bad-\ufffd\ufffd.md"})
        self.assertEqual(set(notes), expected)
        self.assertNotIn("Secret outside", {n["title"] for n in notes.values()})
        # show names the problem too, and says what to do.
        shown = self.run_child("freshctl", "show", "bad/huge.md")
        self.assertEqual(shown.code, 0, shown.describe())
        self.assertIn("bad/huge.md:0: file of 209715200 bytes is larger than "
                      "vault.max_file_bytes (16777216); not read — raise the limit or exclude it",
                      shown.stdout)

        # A second run reads nothing new and reports the same.
        again = self.freshd_once()
        self.assertIn("unchanged", again.stderr)
        self.assertEqual(set(self.listed()), expected)
        print(f"second run: peak RSS {again.max_rss_mib:.1f} MiB")

    def test_files_changing_during_scans_end_in_a_consistent_index(self):
        self.uid = None  # as the test's own user: nothing here is meant to be unreadable
        count = 2000
        for i in range(count):
            self.put(f"churn/n{i:04d}.md", f"---\ntitle: v0 {i}\n---\n".encode())
        self.write_config(max_file_bytes=8 * MIB)
        stop = threading.Event()
        actions = {"rewrite": 0, "delete": 0, "create": 0, "fifo": 0, "rename": 0, "grow": 0}
        rng = random.Random(7)

        def churn():
            version = 0
            while not stop.is_set():
                version += 1
                i = rng.randrange(count)
                path = self.vault_path(f"churn/n{i:04d}.md")
                action = rng.choice(list(actions))
                try:
                    if os.path.lexists(path) and not os.path.isfile(path):
                        os.unlink(path)
                    if action == "rewrite":
                        with open(path, "wb") as f:
                            f.write(f"---\ntitle: v{version} {i}\n---\n".encode())
                    elif action == "grow" and os.path.isfile(path):
                        with open(path, "ab") as f:
                            f.write(b"more text\n" * 1000)
                    elif action == "delete" and os.path.exists(path):
                        os.unlink(path)
                    elif action == "create":
                        tmp = path + ".tmp"
                        with open(tmp, "wb") as f:
                            f.write(f"---\ntitle: v{version} {i}\n---\n".encode())
                        os.rename(tmp, path)
                    elif action == "fifo":
                        if os.path.exists(path):
                            os.unlink(path)
                        os.mkfifo(path)
                    elif action == "rename" and os.path.exists(path):
                        j = rng.randrange(count)
                        os.rename(path, self.vault_path(f"churn/n{j:04d}.md"))
                    actions[action] += 1
                except FileNotFoundError:
                    pass

        worker = threading.Thread(target=churn)
        worker.start()
        try:
            runs = [self.freshd_once() for _ in range(4)]
        finally:
            stop.set()
            worker.join()
        print(f"\n4 scans during {sum(actions.values())} changes {actions}; peak RSS "
              f"{max(r.max_rss_mib for r in runs):.1f} MiB")
        # Settle: FIFOs become notes again, then one quiet scan.
        fifos = 0
        for name in os.listdir(self.vault_path("churn")):
            path = self.vault_path(f"churn/{name}")
            if stat.S_ISFIFO(os.lstat(path).st_mode):
                fifos += 1
                os.unlink(path)
                with open(path, "wb") as f:
                    f.write(f"---\ntitle: was a fifo {name}\n---\n".encode())
        self.freshd_once()
        notes = self.listed()
        on_disk = {}
        for name in os.listdir(self.vault_path("churn")):
            with open(self.vault_path(f"churn/{name}"), "rb") as f:
                first_lines = f.read(200).decode().splitlines()
            on_disk[f"churn/{name}"] = first_lines[1][len("title: "):]
        self.assertEqual({p: n["title"] for p, n in notes.items()}, on_disk)
        self.assertEqual([p for p, n in notes.items() if n["problems"]], [])


class HostileVaultDaemonTest(DaemonTestCase):
    """The same dangers met by the running daemon and its watcher."""

    def test_a_due_note_whose_name_is_not_utf8_is_reminded_without_a_crash(self):
        long_ago = local_now().date() - datetime.timedelta(days=400)
        with open(os.path.join(os.fsencode(self.vault), b"caf\xe9.md"), "wb") as f:
            f.write(note_text("Latin-1 name", long_ago))
        self.write_note("plain.md", note_text("Plain", long_ago))
        daemon = self.start_daemon()
        self.wait_for(lambda: len(daemon.log_lines(r"reminder: .* is stale")) >= 2,
                      "both stale notes reminded", daemon=daemon)
        self.assertTrue(daemon.running(), daemon.log())
        self.assertEqual(len(daemon.log_lines(r"caf.\.md: file name is not valid UTF-8")), 1,
                         daemon.log())
        listed = {n["path"]: n["status"] for n in self.ctl_json("list")["notes"]}
        self.assertEqual(listed, {"caf\ufffd.md": "stale", "plain.md": "stale"})

    def test_a_link_created_beside_an_edit_does_not_hold_the_edit_back(self):
        today = local_now().date()
        self.write_note("note.md", note_text("Before", today))
        outside = os.path.join(self.tmp, "outside.md")
        with open(outside, "wb") as f:
            f.write(note_text("Outside", today))
        daemon = self.start_daemon()
        # One debounce batch for the watcher: a link out of the vault and a real edit.
        os.symlink(outside, self.vault_path("link.md"))
        self.write_note("note.md", note_text("After", today))
        self.wait_for(lambda: self.show("note.md")["title"] == "After", "the edit indexed",
                      daemon=daemon)
        self.wait_for(lambda: daemon.log_lines(r"link\.md: symbolic link, not followed"),
                      "the link reported", daemon=daemon)
        self.assertEqual(sorted(n["path"] for n in self.ctl_json("list")["notes"]),
                         ["note.md"])
        self.assertEqual(daemon.log_lines("scan failed"), [])


if __name__ == "__main__":
    main()
