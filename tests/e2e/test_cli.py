"""freshctl's command-line manners: documented exit codes, colour only on a terminal and
never with NO_COLOR, a progress bar for recheck only on a terminal, --help and --version."""

import os
import pty
import re
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import VaultTestCase  # noqa: E402

SGR = re.compile(rb"\x1b\[[0-9;]*m")
STALE_RED = b"\x1b[31mstale"


def run_on_terminal(argv, env, timeout=60):
    """Runs argv with stdout and stderr on a pseudo-terminal; returns (exit code, bytes)."""
    master, slave = pty.openpty()
    process = subprocess.Popen(argv, stdin=subprocess.DEVNULL, stdout=slave, stderr=slave,
                               env=env, close_fds=True)
    os.close(slave)
    chunks = []
    while True:
        try:
            chunk = os.read(master, 65536)
        except OSError:  # EIO: every writer closed the terminal
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(master)
    return process.wait(timeout=timeout), b"".join(chunks)


class CliTest(VaultTestCase):

    def setUp(self):
        super().setUp()
        self.env.pop("NO_COLOR", None)
        self.env["TERM"] = "xterm"

    def terminal(self, *args, env=None):
        return run_on_terminal([self.freshctl, "--config", self.config] + list(args),
                               env or self.env)

    def test_exit_codes_are_the_documented_ones(self):
        self.index()
        cases = [
            (["list"], 0),
            (["list", "--no-such-option"], 2),   # usage error
            (["snooze"], 2),                     # missing argument
            (["frobnicate"], 2),                 # unknown command
            (["show", "no/such.md"], 4),         # not found
            (["reload"], 3),                     # no daemon to reach
        ]
        for args, code in cases:
            with self.subTest(args=args):
                run = self.ctl(*args)
                self.assertEqual(run.code, code, run.describe())
                if code != 0:
                    self.assertTrue(run.stderr.startswith("freshctl: "), run.describe())
                    self.assertEqual(run.stdout, "")
        broken = os.path.join(self.tmp, "broken.toml")
        with open(broken, "w", encoding="utf-8") as f:
            f.write("[vault]\npath = 3\n")
        run = self.run_binary(self.freshctl, ["--config", broken, "list"])
        self.assertEqual(run.code, 1, run.describe())  # failure, naming file, line and key
        self.assertIn(broken + ":2: vault.path", run.stderr)

    def test_help_and_version_on_every_command(self):
        for args in (["--help"], ["list", "--help"], ["validate", "--help"],
                     ["snooze", "--help"], ["report", "--help"], ["recheck", "--help"]):
            with self.subTest(args=args):
                run = self.run_binary(self.freshctl, args)
                self.assertEqual(run.code, 0, run.describe())
                self.assertIn("usage", run.stdout.lower())
        for binary in (self.freshctl, self.freshd):
            run = self.run_binary(binary, ["--version"])
            self.assertEqual(run.code, 0, run.describe())
            self.assertRegex(run.stdout, r"^fresh(d|ctl) \d+\.\d+\.\d+")

    def test_a_terminal_gets_colour_and_an_aligned_table(self):
        self.index()
        code, out = self.terminal("list", "--stale")
        self.assertEqual(code, 0, out)
        self.assertIn(STALE_RED, out)
        # Without the colour sequences, the columns line up exactly as in a pipe.
        plain = self.ok(self.ctl("list", "--stale")).stdout.encode()
        lines = SGR.sub(b"", out).replace(b"\r\n", b"\n").splitlines(keepends=True)
        self.assertEqual(b"".join(l for l in lines if not l.startswith(b"freshctl: ")), plain)

    def test_no_colour_in_a_pipe_with_no_color_or_on_a_dumb_terminal(self):
        self.index()
        self.assertNotIn(b"\x1b[", self.ok(self.ctl("list", "--stale")).stdout.encode())
        for var, value in (("NO_COLOR", "1"), ("TERM", "dumb")):
            with self.subTest(var=var):
                env = dict(self.env)
                env[var] = value
                code, out = self.terminal("list", "--stale", env=env)
                self.assertEqual(code, 0, out)
                self.assertIn(b"stale", out)
                self.assertNotIn(b"\x1b[", out)

    def test_json_output_never_has_colour(self):
        self.index()
        code, out = self.terminal("--json", "list", "--stale")
        self.assertEqual(code, 0, out)
        self.assertNotIn(b"\x1b[", out)

    def test_recheck_draws_a_progress_bar_on_a_terminal_only(self):
        code, out = self.terminal("recheck")
        self.assertEqual(code, 0, out)
        self.assertIn(b"[" + b"#" * 30 + b"]  34/34 notes read", out)
        self.assertIn(b"\r\x1b[K", out)  # the bar is cleared before the result is printed
        self.assertIn(b"Scanned 34 notes", out)
        # On a dumb terminal: the result, no bar.
        env = dict(self.env)
        env["TERM"] = "dumb"
        code, out = self.terminal("recheck", env=env)
        self.assertEqual(code, 0, out)
        self.assertNotIn(b"notes read", out)
        self.assertNotIn(b"\x1b", out)
        # In a pipe: no bar, no control sequences on stderr.
        run = self.ok(self.ctl("recheck"))
        self.assertNotIn("notes read", run.stderr)
        self.assertNotIn("\x1b", run.stderr)


if __name__ == "__main__":
    unittest.main()
