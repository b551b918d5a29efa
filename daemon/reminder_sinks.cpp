#include "daemon/reminder_sinks.h"

#include "daemon/atomic_file.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <thread>

namespace freshd {

Status write_inbox(const std::string& file, const Digest& digest) {
  auto existing = read_file(file);
  if (!existing) return existing.error();
  if (*existing && (*existing)->find(kGeneratedMarker) == std::string::npos)
    return Error{file + " exists and was not written by freshd; freshd will not overwrite it — "
                        "move it away or choose another reminders.inbox"};
  return write_file_atomically(file, inbox_markdown(digest));
}

Result<int> run_exec(const std::string& command, const std::string& input,
                     std::chrono::seconds timeout) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0)
    return Error{std::string("reminders.exec: pipe: ") + std::strerror(errno)};
  const pid_t pid = ::fork();
  // SIGPIPE is ignored process-wide by freshd, so a command that closes its input early
  // gives EPIPE here instead of killing the daemon.
  if (pid < 0) {
    ::close(pipe_fds[0]);
    ::close(pipe_fds[1]);
    return Error{std::string("reminders.exec: fork: ") + std::strerror(errno)};
  }
  if (pid == 0) {
    ::setpgid(0, 0);  // its own group, so a timeout kills its children too
    ::dup2(pipe_fds[0], STDIN_FILENO);
    ::dup2(STDERR_FILENO, STDOUT_FILENO);
    ::execl("/bin/sh", "sh", "-c", command.c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  ::setpgid(pid, pid);
  ::close(pipe_fds[0]);
  std::size_t done = 0;
  while (done < input.size()) {
    const ssize_t n = ::write(pipe_fds[1], input.data() + done, input.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) break;  // the command does not read its input: its business
    done += static_cast<std::size_t>(n);
  }
  ::close(pipe_fds[1]);
  const auto deadline = std::chrono::steady_clock::now() + timeout;
  int status = 0;
  for (;;) {
    const pid_t r = ::waitpid(pid, &status, WNOHANG);
    if (r == pid) break;
    if (r < 0 && errno != EINTR) return Error{std::string("reminders.exec: wait: ") + std::strerror(errno)};
    if (std::chrono::steady_clock::now() >= deadline) {
      ::kill(-pid, SIGKILL);
      ::waitpid(pid, &status, 0);
      return Error{"reminders.exec timed out after " + std::to_string(timeout.count()) +
                   " s and was killed (reminders.exec_timeout)"};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  if (WIFSIGNALED(status))
    return Error{"reminders.exec was killed by signal " + std::to_string(WTERMSIG(status))};
  return WEXITSTATUS(status);
}

}  // namespace freshd
