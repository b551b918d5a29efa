#include "model/glob.h"

#include <doctest/doctest.h>

#include <string>

namespace freshd {
namespace {

struct Case {
  const char* pattern;
  const char* path;
  bool matches;
};

void check_all(const Case* begin, const Case* end) {
  for (const Case* c = begin; c != end; ++c) {
    const std::string pattern = c->pattern;
    CAPTURE(pattern);
    const std::string path = c->path;
    CAPTURE(path);
    CHECK(glob_match(c->pattern, c->path) == c->matches);
  }
}

TEST_CASE("a pattern without '/' matches the file name at any depth") {
  const Case cases[] = {
      {"*.md", "ai.md", true},
      {"*.md", "news/2026/ai.md", true},
      {"*.md", "news/ai.markdown", false},
      {"*.md", "ai.md.bak", false},
      {"ai.md", "news/ai.md", true},
      {"ai.md", "news/xai.md", false},
      {"2026-*", "daily/2026-04-18.md", true},
      {"*", "news/ai.md", true},
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("a pattern with '/' matches the whole path from the vault root") {
  const Case cases[] = {
      {"news/*.md", "news/ai.md", true},
      {"news/*.md", "news/2026/ai.md", false},
      {"news/*.md", "archive/news/ai.md", false},
      {"/news/*.md", "news/ai.md", true},
      {"news/2026/ai.md", "news/2026/ai.md", true},
      {"*/ai.md", "news/ai.md", true},
      {"*/ai.md", "news/2026/ai.md", false},
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("** crosses directories, and **/ may stand for none") {
  const Case cases[] = {
      {"news/**", "news/ai.md", true},
      {"news/**", "news/2026/04/ai.md", true},
      {"news/**", "newsletter/ai.md", false},
      {"news/**", "archive/news/ai.md", false},
      {"**/x.md", "x.md", true},
      {"**/x.md", "a/b/c/x.md", true},
      {"**/x.md", "a/b/cx.md", false},
      {"a/**/b.md", "a/b.md", true},
      {"a/**/b.md", "a/x/y/b.md", true},
      {"a/**/b.md", "ab.md", false},
      {"news/**/*.md", "news/2026/ai.md", true},
      {"news/**/*.md", "news/ai.txt", false},
      {"**/drafts/*", "blog/drafts/post.md", true},
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("? and character classes match one character, never '/'") {
  const Case cases[] = {
      {"note?.md", "note1.md", true},
      {"note?.md", "note12.md", false},
      {"a?b/c.md", "a/b/c.md", false},
      {"[abc].md", "b.md", true},
      {"[abc].md", "d.md", false},
      {"[a-c]*.md", "beta.md", true},
      {"[a-c]*.md", "delta.md", false},
      {"[!a]*.md", "beta.md", true},
      {"[!a]*.md", "alpha.md", false},
      {"[^a]*.md", "alpha.md", false},
      {"[]x].md", "].md", true},
      {"[a-].md", "-.md", true},
      {"x[/]y", "x/y", false},
      {"[ab.md", "[ab.md", true},
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("a pattern ending in '/' matches a directory and everything below it") {
  const Case cases[] = {
      {".git/", ".git/config", true},
      {".git/", "sub/.git/objects/ab", true},
      {".git/", ".gitignore", false},
      {".git/", "notes/.git", false},
      {"node_modules/", "web/node_modules/x/index.md", true},
      {"freshd-reports/", "freshd-reports/2026-04-13.md", true},
      {"news/2026/", "news/2026/ai.md", true},
      {"news/2026/", "old/news/2026/ai.md", false},
      {"news/*/", "news/2026/ai.md", true},
      {"news/*/", "news/ai.md", false},
  };
  check_all(std::begin(cases), std::end(cases));
}

TEST_CASE("matching is case-sensitive, and an empty pattern matches nothing") {
  const Case cases[] = {
      {"*.MD", "ai.md", false},
      {"News/**", "news/ai.md", false},
      {"", "ai.md", false},
      {"/", "ai.md", false},
  };
  check_all(std::begin(cases), std::end(cases));
}

}  // namespace
}  // namespace freshd
