#include "model/note_text.h"

#include <algorithm>
#include <cstdint>
#include <cstring>

namespace freshd {
namespace {

constexpr std::size_t kBinaryProbeBytes = 8 * 1024;
constexpr std::string_view kBom = "\xEF\xBB\xBF";
constexpr std::string_view kReplacement = "\xEF\xBF\xBD";

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Length of the well-formed sequence starting at `pos`, or 0. The allowed ranges of the
// second byte are those of Unicode's table 3-7, which rule out overlong forms, surrogates
// and values past U+10FFFF in one check.
std::size_t sequence_length(std::string_view text, std::size_t pos) {
  const auto lead = static_cast<unsigned char>(text[pos]);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  unsigned char low = 0x80;
  unsigned char high = 0xBF;
  if (lead >= 0xC2 && lead <= 0xDF) {
    length = 2;
  } else if (lead >= 0xE0 && lead <= 0xEF) {
    length = 3;
    if (lead == 0xE0) low = 0xA0;
    if (lead == 0xED) high = 0x9F;
  } else if (lead >= 0xF0 && lead <= 0xF4) {
    length = 4;
    if (lead == 0xF0) low = 0x90;
    if (lead == 0xF4) high = 0x8F;
  } else {
    return 0;
  }
  if (pos + length > text.size()) return 0;
  const auto second = static_cast<unsigned char>(text[pos + 1]);
  if (second < low || second > high) return 0;
  for (std::size_t i = 2; i < length; ++i)
    if (!is_continuation(static_cast<unsigned char>(text[pos + i]))) return 0;
  return length;
}

// Whether the 8 bytes at `pos` are all ASCII: notes are mostly ASCII, and a word at a time
// is several times faster than a byte at a time.
bool ascii_word(std::string_view text, std::size_t pos) {
  std::uint64_t word = 0;
  std::memcpy(&word, text.data() + pos, sizeof word);
  return (word & 0x8080808080808080ULL) == 0;
}

}  // namespace

bool looks_binary(std::string_view text) {
  return text.substr(0, kBinaryProbeBytes).find('\0') != std::string_view::npos;
}

std::string_view strip_bom(std::string_view text) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  return text;
}

std::size_t find_invalid_utf8(std::string_view text) {
  std::size_t pos = 0;
  while (pos < text.size()) {
    if (pos + 8 <= text.size() && ascii_word(text, pos)) {
      pos += 8;
      continue;
    }
    const std::size_t length = sequence_length(text, pos);
    if (length == 0) return pos;
    pos += length;
  }
  return std::string_view::npos;
}

std::string replace_invalid_utf8(std::string_view text) {
  std::string out;
  out.reserve(text.size() + 16);
  std::size_t pos = 0;
  while (pos < text.size()) {
    const std::size_t length = sequence_length(text, pos);
    if (length == 0) {
      out += kReplacement;
      ++pos;
    } else {
      out += text.substr(pos, length);
      pos += length;
    }
  }
  return out;
}

int line_of_offset(std::string_view text, std::size_t offset) {
  const auto head = text.substr(0, offset);
  return 1 + static_cast<int>(std::count(head.begin(), head.end(), '\n'));
}

std::vector<std::string_view> split_lines(std::string_view text) {
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const std::size_t end = text.find('\n');
    std::string_view line = text.substr(0, end);
    if (line.ends_with('\r')) line.remove_suffix(1);
    lines.push_back(line);
    if (end == std::string_view::npos) break;
    text.remove_prefix(end + 1);
  }
  return lines;
}

}  // namespace freshd
