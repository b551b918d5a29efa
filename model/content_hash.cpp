#include "model/content_hash.h"

#include <xxhash.h>

namespace freshd {

std::uint64_t content_hash(std::string_view bytes) {
  return XXH3_64bits(bytes.data(), bytes.size());
}

}  // namespace freshd
