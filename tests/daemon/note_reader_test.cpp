#include "daemon/note_reader.h"

#include "tests/daemon/vault_fixture.h"

#include <doctest/doctest.h>

#include <string>
#include <vector>

namespace freshd {
namespace {

using test::TempVault;

std::string problem_of(const std::optional<ObservedNote>& note) {
  REQUIRE(note.has_value());
  REQUIRE(note->metadata.problems.size() == 1);
  return note->metadata.problems.front().message;
}

TEST_CASE("a reader reads each note as read_note does, one after the other") {
  TempVault vault;
  vault.put("top.md", "---\ntitle: Top\nlast_validated: 2025-01-02\n---\nbody\n");
  vault.put("a/one.md", "published: 2024-03-04\n");
  vault.put("a/two.md", "");
  vault.put("a/b/three.md", "---\nbroken: [\n---\n");
  vault.put("c/four.md", "four\n");
  const ScanOptions options = vault.options();
  NoteReader reader(options.root, options.read);
  // Back and forth between folders, and the same note twice.
  for (const std::string path :
       {"a/one.md", "a/two.md", "top.md", "a/b/three.md", "a/one.md", "c/four.md", "top.md"}) {
    CAPTURE(path);
    const auto by_reader = reader.read(path);
    const auto alone = read_note(options.root, path, options.read);
    REQUIRE(by_reader.has_value());
    REQUIRE(alone.has_value());
    CHECK(by_reader->path == path);
    CHECK(by_reader->stamp == alone->stamp);
    CHECK(by_reader->hash == alone->hash);
    CHECK(by_reader->metadata == alone->metadata);
  }
  CHECK(reader.read("a/one.md")->metadata.published.has_value());
  CHECK(reader.read("top.md")->metadata.validated.has_value());
  CHECK(reader.read("a/b/three.md")->metadata.problems.size() == 1);
}

TEST_CASE("a note or folder gone since the walk is left out") {
  TempVault vault;
  vault.put("a/one.md", "one\n");
  vault.put("a/two.md", "two\n");
  const ScanOptions options = vault.options();
  NoteReader reader(options.root, options.read);
  REQUIRE(reader.read("a/one.md").has_value());
  vault.remove("a/two.md");
  CHECK_FALSE(reader.read("a/two.md").has_value());
  CHECK_FALSE(reader.read("gone/three.md").has_value());
  CHECK_FALSE(reader.read("gone.md").has_value());
}

TEST_CASE("a reader follows no symbolic link, in the note's name or in its folders") {
  TempVault vault;
  vault.put("real/note.md", "note\n");
  vault.link("real", "linked");
  vault.link("note.md", "real/link.md");
  const ScanOptions options = vault.options();
  NoteReader reader(options.root, options.read);
  REQUIRE(reader.read("real/note.md").has_value());
  CHECK(problem_of(reader.read("real/link.md")).find("symbolic link") != std::string::npos);
  CHECK(problem_of(reader.read("linked/note.md")).find("symbolic link") != std::string::npos);
  CHECK(problem_of(read_note(options.root, "linked/note.md", options.read)) ==
        problem_of(reader.read("linked/note.md")));
}

TEST_CASE("what cannot be read as a note becomes a note with one problem") {
  TempVault vault;
  vault.fifo("pipe.md");
  vault.folder("folder.md");
  vault.put("big.md", std::string(100, 'x'));
  ScanOptions options = vault.options();
  options.read.max_file_bytes = 99;
  NoteReader reader(options.root, options.read);
  CHECK(problem_of(reader.read("pipe.md")) == "not a regular file");
  CHECK(problem_of(reader.read("folder.md")) == "not a regular file");
  const auto big = reader.read("big.md");
  CHECK(problem_of(big).find("larger than vault.max_file_bytes (99)") != std::string::npos);
  CHECK(big->stamp.size == 100);
  CHECK(problem_of(reader.read("../escape.md")).find("cannot read") != std::string::npos);
  const std::string missing_vault = vault.at("missing");
  NoteReader nowhere(missing_vault, options.read);
  CHECK(problem_of(nowhere.read("a.md")).find("cannot open the vault") != std::string::npos);
}

}  // namespace
}  // namespace freshd
