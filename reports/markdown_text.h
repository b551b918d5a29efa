// Text from notes made safe inside the report's Markdown (Obsidian flavour, GitHub
// tables): it renders as written and never turns into a link, tag, table cell break,
// highlight, math or HTML.
#pragma once

#include <string>
#include <string_view>

namespace freshd::markdown_text {

// Backslash-escapes Markdown and Obsidian punctuation (\ ` * _ [ ] < > | # $ ~ = % & !)
// and turns line breaks into spaces, so the text stays on one line and inside one cell.
std::string escape(std::string_view text);

// The text as a code span, with `|` escaped for a table cell (GFM reads \| there before
// the code span). A text holding backticks gets a longer fence.
std::string code(std::string_view text);

// A [[wikilink]] to the note at vault-relative `path` showing `title`: the target is the
// path without ".md" (so it resolves even when file names collide); other extensions stay.
// Obsidian's link syntax has no escapes: `|` in the title shows as '¦' and `[` `]` as
// '(' ')'. `in_table` writes the separator as "\|" so a table does not split the link.
// A path Obsidian cannot link to (holding | [ ] # ^) gives the escaped title alone.
std::string wikilink(std::string_view path, std::string_view title, bool in_table);

}  // namespace freshd::markdown_text
