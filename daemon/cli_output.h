// freshctl's human-readable output: a reply's result rendered as aligned text. The --json
// output is the result itself and does not go through here.
#pragma once

#include "daemon/control_protocol.h"

#include <nlohmann/json.hpp>

#include <string>

namespace freshd {

std::string render_result(Command command, const nlohmann::json& result);

}  // namespace freshd
