#include "process_runner.h"

#include <cerrno>
#include <chrono>
#include <csignal>
#include <cstring>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <thread>
#include <unistd.h>

namespace freshd::bench {
namespace {

struct Spawned {
  pid_t pid = -1;
  int exec_errno = 0;  // non-zero: the child could not exec and has exited
};

Error errno_error(const std::string& what) { return Error{what + ": " + std::strerror(errno)}; }

int open_output(const std::string& path) {
  return ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
}

// Between fork and exec only async-signal-safe calls: the argv array is built before.
[[noreturn]] void exec_child(char* const* args, int out_fd, int err_fd, int report_fd) {
  const int in_fd = ::open("/dev/null", O_RDONLY);
  if (in_fd < 0 || ::dup2(in_fd, 0) < 0 || ::dup2(out_fd, 1) < 0 || ::dup2(err_fd, 2) < 0) {
    const int e = errno;
    (void)!::write(report_fd, &e, sizeof e);
    ::_exit(127);
  }
  ::execvp(args[0], args);
  const int e = errno;
  (void)!::write(report_fd, &e, sizeof e);
  ::_exit(127);
}

// The exec error travels back through a close-on-exec pipe: EOF means exec succeeded.
Result<Spawned> spawn(const std::vector<std::string>& argv, int out_fd, int err_fd) {
  if (argv.empty()) return Error{"empty command"};
  std::vector<char*> args;
  for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
  args.push_back(nullptr);
  int report[2];
  if (::pipe2(report, O_CLOEXEC) != 0) return errno_error("pipe");
  const pid_t pid = ::fork();
  if (pid < 0) {
    ::close(report[0]);
    ::close(report[1]);
    return errno_error("fork " + argv[0]);
  }
  if (pid == 0) exec_child(args.data(), out_fd, err_fd, report[1]);
  ::close(report[1]);
  Spawned result{pid, 0};
  int e = 0;
  ssize_t n;
  while ((n = ::read(report[0], &e, sizeof e)) < 0 && errno == EINTR) {
  }
  ::close(report[0]);
  if (n == static_cast<ssize_t>(sizeof e)) result.exec_errno = e;
  return result;
}

struct Reaped {
  int status = 0;
  rusage usage{};
};

Reaped reap(pid_t pid) {
  Reaped r;
  while (::wait4(pid, &r.status, 0, &r.usage) < 0 && errno == EINTR) {
  }
  return r;
}

void fill_exit(int status, ProcessResult& out) {
  if (WIFEXITED(status)) out.exit_code = WEXITSTATUS(status);
  if (WIFSIGNALED(status)) out.signal = WTERMSIG(status);
}

}  // namespace

std::string command_line(const std::vector<std::string>& argv) {
  std::string out;
  for (const auto& a : argv) out += (out.empty() ? "" : " ") + a;
  return out;
}

Result<ProcessResult> run_process(const std::vector<std::string>& argv,
                                  const ProcessOptions& options) {
  const int out_fd = open_output(options.stdout_path);
  if (out_fd < 0) return errno_error(options.stdout_path);
  const int err_fd = open_output(options.stderr_path);
  if (err_fd < 0) {
    ::close(out_fd);
    return errno_error(options.stderr_path);
  }
  const auto start = std::chrono::steady_clock::now();
  auto spawned = spawn(argv, out_fd, err_fd);
  ::close(out_fd);
  ::close(err_fd);
  if (!spawned) return spawned.error();
  const Reaped reaped = reap(spawned->pid);
  const auto stop = std::chrono::steady_clock::now();
  ProcessResult result;
  result.wall_seconds = std::chrono::duration<double>(stop - start).count();
  result.max_rss_kib = reaped.usage.ru_maxrss;
  result.exec_failed = spawned->exec_errno != 0;
  fill_exit(reaped.status, result);
  return result;
}

Result<std::string> capture_stdout(const std::vector<std::string>& argv,
                                   const std::string& stderr_path) {
  int pipe_fds[2];
  if (::pipe2(pipe_fds, O_CLOEXEC) != 0) return errno_error("pipe");
  const int err_fd = open_output(stderr_path);
  if (err_fd < 0) return errno_error(stderr_path);
  auto spawned = spawn(argv, pipe_fds[1], err_fd);
  ::close(pipe_fds[1]);
  ::close(err_fd);
  if (!spawned) {
    ::close(pipe_fds[0]);
    return spawned.error();
  }
  std::string output;
  char buffer[65536];
  ssize_t n;
  while ((n = ::read(pipe_fds[0], buffer, sizeof buffer)) != 0) {
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    output.append(buffer, static_cast<std::size_t>(n));
  }
  ::close(pipe_fds[0]);
  const Reaped reaped = reap(spawned->pid);
  if (spawned->exec_errno != 0)
    return Error{"cannot run " + argv[0] + ": " + std::strerror(spawned->exec_errno)};
  if (!WIFEXITED(reaped.status) || WEXITSTATUS(reaped.status) != 0)
    return Error{command_line(argv) + " failed (status " + std::to_string(reaped.status) +
                 "); see " + stderr_path};
  return output;
}

Result<BackgroundProcess> BackgroundProcess::start(const std::vector<std::string>& argv,
                                                   const std::string& log_path) {
  const int log_fd = open_output(log_path);
  if (log_fd < 0) return errno_error(log_path);
  auto spawned = spawn(argv, log_fd, log_fd);
  ::close(log_fd);
  if (!spawned) return spawned.error();
  if (spawned->exec_errno != 0) {
    reap(spawned->pid);
    return Error{"cannot run " + argv[0] + ": " + std::strerror(spawned->exec_errno)};
  }
  return BackgroundProcess(spawned->pid);
}

BackgroundProcess::BackgroundProcess(BackgroundProcess&& other) noexcept
    : pid_(other.pid_), status_(other.status_) {
  other.pid_ = -1;
}

BackgroundProcess::~BackgroundProcess() {
  if (pid_ > 0) (void)stop();
}

bool BackgroundProcess::running() {
  if (pid_ <= 0) return false;
  const pid_t r = ::waitpid(pid_, &status_, WNOHANG);
  if (r == pid_) {
    pid_ = -1;
    return false;
  }
  return true;
}

Result<int> BackgroundProcess::stop() {
  if (!running()) return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
  ::kill(pid_, SIGTERM);
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
  while (running()) {
    if (std::chrono::steady_clock::now() > deadline) {
      ::kill(pid_, SIGKILL);
      reap(pid_);
      pid_ = -1;
      return Error{"the daemon did not stop within 10 s of SIGTERM and was killed"};
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
  }
  return WIFEXITED(status_) ? WEXITSTATUS(status_) : -1;
}

}  // namespace freshd::bench
