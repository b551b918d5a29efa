// The raw text of a note made ready for reading: binary and UTF-8 checks, BOM, line ends.
// Pure functions over bytes; nothing here knows about metadata.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace freshd {

// True when the text holds a NUL byte in its first 8 KiB: such a file is not a note.
bool looks_binary(std::string_view text);

// The text without a leading UTF-8 byte order mark.
std::string_view strip_bom(std::string_view text);

// Offset of the first byte that does not belong to a well-formed UTF-8 sequence (overlong
// forms, surrogates and code points past U+10FFFF are ill-formed), or npos when the whole
// text is valid.
std::size_t find_invalid_utf8(std::string_view text);

// A copy of `text` in which every ill-formed UTF-8 sequence is replaced by U+FFFD. Line
// ends are kept, so line numbers do not change.
std::string replace_invalid_utf8(std::string_view text);

// 1-based number of the line that holds byte `offset` of `text`.
int line_of_offset(std::string_view text, std::size_t offset);

// The lines of `text` without their line ends (LF or CRLF). Views into `text`. A final line
// end does not start another line; an empty text has no lines.
std::vector<std::string_view> split_lines(std::string_view text);

}  // namespace freshd
