// Turning a decoded request into a call on the VaultService. Argument checking lives
// here; the work lives in the service. Never throws.
#pragma once

#include "daemon/control_protocol.h"
#include "daemon/vault_service.h"

#include <functional>

namespace freshd {

struct HandlerHooks {
  // Called for `reload`; returns an error reply when the new configuration is refused.
  std::function<Reply()> reload;
  // Told how far `recheck` has read (freshctl's progress bar when it works in-process).
  ScanProgress progress;
};

Reply handle_request(const Request& request, VaultService& service,
                     const HandlerHooks& hooks = {});

}  // namespace freshd
