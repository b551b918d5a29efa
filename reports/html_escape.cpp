#include "reports/html_escape.h"

#include <vector>

namespace freshd::html {
namespace {

bool unreserved(unsigned char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
         c == '-' || c == '.' || c == '_' || c == '~';
}

// How many folders deep `dir` is, reading "." and ".." as a shell would.
int depth(std::string_view dir) {
  std::vector<std::string_view> parts;
  while (!dir.empty()) {
    const auto slash = dir.find('/');
    const std::string_view part = dir.substr(0, slash);
    if (part == "..") {
      if (!parts.empty()) parts.pop_back();
    } else if (!part.empty() && part != ".") {
      parts.push_back(part);
    }
    if (slash == std::string_view::npos) break;
    dir.remove_prefix(slash + 1);
  }
  return static_cast<int>(parts.size());
}

}  // namespace

std::string escape(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  for (const char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string encode_path(std::string_view path) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  std::string out;
  for (const char ch : path) {
    const auto c = static_cast<unsigned char>(ch);
    if (unreserved(c) || c == '/') {
      out += ch;
    } else {
      out += '%';
      out += kHex[c >> 4];
      out += kHex[c & 0xF];
    }
  }
  return out;
}

std::string relative_href(std::string_view page_dir, std::string_view vault,
                          std::string_view target) {
  if (page_dir.starts_with('/')) {
    std::string full(vault);
    if (!full.ends_with('/')) full += '/';
    return encode_path(full + std::string(target));
  }
  std::string up;
  for (int i = depth(page_dir); i > 0; --i) up += "../";
  return up + encode_path(target);
}

}  // namespace freshd::html
