// Fuzzes the configuration parser on TOML text (never a file).
// Invariants: nothing crashes; an error names the file it is about.
#include "tests/fuzz/fuzz_options.h"

#include "config/config_parser.h"

#include <cstddef>
#include <cstdint>
#include <string_view>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  const auto config = freshd::parse_config(text, "conf/freshd.toml");
  if (!config) freshd::fuzz::require(config.error().message.starts_with("conf/freshd.toml"));
  return 0;
}
