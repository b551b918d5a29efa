#include "model/store/writer_lock.h"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <optional>
#include <utility>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace freshd {
namespace {

std::string directory_of(const std::string& file) {
  const auto slash = file.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return file.substr(0, slash);
}

// The holder writes its pid right after locking, so it may be missing for a moment.
std::optional<long> read_holder_pid(int fd) {
  char buffer[32] = {};
  const ssize_t n = ::pread(fd, buffer, sizeof buffer - 1, 0);
  if (n <= 0) return std::nullopt;
  char* end = nullptr;
  const long pid = std::strtol(buffer, &end, 10);
  if (end == buffer || pid <= 0) return std::nullopt;
  return pid;
}

Error held_elsewhere(const std::string& lock_file, std::optional<long> pid) {
  const std::string holder =
      pid ? "another freshd process (pid " + std::to_string(*pid) + ")" : "another freshd process";
  return Error{holder + " is writing to " + directory_of(lock_file) +
               "; stop it or use it (freshctl talks to it)"};
}

void write_own_pid(int fd) {
  const std::string pid = std::to_string(::getpid()) + "\n";
  // The pid only improves the message another process shows; failing to write it is harmless.
  if (::ftruncate(fd, 0) == 0) {
    [[maybe_unused]] const ssize_t written = ::pwrite(fd, pid.data(), pid.size(), 0);
  }
}

}  // namespace

Result<WriterLock> WriterLock::acquire(const std::string& lock_file) {
  const int fd = ::open(lock_file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) {
    return Error{"cannot create the writer lock " + lock_file + ": " + std::strerror(errno)};
  }
  if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
    const int error = errno;
    const auto pid = read_holder_pid(fd);
    ::close(fd);
    if (error == EWOULDBLOCK) return held_elsewhere(lock_file, pid);
    return Error{"cannot lock " + lock_file + ": " + std::strerror(error)};
  }
  write_own_pid(fd);
  return WriterLock(fd);
}

WriterLock::WriterLock(WriterLock&& other) noexcept : fd_(std::exchange(other.fd_, -1)) {}

WriterLock& WriterLock::operator=(WriterLock&& other) noexcept {
  if (this != &other) {
    WriterLock released(std::move(*this));
    fd_ = std::exchange(other.fd_, -1);
  }
  return *this;
}

WriterLock::~WriterLock() {
  if (fd_ < 0) return;
  // A stale pid in the file would mislead nobody (it is read only while locked), but an
  // empty file tells a reader plainly that nobody holds the lock.
  [[maybe_unused]] const int truncated = ::ftruncate(fd_, 0);
  ::close(fd_);
}

}  // namespace freshd
