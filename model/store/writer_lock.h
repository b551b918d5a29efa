// The advisory lock that makes one process the store's only writer (DESIGN.md: the daemon
// when it runs, otherwise freshctl itself).
#pragma once

#include "model/result.h"

#include <string>

namespace freshd {

class WriterLock {
 public:
  // Takes an exclusive flock on `lock_file` (created 0600 if missing) without waiting.
  // Errors: held by another process (message names the file and the holder's pid when
  // known), or the file cannot be created.
  static Result<WriterLock> acquire(const std::string& lock_file);

  WriterLock(WriterLock&& other) noexcept;
  WriterLock& operator=(WriterLock&& other) noexcept;
  WriterLock(const WriterLock&) = delete;
  WriterLock& operator=(const WriterLock&) = delete;
  ~WriterLock();

 private:
  explicit WriterLock(int fd) : fd_(fd) {}
  int fd_ = -1;
};

}  // namespace freshd
