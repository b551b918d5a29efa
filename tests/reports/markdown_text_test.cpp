#include "reports/markdown_text.h"

#include <doctest/doctest.h>

namespace freshd::markdown_text {
namespace {

TEST_CASE("escape backslash-escapes Markdown and Obsidian punctuation, one line") {
  CHECK(escape("plain text, 42.") == "plain text, 42.");
  CHECK(escape("a|b") == "a\\|b");
  CHECK(escape("*x* _y_ `z` [[w]] #tag $m$ ==h== %%c%% ~s~ <b> & !") ==
        "\\*x\\* \\_y\\_ \\`z\\` \\[\\[w\\]\\] \\#tag \\$m\\$ \\=\\=h\\=\\= \\%\\%c\\%\\% "
        "\\~s\\~ \\<b\\> \\& \\!");
  CHECK(escape("back\\slash") == "back\\\\slash");
  CHECK(escape("two\nlines\r\tend") == "two lines  end");
}

TEST_CASE("code wraps text in a code span that survives a table cell") {
  CHECK(code("ai/x.md") == "`ai/x.md`");
  CHECK(code("a|b.md") == "`a\\|b.md`");
  CHECK(code("it`s.md") == "``it`s.md``");
  CHECK(code("`start.md") == "`` `start.md ``");
}

TEST_CASE("wikilink targets the path without .md and keeps the title readable") {
  CHECK(wikilink("ai/x.md", "X", false) == "[[ai/x|X]]");
  CHECK(wikilink("ai/x.md", "X", true) == "[[ai/x\\|X]]");
  CHECK(wikilink("notes/todo.txt", "Todo", false) == "[[notes/todo.txt|Todo]]");
  CHECK(wikilink("a.md", "A | B [draft]", true) == "[[a\\|A ¦ B (draft)]]");
  CHECK(wikilink("a.md", "two\nlines", false) == "[[a|two lines]]");
}

TEST_CASE("a path Obsidian cannot link to shows the escaped title alone") {
  CHECK(wikilink("c#/notes.md", "C# notes", true) == "C\\# notes");
  CHECK(wikilink("a[1].md", "A", false) == "A");
  CHECK(wikilink("x^y.md", "X", false) == "X");
}

}  // namespace
}  // namespace freshd::markdown_text
