#include "model/date_parser.h"

#include "model/date_fields.h"
#include "model/date_forms.h"

#include <algorithm>
#include <cctype>

namespace freshd {
namespace {

// Longer values are not dates; this keeps the shape matching off pasted paragraphs.
constexpr std::size_t kLongestDate = 160;

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }

std::string_view trim(std::string_view text, std::string_view junk) {
  while (!text.empty() && (is_space(text.front()) || junk.find(text.front()) != junk.npos)) {
    text.remove_prefix(1);
  }
  while (!text.empty() && (is_space(text.back()) || junk.find(text.back()) != junk.npos)) {
    text.remove_suffix(1);
  }
  return text;
}

// Surrounding quotes and an Obsidian/Logseq link ("[[2026-04-18|Saturday]]") are
// packaging, not part of the date.
std::string_view unwrap(std::string_view text) {
  text = trim(text, "\"'`");
  if (text.size() > 4 && text.substr(0, 2) == "[[" && text.substr(text.size() - 2) == "]]") {
    text = text.substr(2, text.size() - 4);
    text = trim(text.substr(0, text.find('|')), "");
  }
  return text;
}

bool is_name_char(char c) { return c == '_' || std::isalnum(static_cast<unsigned char>(c)) != 0; }

// "%name%": a letter or '_' first, then letters, digits or '_'.
bool has_percent_name(std::string_view text) {
  for (std::size_t i = text.find('%'); i != text.npos; i = text.find('%', i + 1)) {
    if (i + 1 >= text.size() || is_digit(text[i + 1]) || !is_name_char(text[i + 1])) continue;
    std::size_t end = i + 2;
    while (end < text.size() && is_name_char(text[end])) ++end;
    if (end < text.size() && text[end] == '%') return true;
  }
  return false;
}

// Template syntax of Obsidian, Jinja/Liquid, EJS/Templater and shells: {{date}}, {% now %},
// <% tp.date.now() %>, ${date}, %date%.
bool is_placeholder(std::string_view text) {
  for (const std::string_view mark : {"{{", "}}", "{%", "%}", "<%", "%>", "${"})
    if (text.find(mark) != text.npos) return true;
  return has_percent_name(text);
}

bool is_bare_year(std::string_view text) {
  return text.size() == 4 && std::all_of(text.begin(), text.end(), is_digit);
}

}  // namespace

Result<DateValue> parse_date(std::string_view text, const DateParseOptions& options) {
  const std::string_view value = unwrap(text);
  if (value.empty()) return Error{"the date is empty"};
  if (is_placeholder(value)) {
    return Error{"'" + std::string(value) +
                 "' is a template placeholder, not a date (fill it in or remove it)"};
  }
  if (value.size() <= kLongestDate) {
    for (const DateForm& form : date_forms()) {
      if (is_whole_shape(form.shape, value)) {
        return read_date_form(form.kind, value, options);
      }
    }
  }
  if (is_bare_year(value)) {
    return Error{"'" + std::string(value) +
                 "' is only a year, not a date: write a day (YYYY-MM-DD) or a month (YYYY-MM)"};
  }
  return not_a_date(value);
}

}  // namespace freshd
