// freshctl's human-readable output: a reply's result rendered as aligned text. The --json
// output is the result itself and does not go through here.
#pragma once

#include "daemon/control_protocol.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>

namespace freshd {

// `colour`: paint statuses and problems with ANSI colours (the caller decides, see
// terminal.h: only on a terminal, never with NO_COLOR).
std::string render_result(Command command, const nlohmann::json& result, bool colour = false);

// The table of `list` straight from its result as JSON text (Reply::result_text): only the
// fields the table shows are read, so 100,000 notes never become a JSON tree. Errors when
// the text is not a list result.
Result<std::string> render_list_text(std::string_view result_text, bool colour = false);

}  // namespace freshd
