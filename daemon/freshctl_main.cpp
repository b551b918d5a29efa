// freshctl: the command-line client of freshd.
#include "daemon/freshctl_app.h"

#include <iostream>

int main(int argc, char** argv) {
  const std::vector<std::string> args(argv + 1, argv + argc);
  auto invocation = freshd::parse_freshctl_args(args);
  if (!invocation) {
    std::cerr << "freshctl: " << invocation.error().message << "\n";
    return freshd::kExitUsage;
  }
  if (invocation->version) {
    std::cout << "freshctl " << FRESHD_VERSION << "\n";
    return freshd::kExitOk;
  }
  if (invocation->help || !invocation->has_command) {
    (invocation->help ? std::cout : std::cerr)
        << (invocation->has_command ? freshd::freshctl_command_usage(invocation->request.command)
                                    : freshd::freshctl_usage());
    return invocation->help ? freshd::kExitOk : freshd::kExitUsage;
  }
  return freshd::run_freshctl(*invocation);
}
