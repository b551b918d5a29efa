#include "reports/markdown_text.h"

#include <algorithm>

namespace freshd::markdown_text {
namespace {

constexpr std::string_view kEscaped = "\\`*_[]<>|#$~=%&!";

std::string one_line(std::string_view text) {
  std::string out(text);
  std::replace(out.begin(), out.end(), '\n', ' ');
  std::replace(out.begin(), out.end(), '\r', ' ');
  std::replace(out.begin(), out.end(), '\t', ' ');
  return out;
}

std::string link_title(std::string_view title) {
  std::string out;
  for (const char c : one_line(title)) {
    if (c == '|') out += "¦";
    else if (c == '[') out += '(';
    else if (c == ']') out += ')';
    else out += c;
  }
  return out;
}

std::size_t longest_backtick_run(std::string_view text) {
  std::size_t longest = 0, run = 0;
  for (const char c : text) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return longest;
}

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  for (const char c : one_line(text)) {
    if (kEscaped.find(c) != std::string_view::npos) out += '\\';
    out += c;
  }
  return out;
}

std::string code(std::string_view text) {
  std::string body;
  for (const char c : one_line(text)) {
    if (c == '|') body += '\\';
    body += c;
  }
  const std::string fence(longest_backtick_run(body) + 1, '`');
  // A space keeps a backtick at either end from joining the fence (CommonMark strips it).
  const bool pad = body.starts_with('`') || body.ends_with('`');
  return fence + (pad ? " " : "") + body + (pad ? " " : "") + fence;
}

std::string wikilink(std::string_view path, std::string_view title, bool in_table) {
  if (path.find_first_of("|[]#^") != std::string_view::npos) return escape(title);
  std::string_view target = path;
  if (target.size() > 3 && target.ends_with(".md")) target.remove_suffix(3);
  return "[[" + one_line(target) + (in_table ? "\\|" : "|") + link_title(title) + "]]";
}

}  // namespace freshd::markdown_text
