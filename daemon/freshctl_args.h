// freshctl's command line: global options, a command and its arguments, turned into a
// control Request. Parsing only; nothing is done here.
#pragma once

#include "daemon/control_protocol.h"
#include "daemon/runtime.h"

#include <string>
#include <vector>

namespace freshd {

struct FreshctlInvocation {
  CommonOptions common;
  bool json = false;
  bool help = false;     // --help: print usage (of `request.command` when one was given)
  bool version = false;  // --version
  bool has_command = false;
  Request request;
};

// Errors are usage errors (exit status 2): unknown option or command, missing or extra
// argument, a duration or day that does not parse.
Result<FreshctlInvocation> parse_freshctl_args(const std::vector<std::string>& args);

// Usage text: the whole tool, or one command.
std::string freshctl_usage();
std::string freshctl_command_usage(Command command);

}  // namespace freshd
