#include "daemon/vault_scanner.h"

#include "tests/daemon/vault_fixture.h"
#include "tests/store/store_fixtures.h"

#include <doctest/doctest.h>

#include <string>
#include <tuple>
#include <vector>

namespace freshd {
namespace {

using test::TempVault;

using Known = std::unordered_map<std::string, KnownFile>;

WalkResult walked_of(std::vector<std::pair<std::string, FileStamp>> files) {
  WalkResult walked;
  for (auto& [path, stamp] : files) walked.files.push_back({path, stamp});
  return walked;
}

TEST_CASE("a plan reads new and changed notes, and finds the known ones gone") {
  const FileStamp s1{10, 1};
  const FileStamp s2{20, 2};
  const Known known{{"a.md", {s1, 11}}, {"b.md", {s1, 12}}, {"c.md", {s2, 13}}};
  struct Case {
    const char* rule;
    std::vector<std::pair<std::string, FileStamp>> walked;
    std::vector<std::string> paths;  // empty: a full scan
    std::vector<std::string> to_read;
    std::vector<std::string> missing;
    int unchanged;
  };
  const std::vector<Case> cases{
      {"all unchanged: nothing to read, nothing gone", {{"a.md", s1}, {"b.md", s1}, {"c.md", s2}},
       {}, {}, {}, 3},
      {"a new stamp is read", {{"a.md", s2}, {"b.md", s1}, {"c.md", s2}}, {}, {"a.md"}, {}, 2},
      {"a new path is read", {{"a.md", s1}, {"b.md", s1}, {"c.md", s2}, {"d.md", s1}}, {},
       {"d.md"}, {}, 3},
      {"known paths not walked are gone", {{"b.md", s1}}, {}, {}, {"a.md", "c.md"}, 1},
      {"as many walked as known, one of them new", {{"a.md", s1}, {"b.md", s1}, {"d.md", s1}},
       {}, {"d.md"}, {"c.md"}, 2},
      {"an empty vault: every known note gone", {}, {}, {}, {"a.md", "b.md", "c.md"}, 0},
      {"a partial scan: only the given paths can be gone", {{"a.md", s2}}, {"a.md", "c.md"},
       {"a.md"}, {"c.md"}, 0},
      {"a partial scan of an unknown path that is not there", {}, {"z.md"}, {}, {}, 0},
  };
  for (const auto& c : cases) {
    CAPTURE(c.rule);
    const ScanPlan plan = plan_scan(known, walked_of(c.walked), c.paths);
    CHECK(plan.to_read == c.to_read);
    CHECK(plan.missing == c.missing);
    CHECK(plan.unchanged == c.unchanged);
    CHECK(plan.files == static_cast<int>(c.walked.size()));
  }
  CHECK(plan_scan({}, walked_of({{"a.md", s1}}), {}).to_read == std::vector<std::string>{"a.md"});
}

// A vault of `count` notes spread over folders: a quarter with front matter dates, a
// quarter with plain fields, a quarter with broken front matter, a quarter undated.
void make_vault(const TempVault& vault, int count) {
  for (int i = 0; i < count; ++i) {
    const std::string path = "f" + std::to_string(i % 5) + "/n" + std::to_string(i) + ".md";
    if (i % 4 == 0)
      vault.put(path, "---\nlast_validated: 2025-0" + std::to_string(1 + i % 9) + "-02\n---\n");
    else if (i % 4 == 1)
      vault.put(path, "published: 2024-05-0" + std::to_string(1 + i % 9) + "\n");
    else if (i % 4 == 2)
      vault.put(path, "---\nbroken: [\n---\nnote " + std::to_string(i) + "\n");
    else
      vault.put(path, "note " + std::to_string(i) + "\n");
  }
}

using EventRow = std::tuple<std::string, EventKind, std::string>;

std::vector<EventRow> timeline_of(NoteStore& store) {
  auto events = store.timeline(std::nullopt, Seconds{});
  REQUIRE(events.ok());
  std::vector<EventRow> rows;
  for (const auto& e : *events) rows.emplace_back(e.path, e.kind, e.detail);
  return rows;
}

ScanReport scan(NoteStore& store, const ScanOptions& options, Seconds now,
                std::vector<std::size_t>* progress = nullptr) {
  auto report = scan_vault(store, options, now, {}, [&](std::size_t done, std::size_t) {
    if (progress) progress->push_back(done);
  });
  REQUIRE_MESSAGE(report.ok(), (report.ok() ? "" : report.error().message));
  return std::move(report).value();
}

TEST_CASE("a scan in many small batches records what one batch records") {
  TempVault vault;
  make_vault(vault, 60);
  const Seconds now = test::at(2026, 3, 1);
  NoteStore whole = test::memory_store();
  NoteStore batched = test::memory_store();
  const ScanReport one = scan(whole, vault.options(2, 2048), now);
  std::vector<std::size_t> progress;
  const ScanReport many = scan(batched, vault.options(2, 7), now, &progress);
  CHECK(one.files == 60);
  CHECK(one.read == 60);
  CHECK(one.problems == 15);
  CHECK(one.changes.added == 60);
  CHECK(many.read == one.read);
  CHECK(many.problems == one.problems);
  CHECK(many.changes.added == one.changes.added);
  CHECK(many.changes.events.size() == one.changes.events.size());
  CHECK(timeline_of(batched) == timeline_of(whole));
  CHECK(progress == std::vector<std::size_t>{7, 14, 21, 28, 35, 42, 49, 56, 60});
}

TEST_CASE("renames are paired across batches, and deletions come after every rename") {
  TempVault vault;
  make_vault(vault, 30);
  NoteStore store = test::memory_store();
  scan(store, vault.options(2, 4), test::at(2026, 3, 1));
  // Moved to paths that sort before and after every other note: another batch each.
  vault.rename("f3/n3.md", "a-first/n3.md");
  vault.rename("f0/n5.md", "z-last/n5.md");
  vault.remove("f2/n7.md");
  const ScanReport rescan = scan(store, vault.options(2, 4), test::at(2026, 3, 2));
  CHECK(rescan.read == 2);
  CHECK(rescan.unchanged == 27);
  CHECK(rescan.changes.renamed == 2);
  CHECK(rescan.changes.deleted == 1);
  CHECK(rescan.changes.added == 0);
  auto known = store.known_files();
  REQUIRE(known.ok());
  CHECK(known->count("a-first/n3.md") == 1);
  CHECK(known->count("z-last/n5.md") == 1);
  CHECK(known->count("f2/n7.md") == 0);
}

TEST_CASE("an unchanged rescan reads nothing and records nothing") {
  TempVault vault;
  make_vault(vault, 20);
  NoteStore store = test::memory_store();
  scan(store, vault.options(), test::at(2026, 3, 1));
  const auto before = timeline_of(store);
  const ScanReport rescan = scan(store, vault.options(), test::at(2026, 3, 2));
  CHECK(rescan.files == 20);
  CHECK(rescan.read == 0);
  CHECK(rescan.unchanged == 20);
  CHECK(rescan.changes.events.empty());
  CHECK(timeline_of(store) == before);
}

}  // namespace
}  // namespace freshd
