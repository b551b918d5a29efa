"""Owners through the real binaries: a note's own owner field, [[owners.rules]] by folder
and by tag, and [owners] default; `list --owner`, `show`'s provenance, the report's
grouping by owner."""

import json
import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import VaultTestCase, normalized_provenance, prov  # noqa: E402

OWNERS = """
[owners]
default = "docs-team"

[[owners.rules]]
path = "infra/**"
owner = "ops-team"

[[owners.rules]]
tag = "recipe"
owner = "chef"
"""


class OwnersTest(VaultTestCase):

    def setUp(self):
        super().setUp()
        with open(self.config, "a", encoding="utf-8") as f:
            f.write(OWNERS)
        self.write_note("infra/unowned.md",
                        b"---\ntitle: Unowned runbook\ndate: 2026-10-01\n---\nSteps.\n")
        self.write_note("cooking/bread.md",
                        b"---\ndate: 2026-10-01\ntags: [Recipe/bread]\n---\nFlour.\n")
        self.index()
        self.notes = self.notes_by_path("--all")

    def test_the_note_field_wins_then_the_first_rule_then_the_default(self):
        self.assertEqual(self.notes["infra/oncall-handbook.md"]["owner"], "dmitri")
        self.assertEqual(self.notes["infra/unowned.md"]["owner"], "ops-team")
        self.assertEqual(self.notes["cooking/bread.md"]["owner"], "chef")
        self.assertEqual(self.notes["ai/reading-list.md"]["owner"], "docs-team")
        self.assertEqual(self.notes["infra/oncall-handbook.md"]["provenance"]["owner"]["source"],
                         "yaml_front_matter")
        self.assertEqual(normalized_provenance(self.notes["infra/unowned.md"]["provenance"]["owner"]),
                         prov("config_rule", "owners.rules[0]", 0, "ops-team"))
        self.assertEqual(normalized_provenance(self.notes["cooking/bread.md"]["provenance"]["owner"]),
                         prov("config_rule", "owners.rules[1]", 0, "chef"))
        self.assertEqual(normalized_provenance(self.notes["ai/reading-list.md"]["provenance"]["owner"]),
                         prov("config_default", "owners.default", 0, "docs-team"))
        # Every note has an owner once a default is set.
        self.assertEqual([p for p, n in self.notes.items() if n["owner"] is None], [])

    def test_list_owner_filters_by_the_resolved_owner(self):
        ops = self.ctl_json("list", "--all", "--owner", "ops-team")["notes"]
        self.assertEqual([n["path"] for n in ops], ["infra/unowned.md"])
        team = {n["path"] for n in self.ctl_json("list", "--all", "--owner", "docs-team")["notes"]}
        expected = {p for p, n in self.notes.items() if n["owner"] == "docs-team"}
        self.assertEqual(team, expected)
        self.assertIn("ai/reading-list.md", team)
        self.assertEqual(self.ctl_json("list", "--all", "--owner", "nobody")["notes"], [])

    def test_show_says_where_the_owner_came_from(self):
        text = self.ok(self.ctl("show", "infra/unowned.md")).stdout
        owner_line = [line for line in text.splitlines() if line.startswith("owner")]
        self.assertEqual(len(owner_line), 1, text)
        self.assertIn("ops-team", owner_line[0])
        self.assertIn("config_rule owners.rules[0]", owner_line[0])

    def test_the_report_groups_by_the_resolved_owner(self):
        report = json.loads(self.ok(self.ctl("report", "--format", "json", "--out", "-")).stdout)
        groups = {g["name"]: g for g in report["by_owner"]}
        self.assertIn("ops-team", groups, report["by_owner"])
        self.assertIn("docs-team", groups)
        self.assertIn("dmitri", groups)
        self.assertNotIn("(none)", groups)
        self.assertEqual(groups["ops-team"]["total"], 1)
        self.assertEqual(groups["chef"]["total"], 1)
        expected = sum(1 for n in self.notes.values() if n["owner"] == "docs-team")
        self.assertEqual(groups["docs-team"]["total"], expected)

    def test_a_bad_owner_rule_is_refused_naming_the_file_line_and_key(self):
        with open(self.config, "a", encoding="utf-8") as f:
            f.write("\n[[owners.rules]]\npath = \"x/**\"\n")
        run = self.ctl("list")
        self.assertEqual(run.code, 1, run.describe())
        self.assertIn(self.config + ":", run.stderr)
        self.assertIn("owners.rules[2]: a rule needs an owner", run.stderr)


if __name__ == "__main__":
    unittest.main()
