"""`freshctl validate` through the real binaries: the write-back into the note (only the
last_validated line changes, atomically, mode kept), the refusal when the note changed
since freshd read it, a crash between the temporary file and the rename, --dry-run, and
validate.write_note = false. The byte-exact rewriting of every note format is covered by
the golden files of tests/model/validation_writer_test.cpp; here the whole path runs."""

import os
import shutil
import signal
import stat
import subprocess
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import VaultTestCase  # noqa: E402

YAML_NOTE = "infra/oncall-handbook.md"  # last_validated: 2026-07-01, default decay 90d
TODAY = "2026-11-23"  # NOW in Europe/Berlin


def temp_files(folder):
    return [name for name in os.listdir(folder) if ".freshd-tmp-" in name]


class ValidateTest(VaultTestCase):

    def setUp(self):
        super().setUp()
        self.index()
        # The note's own last_validated field is one "validated" event already.
        self.validations_at_start = self.validations(YAML_NOTE)

    def validations(self, path):
        return [e for e in self.timeline(path) if e["kind"] == "validated"]

    def assert_no_new_validation(self, path):
        self.assertEqual(self.validations(path), self.validations_at_start)

    def test_validate_rewrites_only_the_last_validated_line_and_keeps_the_mode(self):
        before = self.read_note(YAML_NOTE)
        os.chmod(self.vault_path(YAML_NOTE), 0o640)
        reply = self.ctl_json("validate", YAML_NOTE, "--outcome", "unchanged")
        self.assertEqual(reply["validated"][0]["path"], YAML_NOTE)
        self.assertEqual(reply["validated"][0]["on"], TODAY)
        self.assertEqual(reply["validated"][0]["outcome"], "unchanged")
        after = self.read_note(YAML_NOTE)
        self.assertEqual(after, before.replace(b"last_validated: 2026-07-01",
                                               b"last_validated: " + TODAY.encode()))
        self.assertEqual(stat.S_IMODE(os.stat(self.vault_path(YAML_NOTE)).st_mode), 0o640)
        self.assertEqual(temp_files(os.path.dirname(self.vault_path(YAML_NOTE))), [])
        note = self.show(YAML_NOTE)
        self.assertEqual(note["last_validated"], TODAY)
        self.assertEqual(note["status"], "fresh")
        # unchanged lengthens the class interval (90d) by the default factor.
        self.assertGreater(note["interval_days"], 90)
        self.assertEqual(len(self.validations(YAML_NOTE)), len(self.validations_at_start) + 1)
        # The rescan that follows sees freshd's own write: the note reads as touched at
        # most, with no second validation and no content change from the user.
        report = self.recheck()
        self.assertEqual(report["changed"], 0, report)
        kinds = [e["kind"] for e in self.timeline(YAML_NOTE)]
        self.assertEqual(len(self.validations(YAML_NOTE)), len(self.validations_at_start) + 1)
        self.assertNotIn("content_changed", kinds)

    def test_a_note_without_front_matter_gets_a_minimal_one(self):
        path = "plain.md"
        self.write_note(path, b"# Plain\r\n\r\nNo dates at all.\r\n")
        self.recheck()
        self.ok(self.ctl("validate", path, "--on", "2026-11-20"))
        self.assertEqual(self.read_note(path),
                         b"---\r\nlast_validated: 2026-11-20\r\n---\r\n# Plain\r\n\r\n"
                         b"No dates at all.\r\n")

    def test_validate_is_refused_when_the_note_changed_since_freshd_read_it(self):
        edited = self.read_note(YAML_NOTE) + b"\nA line the user just wrote.\n"
        self.write_note(YAML_NOTE, edited)
        run = self.ctl("validate", YAML_NOTE)
        self.assertEqual(run.code, 1, run.describe())
        self.assertIn(YAML_NOTE + " changed since freshd last read it; nothing was written",
                      run.stderr)
        self.assertIn("freshctl recheck", run.stderr)
        self.assertEqual(self.read_note(YAML_NOTE), edited)
        self.assert_no_new_validation(YAML_NOTE)
        # After a recheck the same command goes through.
        self.recheck()
        self.ok(self.ctl("validate", YAML_NOTE))
        self.assertIn(b"last_validated: " + TODAY.encode(), self.read_note(YAML_NOTE))

    @unittest.skipUnless(shutil.which("strace"), "strace is not installed")
    def test_a_crash_between_the_temporary_file_and_the_rename_leaves_the_note_intact(self):
        before = self.read_note(YAML_NOTE)
        # strace kills freshctl with SIGKILL at its rename(2), after the temporary file was
        # written and synced: the moment a crash would hurt most.
        argv = ["strace", "-f", "-o", os.devnull, "-e", "trace=rename,renameat,renameat2",
                "-e", "inject=rename,renameat,renameat2:signal=SIGKILL",
                self.freshctl, "--config", self.config, "validate", YAML_NOTE]
        completed = subprocess.run(argv, capture_output=True, text=True, timeout=60,
                                   env=self.env)
        # Killed at the rename, after the temporary file was written: not an strace failure
        # that never ran freshctl.
        self.assertEqual(completed.returncode, -signal.SIGKILL, completed.stderr)
        folder = os.path.dirname(self.vault_path(YAML_NOTE))
        self.assertEqual(len(temp_files(folder)), 1, os.listdir(folder))
        self.assertEqual(self.read_note(YAML_NOTE), before)
        # The note still reads as before; nothing was recorded.
        self.assertEqual(self.show(YAML_NOTE)["last_validated"], "2026-07-01")
        self.assert_no_new_validation(YAML_NOTE)
        # The next validate works; the leftover temporary file is not a note.
        self.ok(self.ctl("validate", YAML_NOTE))
        self.assertIn(b"last_validated: " + TODAY.encode(), self.read_note(YAML_NOTE))
        names = {n["path"] for n in self.ctl_json("list", "--all")["notes"]}
        self.assertFalse([n for n in names if ".freshd-tmp-" in n], names)

    def test_a_folder_swapped_for_a_link_out_of_the_vault_is_not_written_through(self):
        outside = os.path.join(self.tmp, "outside")
        shutil.move(os.path.dirname(self.vault_path(YAML_NOTE)), outside)
        os.symlink(outside, os.path.dirname(self.vault_path(YAML_NOTE)))
        before = self.read_note(YAML_NOTE)  # through the link: the same bytes
        run = self.ctl("validate", YAML_NOTE)
        self.assertEqual(run.code, 1, run.describe())
        self.assertIn("symbolic link", run.stderr)
        self.assertEqual(self.read_note(YAML_NOTE), before)
        self.assert_no_new_validation(YAML_NOTE)

    def test_dry_run_states_each_outcome_and_writes_nothing(self):
        before = self.read_note(YAML_NOTE)
        reply = self.ctl_json("validate", YAML_NOTE, "--dry-run")
        (plan,) = reply["dry_run"]
        self.assertEqual(plan["path"], YAML_NOTE)
        self.assertEqual(plan["on"], TODAY)
        dues = {o: plan["next"][o]["due"] for o in ("unchanged", "updated", "no_outcome")}
        self.assertEqual(dues["no_outcome"], "2027-02-21")  # 90 days after today
        self.assertGreater(dues["unchanged"], dues["no_outcome"])
        self.assertLess(dues["updated"], dues["no_outcome"])
        for outcome in ("unchanged", "updated", "no_outcome"):
            self.assertTrue(plan["next"][outcome]["explain"], plan)
        self.assertEqual(self.read_note(YAML_NOTE), before)
        self.assert_no_new_validation(YAML_NOTE)
        text = self.ok(self.ctl("validate", YAML_NOTE, "--dry-run")).stdout
        self.assertIn("nothing written", text)
        self.assertIn("next due 2027-02-21", text)

    def test_with_write_note_false_the_note_is_untouched_and_the_store_records_it(self):
        with open(self.config, "a", encoding="utf-8") as f:
            f.write("\n[validate]\nwrite_note = false\n")
        before = self.read_note(YAML_NOTE)
        reply = self.ctl_json("validate", YAML_NOTE)
        self.assertIsNone(reply["validated"][0]["written"])
        self.assertEqual(self.read_note(YAML_NOTE), before)
        self.assertEqual(self.show(YAML_NOTE)["last_validated"], TODAY)

    def test_a_validation_in_the_future_or_of_an_unknown_note_is_refused(self):
        run = self.ctl("validate", YAML_NOTE, "--on", "2026-12-01")
        self.assertEqual(run.code, 2, run.describe())
        self.assertIn("in the future", run.stderr)
        run = self.ctl("validate", "no/such-note.md")
        self.assertEqual(run.code, 4, run.describe())
        self.assertIn("no/such-note.md", run.stderr)


if __name__ == "__main__":
    unittest.main()
