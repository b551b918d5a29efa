// freshd: the service that keeps a vault's notes honest about time.
#include "daemon/freshd_app.h"

#include <iostream>

int main(int argc, char** argv) {
  auto options = freshd::parse_freshd_args(std::vector<std::string>(argv + 1, argv + argc));
  if (!options) {
    std::cerr << "freshd: " << options.error().message << "\n";
    return 2;
  }
  if (options->version) {
    std::cout << "freshd " << FRESHD_VERSION << "\n";
    return 0;
  }
  if (options->help) {
    std::cout << freshd::freshd_usage();
    return 0;
  }
  return freshd::run_freshd(*options);
}
