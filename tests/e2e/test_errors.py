"""Exit codes and messages for bad configuration and bad command lines."""

import os
import re
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import VaultTestCase  # noqa: E402


class ErrorTest(VaultTestCase):

    def write_config(self, text):
        with open(self.config, "w", encoding="utf-8") as f:
            f.write(text)

    def assert_names_line(self, run, line):
        """stderr names the config file (full path or its name) and the line."""
        pattern = re.escape(os.path.basename(self.config)) + r":" + str(line) + r"\b"
        self.assertRegex(run.stderr, pattern, run.describe())

    def bad_key_config(self):
        # Line 3 holds a misspelt key: unknown keys are errors, not silently ignored.
        self.write_config(f'[vault]\npath = "{self.vault}"\ntimezon = "Europe/Berlin"\n'
                          f'\n[daemon]\nstate_dir = "{self.state}"\n')

    def test_freshd_names_file_and_line_of_an_unknown_config_key(self):
        self.bad_key_config()
        run = self.freshd_run("--once")
        self.assertEqual(run.code, 1, run.describe())
        self.assert_names_line(run, 3)
        self.assertIn("timezon", run.stderr)
        self.assertFalse(os.path.exists(self.state), "no index is written with a bad config")

    def test_freshctl_names_file_and_line_of_an_unknown_config_key(self):
        self.bad_key_config()
        run = self.ctl("--json", "list")
        self.assertEqual(run.code, 1, run.describe())
        self.assert_names_line(run, 3)

    def test_a_bad_value_names_its_line(self):
        self.write_config(f'[vault]\npath = "{self.vault}"\ntimezone = "Europe/Berlin"\n\n'
                          f'[decay]\ndefault = "quick"\n\n[daemon]\nstate_dir = "{self.state}"\n')
        run = self.freshd_run("--once")
        self.assertEqual(run.code, 1, run.describe())
        self.assert_names_line(run, 6)
        self.assertIn("quick", run.stderr)

    def test_a_toml_syntax_error_names_its_line(self):
        self.write_config(f'[vault]\npath = "{self.vault}"\ntimezone = "Europe/Berlin\n')
        run = self.freshd_run("--once")
        self.assertEqual(run.code, 1, run.describe())
        self.assert_names_line(run, 3)

    def test_a_missing_config_file_is_named(self):
        os.remove(self.config)
        run = self.freshd_run("--once")
        self.assertEqual(run.code, 1, run.describe())
        self.assertIn(self.config, run.stderr)

    def test_a_bad_duration_is_a_usage_error(self):
        self.index()
        run = self.ctl("--json", "list", "--due-within", "3x")
        self.assertEqual(run.code, 2, run.describe())
        self.assertIn("3x", run.stderr)
        self.assertEqual(run.stdout, "")

    def test_a_bad_since_duration_is_a_usage_error(self):
        self.index()
        run = self.ctl("timeline", "--since", "last week")
        self.assertEqual(run.code, 2, run.describe())
        self.assertIn("last week", run.stderr)

    def test_an_unknown_flag_is_a_usage_error(self):
        self.index()
        for args in (["list", "--stael"], ["--frobnicate", "status"], ["show"],
                     ["no-such-command"]):
            with self.subTest(args=args):
                run = self.ctl(*args)
                self.assertEqual(run.code, 2, run.describe())
                self.assertNotEqual(run.stderr.strip(), "")

    def test_freshd_rejects_an_unknown_flag(self):
        run = self.freshd_run("--onse")
        self.assertEqual(run.code, 2, run.describe())
        self.assertIn("--onse", run.stderr)

    def test_an_unknown_note_is_not_found(self):
        self.index()
        run = self.ctl("show", "ai/no-such-paper.md")
        self.assertEqual(run.code, 4, run.describe())
        self.assertIn("ai/no-such-paper.md", run.stderr)


if __name__ == "__main__":
    unittest.main()
