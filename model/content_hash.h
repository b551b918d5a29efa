// A fast 64-bit fingerprint of a note's bytes (XXH3), to tell a real content change and a
// rename from a touched mtime.
#pragma once

#include <cstdint>
#include <string_view>

namespace freshd {

std::uint64_t content_hash(std::string_view bytes);

}  // namespace freshd
