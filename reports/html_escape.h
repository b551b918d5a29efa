// Text and links made safe inside the HTML report.
#pragma once

#include <string>
#include <string_view>

namespace freshd::html {

// Escapes & < > " ' so the text is inert in element content and in quoted attributes.
std::string escape(std::string_view text);

// Percent-encodes a '/'-separated path for an href: every byte but unreserved characters
// (A-Z a-z 0-9 - . _ ~) and '/' becomes %XX, so spaces, '#', '?' and ':' cannot change what
// the link means. The result still needs no HTML escaping.
std::string encode_path(std::string_view path);

// The href from a page in the vault-relative folder `page_dir` to the vault-relative
// `target`: "../ai/x.md" from "freshd-reports". An absolute `page_dir` (a report folder
// outside the vault) gives the absolute path `vault`/`target` instead.
std::string relative_href(std::string_view page_dir, std::string_view vault,
                          std::string_view target);

}  // namespace freshd::html
