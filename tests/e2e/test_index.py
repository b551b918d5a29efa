"""Indexing examples/vault once: every note's status, dates, decay and provenance, exactly.

Expected values are worked out by hand from the notes (see examples/README.md). Today is
Monday 2026-11-23, 13:00 in Berlin (FRESHD_NOW=2026-11-23T12:00:00Z); the reminder lead is
7 days. freshness = 0.5 ^ (age / interval_days), the age counted in local days from the
anchor (a day-only anchor starts at local midnight, so day anchors are 13/24 of a day older
than their whole number of days).
"""

import os
import sys
import unittest

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from harness import NOW, VaultTestCase, normalized_provenance, prov  # noqa: E402

DEFAULT = prov("config_default", "decay.default", 0, "medium")
NEWS_RULE = prov("config_rule", "decay.rules[0]", 0, "fast")
RUNBOOK_RULE = prov("config_rule", "decay.rules[1]", 0, "runbook")
MATH_RULE = prov("config_rule", "decay.rules[2]", 0, "evergreen")
MEETING_RULE = prov("config_rule", "decay.rules[3]", 0, "never")

# path: (status, due, interval_days, days_overdue, freshness)
# Undated notes are anchored on their first sighting (now): due 2026-11-23 + 90d.
ALL_NOTES = {
    "_posts/2024-05-01-launch.md": ("stale", "2025-05-01", 365, 571, 0.169),
    "_drafts/next-release.md": ("undated", "2027-02-21", 90, 0, 1.0),
    "_posts/2025-11-20-year-in-review.md": ("stale", "2026-02-18", 90, 278, 0.0585),
    "ai/agents/tool-use-notes.md": ("fresh", "2026-12-30", 90, 0, 0.6621),
    "ai/benchmarks/long-context-evals.md": ("stale", "2026-06-08", 90, 168, 0.1365),
    "ai/forecasts/agi-timelines.md": ("undated", "2027-02-21", 90, 0, 1.0),
    "ai/papers/2025/adam-convergence-proof.md": ("stale", "2025-06-17", 90, 524, 0.0088),
    "ai/papers/2025/scaling-laws-revisited.md": ("stale", "2026-05-06", 30, 201, 0.0047),
    "ai/papers/2026/moe-routing.md": ("fresh", "2027-01-15", 184, 0, 0.6092),
    "ai/papers/2026/sparse-attention-survey.md": ("undated", "2027-02-21", 90, 0, 1.0),
    "ai/reading-list.md": ("stale", "2026-05-02", 90, 205, 0.1027),
    "clips/how-raft-works.md": ("undated", "2027-02-21", 90, 0, 1.0),
    "clips/postgres-vacuum-explained.md": ("undated", "2027-02-21", 90, 0, 1.0),
    "cooking/recipes/shakshuka.md": ("fresh", "2027-01-02", 90, 0, 0.6776),
    "cooking/sourdough-hydration.txt": ("fresh", "2026-12-01", 365, 0, 0.5071),
    "daily/2026-04-18.md": ("stale", "2026-07-17", 90, 129, 0.1844),
    "daily/2026-11-20.md": ("fresh", "2027-02-18", 90, 0, 0.9731),
    "home.md": ("fresh", "2027-11-20", 365, 0, 0.9933),
    "infra/oncall-handbook.md": ("stale", "2026-09-29", 90, 55, 0.326),
    "infra/runbooks/backup-restore.md": ("due", "2026-11-30", 90, 0, 0.5255),
    "infra/runbooks/certs/renew-letsencrypt.md": ("due", "2026-11-23", 92, 0, 0.498),
    "infra/runbooks/dns-cutover.md": ("stale", "2026-11-22", 30, 1, 0.4825),
    "infra/runbooks/deploy-rollback.md": ("stale", "2026-11-04", 184, 19, 0.4645),
    "infra/runbooks/postgres/failover.md": ("fresh", "2027-04-06", 365, 0, 0.6442),
    "math/proofs/analysis/bolzano-weierstrass.md": ("evergreen", None, None, 0, 1.0),
    "math/proofs/infinitude-of-primes.md": ("evergreen", None, None, 0, 1.0),
    "meetings/2026/2026-11-16-platform-sync.md": ("evergreen", None, None, 0, 1.0),
    "meetings/2026/q3-planning.md": ("undated", "2027-02-21", 90, 0, 1.0),
    "meetings/2026/retro-october-deploy.md": ("undated", "2027-02-21", 90, 0, 1.0),
    "news/2025/scaling-roundup.md": ("stale", "2026-01-03", 30, 324, 0.0003),
    "news/2025/week-48-digest.md": ("stale", "2025-12-26", 30, 332, 0.0002),
    "news/2026/ai-briefing-47.md": ("fresh", "2026-12-19", 30, 0, 0.9119),
    "news/2026/gpu-prices.md": ("stale", "2026-05-19", 30, 188, 0.0064),
    "news/2026/io-uring-regression-thread.md": ("stale", "2026-04-02", 30, 235, 0.0022),
}


def note(path, title, status, published, last_validated, decay, interval_days, due,
         freshness, days_overdue, owner, tags, provenance, problems=()):
    return {
        "path": path, "title": title, "status": status, "published": published,
        "last_validated": last_validated, "decay": decay, "interval_days": interval_days,
        "due": due, "freshness": freshness, "days_overdue": days_overdue, "owner": owner,
        "tags": list(tags), "provenance": provenance, "problems": list(problems),
    }


def provenance(published, last_validated, decay):
    return {"published": published, "last_validated": last_validated, "decay": decay}


# Whole note objects, one or more per format of DESIGN.md's list. A note without a title
# key is titled by its first "# " heading, else by its file name without extension.
EXACT_NOTES = [
    note("ai/papers/2025/scaling-laws-revisited.md", "Scaling laws, revisited", "stale",
         "2025-12-04T09:30:00Z", "2026-04-06", "fast", 30, "2026-05-06", 0.0047, 201,
         "maria", ["ai", "scaling"],
         provenance(prov("yaml_front_matter", "date", 3, "2025-12-04T10:30:00+01:00"),
                    prov("yaml_front_matter", "last_validated", 4, "2026-04-06"),
                    prov("yaml_front_matter", "decay_rate", 5, "fast"))),
    note("_posts/2024-05-01-launch.md", "We're live: freshd 0.1", "stale",
         "2024-05-01T08:00:00Z", None, "1y", 365, "2025-05-01", 0.169, 571,
         None, ["release", "announcement"],
         provenance(prov("toml_front_matter", "date", 3, "2024-05-01T08:00:00Z"), None,
                    prov("toml_front_matter", "decay", 5, "1y"))),
    note("ai/reading-list.md", "Reading list", "stale", "2025-10-10", "2026-02-01", "medium",
         90, "2026-05-02", 0.1027, 205, None, [],
         provenance(prov("inline_field", "created", 3, "2025-10-10"),
                    prov("inline_field", "reviewed", 4, "2026-02-01"), DEFAULT)),
    note("ai/benchmarks/long-context-evals.md", "Long-context evaluations", "stale",
         "2025-09-01", "2026-03-10", "medium", 90, "2026-06-08", 0.1365, 168,
         "maria", ["ai", "benchmarks"],
         provenance(prov("yaml_front_matter", "date", 3, "2025-09-01"),
                    prov("inline_field", "last_validated", 9, "2026-03-10"), DEFAULT)),
    note("infra/runbooks/postgres/failover.md", "Postgres failover", "fresh", "2025-02-14",
         "2026-04-06", "slow", 365, "2027-04-06", 0.6442, 0, "dmitri", [],
         provenance(prov("plain_field", "created", 3, "2025-02-14"),
                    prov("plain_field", "last_validated", 4, "2026-04-06"),
                    prov("plain_field", "decay_rate", 4, "slow"))),
    note("news/2025/scaling-roundup.md", "Scaling roundup", "stale", "2025-12-04", None,
         "fast", 30, "2026-01-03", 0.0003, 324, None, [],
         provenance(prov("text_line", "", 3, "December 4, 2025"), None, NEWS_RULE)),
    note("news/2025/week-48-digest.md", "Week 48 digest", "stale", "2025-11-26", None,
         "fast", 30, "2025-12-26", 0.0002, 332, None, ["news", "ai"],
         provenance(prov("text_line", "", 6, "26 November 2025"), None, NEWS_RULE)),
    note("news/2026/gpu-prices.md", "GPU rental prices", "stale", "2026-04-19T00:00:00Z", None,
         "fast", 30, "2026-05-19", 0.0064, 188, None, [],
         provenance(prov("text_line", "", 3,
                         "Sat Apr 18 2026 20:00:00 GMT-0400 (Eastern Daylight Time)"),
                    None, NEWS_RULE)),
    note("news/2026/io-uring-regression-thread.md",
         "Re: io_uring regression after the kernel upgrade", "stale",
         "2026-03-03T14:05:00Z", None, "fast", 30, "2026-04-02", 0.0022, 235, None, [],
         provenance(prov("text_line", "", 3, "Tue, 03 Mar 2026 14:05:00 +0000"), None,
                    NEWS_RULE)),
    note("news/2026/ai-briefing-47.md", "AI briefing, week forty-seven", "fresh",
         "2026-11-19T12:15:00Z", None, "fast", 30, "2026-12-19", 0.9119, 0, "maria",
         ["news", "ai"],
         provenance(prov("yaml_front_matter", "published_at", 3, "2026-11-19T07:15:00-05:00"),
                    None, NEWS_RULE)),
    note("_posts/2025-11-20-year-in-review.md", "Our year in review", "stale", "2025-11-20",
         None, "medium", 90, "2026-02-18", 0.0585, 278, None, [],
         provenance(prov("file_name", "", 0, "2025-11-20-year-in-review.md"), None, DEFAULT)),
    note("daily/2026-04-18.md", "Saturday", "stale", "2026-04-18", None, "medium", 90,
         "2026-07-17", 0.1844, 129, None, [],
         provenance(prov("file_name", "", 0, "2026-04-18.md"), None, DEFAULT)),
    note("ai/papers/2026/moe-routing.md", "Mixture-of-experts routing notes", "fresh",
         "2026-07-15", None, "6 months", 184, "2027-01-15", 0.6092, 0, "maria", ["ai", "moe"],
         provenance(prov("yaml_front_matter", "date", 3, "2026-07-15"), None,
                    prov("yaml_front_matter", "review_every", 4, "6 months"))),
    note("infra/runbooks/certs/renew-letsencrypt.md", "Renewing the wildcard certificate",
         "due", "2024-11-02", "2026-08-23", "P3M", 92, "2026-11-23", 0.498, 0, "dmitri",
         ["infra", "runbook", "tls"],
         provenance(prov("yaml_front_matter", "date", 3, "2024-11-02"),
                    prov("yaml_front_matter", "last_validated", 4, "2026-08-23"),
                    prov("yaml_front_matter", "decay", 5, "P3M"))),
    note("infra/runbooks/backup-restore.md", "Restoring from backup", "due", "2025-05-12",
         "2026-09-01", "90d", 90, "2026-11-30", 0.5255, 0, "dmitri",
         ["infra", "runbook", "backup"],
         provenance(prov("yaml_front_matter", "date", 3, "2025-05-12"),
                    prov("yaml_front_matter", "last_validated", 4, "2026-09-01"),
                    prov("yaml_front_matter", "review_interval", 5, "90d"))),
    note("cooking/sourdough-hydration.txt", "sourdough-hydration", "fresh", "2025-12-01", None,
         "1y", 365, "2026-12-01", 0.5071, 0, "lena", [],
         provenance(prov("plain_field", "date", 2, "2025-12-01"), None,
                    prov("plain_field", "review_every", 3, "1y"))),
    note("math/proofs/infinitude-of-primes.md", "There are infinitely many primes", "evergreen",
         "2019-03-14", None, "evergreen", None, None, 1.0, 0, None, ["math", "number-theory"],
         provenance(prov("yaml_front_matter", "date", 3, "2019-03-14"), None,
                    prov("yaml_front_matter", "decay_rate", 4, "evergreen"))),
    note("math/proofs/analysis/bolzano-weierstrass.md", "Bolzano–Weierstrass", "evergreen",
         "2024-02-11", "2026-01-20", "evergreen", None, None, 1.0, 0, None,
         ["math", "analysis"],
         provenance(prov("yaml_front_matter", "date", 3, "2024-02-11"),
                    prov("yaml_front_matter", "last_validated", 4, "2026-01-20"), MATH_RULE)),
    note("ai/papers/2025/adam-convergence-proof.md",
         "Why Adam can fail to converge, and the AMSGrad fix", "stale", "2025-03-19", None,
         "medium", 90, "2025-06-17", 0.0088, 524, None, ["math", "optimization"],
         provenance(prov("yaml_front_matter", "date", 3, "2025-03-19"), None, DEFAULT)),
    note("infra/runbooks/deploy-rollback.md", "Rolling back a deploy", "stale", "2025-10-02",
         "2026-05-04", "runbook", 184, "2026-11-04", 0.4645, 19, "dmitri", ["infra", "runbook"],
         provenance(prov("yaml_front_matter", "date", 3, "2025-10-02"),
                    prov("yaml_front_matter", "last_validated", 4, "2026-05-04"),
                    RUNBOOK_RULE)),
    note("meetings/2026/2026-11-16-platform-sync.md", "Platform sync", "evergreen",
         "2026-11-16", None, "never", None, None, 1.0, 0, "maria", ["meeting", "platform"],
         provenance(prov("yaml_front_matter", "date", 3, "Monday, 16 November 2026"), None,
                    MEETING_RULE)),
    note("infra/runbooks/dns-cutover.md", "DNS cutover checklist", "stale", "2025-06-30",
         "2026-10-23", "fast", 30, "2026-11-22", 0.4825, 1, "dmitri", ["infra", "runbook", "dns"],
         provenance(prov("yaml_front_matter", "date", 3, "2025-06-30"),
                    prov("yaml_front_matter", "last_validated", 4, "2026-10-23"),
                    prov("yaml_front_matter", "decay_rate", 5, "fast"))),
    note("cooking/recipes/shakshuka.md", "Shakshuka for a crowd", "fresh", "2025-03-08",
         "2026-10-04", "medium", 90, "2027-01-02", 0.6776, 0, "lena", ["recipe", "vegetarian"],
         provenance(prov("yaml_front_matter", "date", 3, "2025-03-08"),
                    prov("yaml_front_matter", "last_validated", 4, "2026-10-04"), DEFAULT)),
    note("home.md", "Team vault", "fresh", None, "2026-11-20", "slow", 365, "2027-11-20",
         0.9933, 0, "maria", ["index"],
         provenance(None, prov("yaml_front_matter", "last_validated", 3, "2026-11-20"),
                    prov("yaml_front_matter", "decay_rate", 4, "slow"))),
    note("clips/how-raft-works.md", "How Raft works, illustrated", "undated", None, None,
         "medium", 90, "2027-02-21", 1.0, 0, None, [], provenance(None, None, DEFAULT)),
]

UNDATED = sorted(path for path, row in ALL_NOTES.items() if row[0] == "undated")
STALE = sorted(path for path, row in ALL_NOTES.items() if row[0] == "stale")
DUE = sorted(path for path, row in ALL_NOTES.items() if row[0] == "due")


def comparable(note_object):
    """The contract's members of a note, provenance with its optional members filled in."""
    keys = ("path", "title", "status", "published", "last_validated", "decay",
            "interval_days", "due", "freshness", "days_overdue", "owner", "tags",
            "provenance", "problems")
    out = {key: note_object.get(key, "<missing>") for key in keys}
    p = out["provenance"]
    if isinstance(p, dict):
        out["provenance"] = {k: normalized_provenance(p.get(k, "<missing>"))
                             for k in ("published", "last_validated", "decay")}
    return out


class IndexTest(VaultTestCase):

    def setUp(self):
        super().setUp()
        self.index()
        self.doc = self.ctl_json("list", "--all")
        self.notes = {n["path"]: n for n in self.doc["notes"]}

    def test_the_document_names_the_vault_and_the_pinned_now(self):
        self.assertEqual(os.path.realpath(self.doc["vault"]), os.path.realpath(self.vault))
        self.assertEqual(self.doc["now"], NOW)

    def test_every_note_file_is_listed_sorted_by_path_but_excluded_and_binary_files_not(self):
        paths = [n["path"] for n in self.doc["notes"]]
        self.assertEqual(paths, sorted(ALL_NOTES))

    def test_list_without_flags_shows_every_live_note(self):
        self.assertEqual(sorted(self.notes_by_path()), sorted(ALL_NOTES))

    def test_status_due_interval_overdue_and_freshness_of_every_note(self):
        for path, (status, due, interval, overdue, freshness) in ALL_NOTES.items():
            with self.subTest(path=path):
                n = self.notes[path]
                self.assertEqual((n["status"], n["due"], n["interval_days"], n["days_overdue"]),
                                 (status, due, interval, overdue))
                self.assertAlmostEqual(n["freshness"], freshness, places=6)

    def test_whole_note_objects_per_format(self):
        for expected in EXACT_NOTES:
            with self.subTest(path=expected["path"]):
                self.assertEqual(comparable(self.notes[expected["path"]]), expected)

    def test_notes_with_problems_carry_line_and_key(self):
        expected = {
            "ai/agents/tool-use-notes.md": (4, "decay_rate", "sloww"),
            "ai/forecasts/agi-timelines.md": (3, "date", "future"),
            "ai/papers/2026/sparse-attention-survey.md": (3, "date", "2026-02-30"),
            "_drafts/next-release.md": (3, "date", "placeholder"),
            "meetings/2026/q3-planning.md": (3, "date", "weekday"),
            "meetings/2026/retro-october-deploy.md": (4, "", "front matter"),
        }
        with_problems = sorted(p for p, n in self.notes.items() if n["problems"])
        self.assertEqual(with_problems, sorted(expected))
        for path, (line, key, word) in expected.items():
            with self.subTest(path=path):
                problems = self.notes[path]["problems"]
                self.assertEqual([(p["line"], p["key"]) for p in problems], [(line, key)])
                self.assertIn(word, problems[0]["message"].lower())

    def test_a_bad_date_is_never_used_as_the_publication_date(self):
        for path in ("ai/forecasts/agi-timelines.md", "ai/papers/2026/sparse-attention-survey.md",
                     "_drafts/next-release.md", "meetings/2026/q3-planning.md",
                     "meetings/2026/retro-october-deploy.md"):
            with self.subTest(path=path):
                n = self.notes[path]
                self.assertIsNone(n["published"])
                self.assertIsNone(n["provenance"]["published"])

    def test_an_unknown_decay_class_falls_back_to_the_default(self):
        n = self.notes["ai/agents/tool-use-notes.md"]
        self.assertEqual(n["decay"], "medium")
        self.assertEqual(normalized_provenance(n["provenance"]["decay"]), DEFAULT)

    def test_list_undated_shows_only_undated_notes(self):
        self.assertEqual(sorted(self.notes_by_path("--undated")), UNDATED)

    def test_list_stale_shows_only_stale_notes(self):
        self.assertEqual(sorted(self.notes_by_path("--stale")), STALE)

    def test_list_due_within_includes_due_and_stale_notes(self):
        self.assertEqual(sorted(self.notes_by_path("--due-within", "7d")), sorted(STALE + DUE))

    def test_due_within_a_longer_span_reaches_the_next_fresh_notes(self):
        # sourdough is due 2026-12-01 (8 days), ai-briefing 2026-12-19 (26 days).
        got = sorted(self.notes_by_path("--due-within", "8d"))
        self.assertEqual(got, sorted(STALE + DUE + ["cooking/sourdough-hydration.txt"]))


class ExampleConfigTest(VaultTestCase):
    """examples/freshd.toml itself, with --vault and --state-dir as the README shows: the
    statuses of examples/README.md's table."""

    def test_the_example_config_gives_the_documented_statuses(self):
        example = os.path.join(os.environ["FRESHD_SOURCE_DIR"], "examples", "freshd.toml")
        flags = ["--config", example, "--vault", self.vault, "--state-dir", self.state]
        self.ok(self.run_binary(self.freshd, flags + ["--once"]))
        run = self.ok(self.run_binary(self.freshctl, flags + ["--json", "list", "--all"]))
        got = {n["path"]: (n["status"], n["due"], n["interval_days"], n["days_overdue"])
               for n in run.json()["notes"]}
        expected = {path: row[:4] for path, row in ALL_NOTES.items()}
        self.assertEqual(got, expected)
        self.assertTrue(os.listdir(self.state), "the index is kept in --state-dir")


if __name__ == "__main__":
    unittest.main()
