"""`freshctl recheck` after changes to the vault: what counts as a change, a validation, a
rename, a deletion and a restoration, and what the timeline keeps."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import NOW, VaultTestCase  # noqa: E402

COUNTS = ("read", "unchanged", "added", "changed", "touched", "renamed", "deleted", "restored")


def counts(report):
    return {key: report[key] for key in COUNTS if key != "unchanged"}


def zero(**overrides):
    out = {key: 0 for key in COUNTS if key != "unchanged"}
    out.update(overrides)
    return out


def kinds(events, path=None):
    return [e["kind"] for e in events if path is None or e["path"] == path]


class RescanTest(VaultTestCase):

    def setUp(self):
        super().setUp()
        self.index()

    def test_a_rescan_of_an_unchanged_vault_reads_no_file(self):
        report = self.recheck()
        self.assertEqual(counts(report), zero())
        self.assertEqual(report["unchanged"], 34)
        self.assertEqual(report["events"], [])
        self.assertEqual(counts(self.recheck()), zero())

    def test_touching_the_mtime_only_is_not_a_content_change(self):
        path = "infra/runbooks/backup-restore.md"
        self.bump_mtime(path)
        report = self.recheck()
        self.assertEqual(counts(report), zero(read=1, touched=1))
        self.assertEqual(report["events"], [])
        self.assertNotIn("content_changed", kinds(self.timeline(path)))
        n = self.show(path)
        self.assertEqual((n["last_validated"], n["due"], n["status"]),
                         ("2026-09-01", "2026-11-30", "due"))
        self.assertEqual(counts(self.recheck()), zero())

    def test_editing_last_validated_records_a_validation_and_moves_the_due_day(self):
        path = "infra/oncall-handbook.md"
        text = self.read_note(path)
        self.assertIn(b"last_validated: 2026-07-01\n", text)
        self.write_note(path, text.replace(b"last_validated: 2026-07-01",
                                           b"last_validated: 2026-11-20"))
        self.bump_mtime(path)
        report = self.recheck()
        self.assertEqual(counts(report), zero(read=1, changed=1))
        self.assertEqual(sorted(kinds(report["events"], path)), ["content_changed", "validated"])
        self.assertEqual(sorted(kinds(report["events"])), ["content_changed", "validated"])
        validated = [e for e in report["events"] if e["kind"] == "validated"][0]
        self.assertIn("2026-11-20", validated["detail"])
        self.assertEqual(validated["at"], NOW)
        n = self.show(path)
        self.assertEqual((n["last_validated"], n["due"], n["status"], n["days_overdue"]),
                         ("2026-11-20", "2027-02-18", "fresh", 0))
        self.assertEqual(n["provenance"]["last_validated"]["line"], 4)
        timeline = kinds(self.timeline(path))
        self.assertEqual(timeline[:3], ["first_seen", "published", "validated"])
        self.assertEqual(timeline.count("validated"), 2)

    def test_editing_the_body_only_is_a_content_change_without_validation(self):
        path = "infra/oncall-handbook.md"
        self.write_note(path, self.read_note(path) + b"\n- Call the secondary after an hour.\n")
        self.bump_mtime(path)
        report = self.recheck()
        self.assertEqual(counts(report), zero(read=1, changed=1))
        self.assertEqual(kinds(report["events"]), ["content_changed"])
        n = self.show(path)
        self.assertEqual((n["last_validated"], n["due"], n["status"]),
                         ("2026-07-01", "2026-09-29", "stale"))

    def test_a_renamed_note_keeps_its_history(self):
        old, new = "ai/reading-list.md", "ai/reading/papers-to-read.md"
        os.makedirs(os.path.dirname(self.vault_path(new)))
        os.rename(self.vault_path(old), self.vault_path(new))
        report = self.recheck()
        self.assertEqual(counts(report), zero(read=1, renamed=1))
        self.assertEqual(kinds(report["events"]), ["renamed"])
        self.assertIn(old, report["events"][0]["detail"])
        self.assertIn(new, report["events"][0]["detail"])
        history = self.timeline(new)
        self.assertEqual(kinds(history)[0], "first_seen")
        self.assertEqual(history[0]["at"], NOW)
        self.assertEqual(kinds(history)[-1], "renamed")
        self.assertNotIn("deleted", kinds(history))
        live = self.notes_by_path()
        self.assertIn(new, live)
        self.assertNotIn(old, live)
        n = self.show(new)
        self.assertEqual((n["first_seen"], n["last_validated"], n["due"]),
                         (NOW, "2026-02-01", "2026-05-02"))

    def test_deleting_records_deleted_and_recreating_records_restored(self):
        path = "clips/how-raft-works.md"
        content = self.read_note(path)
        os.remove(self.vault_path(path))
        report = self.recheck()
        self.assertEqual(counts(report), zero(deleted=1))
        self.assertEqual(kinds(report["events"]), ["deleted"])
        self.assertEqual(report["events"][0]["path"], path)
        self.assertNotIn(path, self.notes_by_path())
        self.assertNotIn(path, self.notes_by_path("--undated"))

        self.write_note(path, content)
        report = self.recheck()
        self.assertEqual(counts(report), zero(read=1, restored=1))
        self.assertEqual(kinds(report["events"]), ["restored"])
        self.assertIn(path, self.notes_by_path())
        history = kinds(self.timeline(path))
        self.assertEqual(history[0], "first_seen")
        self.assertLess(history.index("deleted"), history.index("restored"))
        self.assertEqual(history.count("first_seen"), 1)

    def test_a_new_note_is_added_with_its_dates(self):
        path = "news/2026/ai-briefing-48.md"
        self.write_note(path, b"---\ntitle: AI briefing, week forty-eight\n"
                              b"date: 2026-11-22\ntags: [news, ai]\n---\n\nShort this week.\n")
        report = self.recheck()
        self.assertEqual(counts(report), zero(read=1, added=1))
        self.assertEqual(kinds(report["events"]), ["first_seen", "published"])
        n = self.show(path)
        self.assertEqual((n["status"], n["published"], n["due"], n["decay"], n["interval_days"]),
                         ("fresh", "2026-11-22", "2026-12-22", "fast", 30))

    def test_recheck_of_given_paths_reads_only_those(self):
        self.bump_mtime("home.md")
        self.bump_mtime("infra/runbooks/dns-cutover.md")
        report = self.recheck("home.md")
        self.assertEqual(counts(report), zero(read=1, touched=1))
        report = self.recheck()
        self.assertEqual(counts(report), zero(read=1, touched=1))


if __name__ == "__main__":
    unittest.main()
