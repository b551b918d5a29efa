#include "daemon/note_reader.h"

#include "daemon/vault_walker.h"
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
  return NoteReader(root, options).read(path);
}

NoteReader::NoteReader(const std::string& root, const ReadOptions& options)
    : root_(root), options_(options),
      root_fd_(::open(root.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC)), root_errno_(errno) {}

NoteReader::~NoteReader() {
  if (root_fd_ >= 0) ::close(root_fd_);
}

std::optional<ObservedNote> NoteReader::read(const std::string& path) {
  if (root_fd_ < 0) {
    return unreadable(path, {},
                      "cannot open the vault " + root_ + ": " + std::strerror(root_errno_));
  }
  // Never through a symbolic link, even one swapped in since the walk; O_NONBLOCK: a file
  // replaced by a FIFO since the walk must not block the scan in open(2) (fstat refuses it).
  const int fd = open_in_vault(root_fd_, path, O_RDONLY | O_NONBLOCK | O_NOCTTY);
  const int open_errno = errno;
  if (fd < 0) {
    if (open_errno == ENOENT) return std::nullopt;
    if (open_errno == ELOOP)
      return unreadable(path, {}, "a symbolic link now stands on its path; not followed");
    return unreadable(path, {}, std::string("cannot read: ") + std::strerror(open_errno) +
                                    "; fix its permissions or exclude it");
  }
  struct stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    ::close(fd);
    return unreadable(path, {}, "not a regular file");
  }
  const FileStamp stamp = stamp_of(st);
  if (st.st_size > options_.max_file_bytes) {
    ::close(fd);
    return unreadable(path, stamp,
                      "file of " + std::to_string(st.st_size) + " bytes is larger than " +
                          "vault.max_file_bytes (" + std::to_string(options_.max_file_bytes) +
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
  note.metadata = extract_metadata(path, bytes, options_.extract);
  return note;
}

}  // namespace freshd
