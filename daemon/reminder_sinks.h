// Where reminder digests go besides the log: the inbox note in the vault and the user's
// exec hook. Both are blocking; the daemon runs them off the event loop.
#pragma once

#include "model/result.h"
#include "reports/reminder_digest.h"

#include <chrono>
#include <string>

namespace freshd {

// Rewrites the inbox note at `file` atomically with `digest`. Refuses (Error) to touch a
// file that exists but was not created by freshd (no generated_by marker).
Status write_inbox(const std::string& file, const Digest& digest);

// Runs `command` through /bin/sh with `input` on its standard input; its output goes to
// freshd's stderr (the journal). Returns the exit status; an Error when it could not be
// started, was killed by a signal, or ran longer than `timeout` (it is then killed).
Result<int> run_exec(const std::string& command, const std::string& input,
                     std::chrono::seconds timeout);

}  // namespace freshd
