// Runs the programs under test as whole processes: fork/exec, wait4 for the wall time and
// the peak resident set, output to files (usually /dev/null) so that printing costs the
// same for every tool. Test code: plain POSIX, one process at a time per call.
#pragma once

#include "model/result.h"

#include <string>
#include <sys/types.h>
#include <vector>

namespace freshd::bench {

struct ProcessOptions {
  std::string stdout_path = "/dev/null";
  std::string stderr_path = "/dev/null";
};

struct ProcessResult {
  int exit_code = -1;        // -1 when the process was killed by a signal
  int signal = 0;            // the signal that killed it, 0 when it exited
  double wall_seconds = 0;   // fork to reaped, steady clock
  long max_rss_kib = 0;      // ru_maxrss of the child
  bool exec_failed = false;  // the program could not be started (not found, not executable)
};

// Runs argv[0] (looked up in PATH when it has no '/') to completion. Fails only when the
// process could not be created; a non-zero exit is reported in the result.
Result<ProcessResult> run_process(const std::vector<std::string>& argv,
                                  const ProcessOptions& options = {});

// Runs argv to completion and returns its standard output; an error names the command
// and its exit status (with the stderr file to read) when it did not exit 0.
Result<std::string> capture_stdout(const std::vector<std::string>& argv,
                                   const std::string& stderr_path = "/dev/null");

// "prog arg1 arg2", for messages.
std::string command_line(const std::vector<std::string>& argv);

// A long-running child (the daemon). Its output goes to log_path. The destructor sends
// SIGTERM and, if it has not exited after a few seconds, SIGKILL, then reaps it.
class BackgroundProcess {
 public:
  static Result<BackgroundProcess> start(const std::vector<std::string>& argv,
                                         const std::string& log_path);
  BackgroundProcess(BackgroundProcess&& other) noexcept;
  BackgroundProcess& operator=(BackgroundProcess&&) = delete;
  BackgroundProcess(const BackgroundProcess&) = delete;
  ~BackgroundProcess();

  pid_t pid() const { return pid_; }
  // True while the child has not exited (reaps it when it has).
  bool running();
  // SIGTERM and wait; returns the exit code, or an error if it had to be killed.
  Result<int> stop();

 private:
  explicit BackgroundProcess(pid_t pid) : pid_(pid) {}
  pid_t pid_ = -1;
  int status_ = 0;
};

}  // namespace freshd::bench
