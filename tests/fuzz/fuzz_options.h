// What the fuzz targets share: vault options picked from the input itself, so that one
// input always runs the same way (a crash reproduces from its file alone).
#pragma once

#include "model/date_parser.h"

#include <array>
#include <cstddef>

namespace freshd::fuzz {

// Zones with the awkward cases: none, DST at 02:00 and 03:00, a half-hour DST shift, a
// 45-minute offset, a southern-hemisphere DST.
inline DateParseOptions date_options(std::size_t seed) {
  static const std::array<const date::time_zone*, 6> zones{
      date::locate_zone("UTC"),           date::locate_zone("Europe/Berlin"),
      date::locate_zone("America/New_York"), date::locate_zone("Australia/Lord_Howe"),
      date::locate_zone("Asia/Kathmandu"), date::locate_zone("Pacific/Auckland")};
  constexpr std::array<NumericOrder, 3> orders{
      NumericOrder::none, NumericOrder::day_month_year, NumericOrder::month_day_year};
  return DateParseOptions{zones[seed % zones.size()], orders[(seed / zones.size()) % orders.size()]};
}

// Fails the run (libFuzzer reports the input) when an invariant does not hold.
inline void require(bool holds) {
  if (!holds) __builtin_trap();
}

}  // namespace freshd::fuzz
