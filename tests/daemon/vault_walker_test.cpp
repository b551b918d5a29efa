#include "daemon/vault_walker.h"

#include "tests/daemon/vault_fixture.h"

#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <utility>
#include <vector>

namespace freshd {
namespace {

using test::TempVault;

std::vector<std::string> paths_of(const WalkResult& walked) {
  std::vector<std::string> paths;
  for (const auto& file : walked.files) paths.push_back(file.path);
  return paths;
}

std::vector<std::pair<std::string, std::string>> problems_of(const WalkResult& walked) {
  std::vector<std::pair<std::string, std::string>> problems;
  for (const auto& p : walked.problems) problems.emplace_back(p.path, p.message);
  return problems;
}

WalkResult walk(const TempVault& vault, unsigned threads) {
  auto walked = walk_vault(vault.root(), vault.options().filter, threads);
  REQUIRE_MESSAGE(walked.ok(), (walked.ok() ? "" : walked.error().message));
  return std::move(walked).value();
}

// Notes in nested folders, attachments beside them, and every kind of entry the walk has
// something to say about.
void make_awkward_vault(const TempVault& vault) {
  for (int f = 0; f < 12; ++f) {
    for (int n = 0; n < 5; ++n) {
      const std::string folder = "f" + std::to_string(f) + (f % 3 == 0 ? "/deeper" : "");
      vault.put(folder + "/n" + std::to_string(n) + ".md", "note " + std::to_string(n) + "\n");
      vault.put(folder + "/a" + std::to_string(n) + ".png", "png");
    }
  }
  vault.put(".git/HEAD.md", "not a note: excluded folder");
  vault.put("folder.md/inside.md", "a folder named like a note is walked into");
  vault.link("f1/n0.md", "link.md");
  vault.link("f2", "linked-folder");
  vault.link("nowhere.md", "dangling.md");
  vault.link("image.png", "link-to-image.png");
  vault.fifo("f4/pipe.md");
  vault.fifo("f4/pipe.png");
  vault.put("top.md", "top\n");
}

TEST_CASE("the walk finds the same notes and problems however many threads list folders") {
  TempVault vault;
  make_awkward_vault(vault);
  const WalkResult one = walk(vault, 1);
  CHECK(one.files.size() == 12 * 5 + 2);
  CHECK(std::is_sorted(one.files.begin(), one.files.end(),
                       [](const auto& a, const auto& b) { return a.path < b.path; }));
  for (const unsigned threads : {2u, 3u, 8u}) {
    CAPTURE(threads);
    const WalkResult many = walk(vault, threads);
    CHECK(paths_of(many) == paths_of(one));
    CHECK(problems_of(many) == problems_of(one));
  }
}

TEST_CASE("the walk lists notes with their stamps, and only notes") {
  TempVault vault;
  make_awkward_vault(vault);
  const WalkResult walked = walk(vault, 2);
  const auto paths = paths_of(walked);
  const auto listed = [&](const std::string& p) {
    return std::find(paths.begin(), paths.end(), p) != paths.end();
  };
  CHECK(listed("f0/deeper/n4.md"));
  CHECK(listed("folder.md/inside.md"));
  CHECK(listed("top.md"));
  CHECK_FALSE(listed("folder.md"));
  CHECK_FALSE(listed("f1/a0.png"));
  CHECK_FALSE(listed(".git/HEAD.md"));
  CHECK_FALSE(listed("link.md"));
  CHECK_FALSE(listed("f4/pipe.md"));
  struct stat st {};
  REQUIRE(::stat(vault.at("top.md").c_str(), &st) == 0);
  const auto top = std::find_if(walked.files.begin(), walked.files.end(),
                                [](const auto& f) { return f.path == "top.md"; });
  REQUIRE(top != walked.files.end());
  CHECK(top->stamp ==
        FileStamp{4, static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                         st.st_mtim.tv_nsec});
}

TEST_CASE("the walk's problems come sorted by path, one per link or special note file") {
  TempVault vault;
  make_awkward_vault(vault);
  const auto problems = problems_of(walk(vault, 2));
  std::vector<std::string> paths;
  for (const auto& [path, message] : problems) paths.push_back(path);
  // The link to an image and the FIFO named like an image are no business of freshd's.
  CHECK(paths == std::vector<std::string>{"dangling.md", "f4/pipe.md", "link.md",
                                          "linked-folder"});
  REQUIRE(problems.size() == 4);
  CHECK(problems[0].second.find("broken symbolic link") != std::string::npos);
  CHECK(problems[1].second.find("not a regular file") != std::string::npos);
  CHECK(problems[2].second.find("symbolic link, not followed") != std::string::npos);
  CHECK(problems[3].second.find("symbolic link, not followed") != std::string::npos);
}

TEST_CASE("an empty vault walks to nothing; a vault that cannot be opened is an error") {
  TempVault vault;
  const WalkResult walked = walk(vault, 2);
  CHECK(walked.files.empty());
  CHECK(walked.problems.empty());
  const auto missing = walk_vault(vault.at("missing"), vault.options().filter, 2);
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message.find("cannot open the vault") != std::string::npos);
}

}  // namespace
}  // namespace freshd
