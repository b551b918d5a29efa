#include "model/store/json_text.h"

#include "model/note_text.h"

#include <nlohmann/json.hpp>

#include <charconv>
#include <cmath>
#include <cstdio>

namespace freshd {
namespace {

bool needs_escape(char c) { return c == '"' || c == '\\' || static_cast<unsigned char>(c) <= 0x1F; }

void escape_into(std::string& out, std::string_view text) {
  std::size_t run = 0;  // start of the characters not yet written, which need no escape
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (!needs_escape(c)) continue;
    out.append(text.data() + run, i - run);
    run = i + 1;
    switch (c) {
      case '"': out += "\\\""; continue;
      case '\\': out += "\\\\"; continue;
      case '\b': out += "\\b"; continue;
      case '\f': out += "\\f"; continue;
      case '\n': out += "\\n"; continue;
      case '\r': out += "\\r"; continue;
      case '\t': out += "\\t"; continue;
      default: break;
    }
    char code[8];
    std::snprintf(code, sizeof code, "\\u%04x", static_cast<unsigned>(c));
    out += code;
  }
  out.append(text.data() + run, text.size() - run);
}

}  // namespace

std::string JsonText::take() {
  first_ = true;
  return std::move(out_);
}

void JsonText::open(char bracket) {
  out_.push_back(bracket);
  first_ = true;
}

void JsonText::close(char bracket) {
  out_.push_back(bracket);
  first_ = false;
}

void JsonText::separate() {
  if (!first_) out_.push_back(',');
  first_ = false;
}

void JsonText::key(std::string_view name) {
  separate();
  out_.push_back('"');
  out_ += name;  // a name of freshd's own: plain ASCII, nothing to escape
  out_ += "\":";
}

void JsonText::string(std::string_view text) {
  // Only strings can hold bytes that are not UTF-8 (file names, mostly); the library's
  // replacement rules are not worth repeating for them.
  if (find_invalid_utf8(text) != std::string_view::npos) {
    out_ += nlohmann::json(std::string(text)).dump(-1, ' ', false,
                                                    nlohmann::json::error_handler_t::replace);
    return;
  }
  out_.push_back('"');
  escape_into(out_, text);
  out_.push_back('"');
}

void JsonText::number(long long value) {
  char digits[24];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  out_.append(digits, end);
}

void JsonText::number(double value) {
  if (!std::isfinite(value)) return null();  // as dump() writes NaN and infinities
  char digits[32];
  const auto end = std::to_chars(digits, digits + sizeof digits, value).ptr;
  const std::string_view written(digits, static_cast<std::size_t>(end - digits));
  out_ += written;
  if (written.find_first_of(".eEn") == std::string_view::npos) out_ += ".0";
}

void JsonText::boolean(bool value) { out_ += value ? "true" : "false"; }

void JsonText::null() { out_ += "null"; }

void JsonText::raw(std::string_view json) { out_ += json; }

}  // namespace freshd
