// freshctl's human-readable output: a reply's result rendered as aligned text. The --json
// output is the result itself and does not go through here.
#pragma once

#include "daemon/control_protocol.h"

#include <nlohmann/json.hpp>

#include <string>

namespace freshd {

// `colour`: paint statuses and problems with ANSI colours (the caller decides, see
// terminal.h: only on a terminal, never with NO_COLOR).
std::string render_result(Command command, const nlohmann::json& result, bool colour = false);

}  // namespace freshd
