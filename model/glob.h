// Path globs for config rules and include/exclude lists.
#pragma once

#include <string_view>

namespace freshd {

// Matches a vault-relative path ("news/2026/ai.md") against a glob:
//   *   any run of characters except '/'
//   **  any run of characters including '/' ("news/**" matches everything below news/;
//       "**/x.md" matches x.md at any depth, including the top)
//   ?   one character except '/'
//   [abc], [a-z], [!a]  a character class
// A pattern without '/' matches the file name at any depth ("*.md").
// A pattern ending in '/' matches a directory name and everything below it (".git/").
bool glob_match(std::string_view pattern, std::string_view path);

}  // namespace freshd
