"""`freshctl show` and `freshctl timeline` on a freshly indexed copy of examples/vault."""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import NOW, VaultTestCase, normalized_provenance, prov  # noqa: E402


class ShowTest(VaultTestCase):

    def setUp(self):
        super().setUp()
        self.index()

    def test_show_carries_first_seen_and_the_edit_date_that_is_not_a_validation(self):
        n = self.show("_posts/2024-05-01-launch.md")
        self.assertEqual(n["path"], "_posts/2024-05-01-launch.md")
        self.assertEqual(n["first_seen"], NOW)
        self.assertEqual(n["edited"]["value"], "2025-01-10")
        self.assertEqual(normalized_provenance(n["edited"]["provenance"]),
                         prov("toml_front_matter", "lastmod", 4, "2025-01-10"))
        self.assertIsNone(n["last_validated"])
        self.assertEqual(n["status"], "stale")

    def test_show_without_an_edit_date_has_null_edited(self):
        n = self.show("home.md")
        self.assertIsNone(n["edited"])
        self.assertEqual(n["first_seen"], NOW)

    def test_show_reports_broken_front_matter_with_its_line(self):
        n = self.show("meetings/2026/retro-october-deploy.md")
        self.assertEqual(n["status"], "undated")
        self.assertEqual([(p["line"], p["key"]) for p in n["problems"]], [(4, "")])
        self.assertIn("front matter", n["problems"][0]["message"].lower())

    def test_show_reports_a_weekday_that_contradicts_the_date(self):
        n = self.show("meetings/2026/q3-planning.md")
        self.assertEqual(n["status"], "undated")
        self.assertEqual([(p["line"], p["key"]) for p in n["problems"]], [(3, "date")])

    def test_show_reports_an_unknown_decay_class_naming_the_known_ones(self):
        n = self.show("ai/agents/tool-use-notes.md")
        self.assertEqual([(p["line"], p["key"]) for p in n["problems"]], [(4, "decay_rate")])
        message = n["problems"][0]["message"]
        for word in ("sloww", "fast", "medium", "slow", "evergreen"):
            self.assertIn(word, message)

    def test_show_of_a_crlf_note_keeps_no_carriage_return(self):
        n = self.show("infra/runbooks/dns-cutover.md")
        self.assertEqual(n["title"], "DNS cutover checklist")
        self.assertEqual(n["owner"], "dmitri")
        self.assertEqual(n["provenance"]["last_validated"]["raw"], "2026-10-23")

    def test_show_of_a_note_with_a_byte_order_mark_reads_its_front_matter(self):
        n = self.show("cooking/recipes/shakshuka.md")
        self.assertEqual((n["title"], n["published"], n["last_validated"], n["problems"]),
                         ("Shakshuka for a crowd", "2025-03-08", "2026-10-04", []))

    def test_show_of_an_unknown_note_exits_4_naming_it(self):
        run = self.ctl("--json", "show", "no/such-note.md")
        self.assertEqual(run.code, 4, run.describe())
        self.assertIn("no/such-note.md", run.stderr)

    def test_show_of_the_attachment_exits_4(self):
        run = self.ctl("show", "attachments/raft-diagram.png")
        self.assertEqual(run.code, 4, run.describe())
        self.assertIn("attachments/raft-diagram.png", run.stderr)


class TimelineTest(VaultTestCase):

    def setUp(self):
        super().setUp()
        self.index()

    def test_a_new_note_records_first_seen_published_and_validated(self):
        events = self.timeline("ai/papers/2025/scaling-laws-revisited.md")
        kinds = [e["kind"] for e in events]
        self.assertEqual(kinds[:3], ["first_seen", "published", "validated"])
        self.assertEqual(events[0]["at"], NOW)
        for e in events:
            self.assertEqual(e["path"], "ai/papers/2025/scaling-laws-revisited.md")
        self.assertIn("2026-04-06", events[2]["detail"])
        ids = [e["id"] for e in events]
        self.assertEqual(ids, sorted(ids))

    def test_an_undated_note_records_no_published_event(self):
        kinds = [e["kind"] for e in self.timeline("clips/how-raft-works.md")]
        self.assertEqual(kinds[0], "first_seen")
        self.assertNotIn("published", kinds)
        self.assertNotIn("validated", kinds)

    def test_the_vault_timeline_holds_one_first_seen_per_note(self):
        events = self.timeline("--since", "30d")
        first_seen = sorted(e["path"] for e in events if e["kind"] == "first_seen")
        self.assertEqual(len(first_seen), 34)
        self.assertEqual(len(set(first_seen)), 34)
        self.assertNotIn("attachments/raft-diagram.png", first_seen)

    def test_timeline_of_an_unknown_note_exits_4(self):
        run = self.ctl("--json", "timeline", "no/such-note.md")
        self.assertEqual(run.code, 4, run.describe())
        self.assertIn("no/such-note.md", run.stderr)


if __name__ == "__main__":
    unittest.main()
