// freshd's run: parse the command line, set up, then index once (--once) or serve.
#pragma once

#include "daemon/runtime.h"
#include "daemon/log.h"

#include <string>
#include <vector>

namespace freshd {

struct FreshdOptions {
  CommonOptions common;
  bool once = false;
  bool report = false;  // with --once: also write the report now
  bool help = false;
  bool version = false;
  LogLevel log_level = LogLevel::info;
};

// Errors are usage errors (exit status 2).
Result<FreshdOptions> parse_freshd_args(const std::vector<std::string>& args);
std::string freshd_usage();

// Returns the process exit status: 0 after a clean run or stop, 1 on a setup failure.
int run_freshd(const FreshdOptions& options);

}  // namespace freshd
