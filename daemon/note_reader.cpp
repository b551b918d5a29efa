#include "daemon/note_reader.h"

#include "model/content_hash.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace freshd {
namespace {

ObservedNote unreadable(const std::string& path, FileStamp stamp, std::string message) {
  ObservedNote note;
  note.path = path;
  note.stamp = stamp;
  note.metadata.problems.push_back({0, "", std::move(message)});
  return note;
}

FileStamp stamp_of(const struct stat& st) {
  return FileStamp{static_cast<std::int64_t>(st.st_size),
                   static_cast<std::int64_t>(st.st_mtim.tv_sec) * 1'000'000'000 +
                       st.st_mtim.tv_nsec};
}

bool read_all(int fd, std::string& bytes, std::size_t size) {
  bytes.resize(size);
  std::size_t done = 0;
  while (done < size) {
    const ssize_t n = ::read(fd, bytes.data() + done, size - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) return false;
    if (n == 0) break;  // the file shrank under us: keep what is there
    done += static_cast<std::size_t>(n);
  }
  bytes.resize(done);
  return true;
}

}  // namespace

std::optional<ObservedNote> read_note(const std::string& root, const std::string& path,
                                      const ReadOptions& options) {
  const std::string full = root + "/" + path;
  const int fd = ::open(full.c_str(), O_RDONLY | O_NOFOLLOW | O_CLOEXEC | O_NOCTTY);
  if (fd < 0) {
    if (errno == ENOENT) return std::nullopt;
    return unreadable(path, {}, std::string("cannot read: ") + std::strerror(errno) +
                                    "; fix its permissions or exclude it");
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return unreadable(path, {}, "not a regular file");
  }
  const FileStamp stamp = stamp_of(st);
  if (st.st_size > options.max_file_bytes) {
    ::close(fd);
    return unreadable(path, stamp,
                      "file of " + std::to_string(st.st_size) + " bytes is larger than " +
                          "vault.max_file_bytes (" + std::to_string(options.max_file_bytes) +
                          "); not read — raise the limit or exclude it");
  }
  std::string bytes;
  const bool ok = read_all(fd, bytes, static_cast<std::size_t>(st.st_size));
  const int read_errno = errno;
  ::close(fd);
  if (!ok)
    return unreadable(path, stamp, std::string("cannot read: ") + std::strerror(read_errno));
  ObservedNote note;
  note.path = path;
  note.stamp = stamp;
  note.hash = content_hash(bytes);
  note.metadata = extract_metadata(path, bytes, options.extract);
  return note;
}

}  // namespace freshd
