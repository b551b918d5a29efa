// freshctl's whole run for a parsed command line: find the daemon or work in-process,
// print the result, and say which exit status main() should return.
#pragma once

#include "daemon/freshctl_args.h"

namespace freshd {

// Exit statuses, documented in freshctl(1) and the README.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitUnreachable = 3;
inline constexpr int kExitNotFound = 4;

int run_freshctl(const FreshctlInvocation& invocation);

}  // namespace freshd
