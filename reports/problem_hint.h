// A "how to fix" sentence for a metadata problem, by the kind of problem its message
// names. The messages usually say what to do already; the hint says it in the same words
// for every problem of a kind, so a report reads as a checklist.
#pragma once

#include <string>
#include <string_view>

namespace freshd {

// Never empty: an unrecognised message gets a generic hint.
std::string problem_hint(std::string_view message);

}  // namespace freshd
