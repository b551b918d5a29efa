#include "vault_generator.h"

#include "note_content.h"

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <set>
#include <sys/stat.h>
#include <unistd.h>
#include <vector>

namespace freshd::bench {
namespace {

// One attachment per this many notes.
constexpr std::size_t kNotesPerAttachment = 25;

Error errno_error(const std::string& what) { return Error{what + ": " + std::strerror(errno)}; }

// mkdir -p of the file's parent folders, remembering what exists to save syscalls.
Status make_parents(const std::string& root, const std::string& relative,
                    std::set<std::string>& made) {
  for (std::size_t slash = relative.find('/'); slash != std::string::npos;
       slash = relative.find('/', slash + 1)) {
    const std::string folder = relative.substr(0, slash);
    if (made.count(folder)) continue;
    const std::string full = root + "/" + folder;
    if (::mkdir(full.c_str(), 0755) != 0 && errno != EEXIST) return errno_error("mkdir " + full);
    made.insert(folder);
  }
  return ok_status();
}

Status write_file(const std::string& path, const std::string& content) {
  const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return errno_error("open " + path);
  std::size_t done = 0;
  while (done < content.size()) {
    const ssize_t n = ::write(fd, content.data() + done, content.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      const Error e = errno_error("write " + path);
      ::close(fd);
      return e;
    }
    done += static_cast<std::size_t>(n);
  }
  if (::close(fd) != 0) return errno_error("close " + path);
  return ok_status();
}

Status put(const std::string& dir, const VaultFile& file, std::set<std::string>& made) {
  if (auto s = make_parents(dir, file.path, made); !s) return s;
  return write_file(dir + "/" + file.path, file.content);
}

void count_note(const VaultFile& file, VaultStats& stats, std::vector<std::size_t>& sizes) {
  ++stats.notes;
  stats.bytes += file.content.size();
  sizes.push_back(file.content.size());
  if (file.content.size() >= 50'000) ++stats.large_notes;
  if (file.content.empty()) ++stats.empty_notes;
  if (file.kind == FileKind::bad_note) ++stats.bad_notes;
}

}  // namespace

VaultGenerator::VaultGenerator(std::size_t notes, std::uint64_t seed) : notes_(notes), seed_(seed) {}

Result<VaultStats> VaultGenerator::write(const std::string& dir) const {
  if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) return errno_error("mkdir " + dir);
  VaultStats stats;
  std::set<std::string> made;
  std::vector<std::size_t> sizes;
  sizes.reserve(notes_);
  for (std::size_t i = 0; i < notes_; ++i) {
    const VaultFile file = make_note(seed_, i, notes_, 0);
    if (auto s = put(dir, file, made); !s) return s.error();
    count_note(file, stats, sizes);
  }
  for (std::size_t i = 0; i < notes_ / kNotesPerAttachment; ++i) {
    const VaultFile file = make_attachment(seed_, i, notes_);
    if (auto s = put(dir, file, made); !s) return s.error();
    ++stats.attachments;
    stats.bytes += file.content.size();
  }
  stats.folders = made.size();
  if (!sizes.empty()) {
    std::nth_element(sizes.begin(), sizes.begin() + sizes.size() / 2, sizes.end());
    stats.median_note_bytes = sizes[sizes.size() / 2];
  }
  return stats;
}

Result<std::size_t> VaultGenerator::rewrite_one_percent(const std::string& dir,
                                                        unsigned round) const {
  // Consecutive rounds use different residues modulo 100, hence different notes.
  const std::size_t residue = (static_cast<std::size_t>(round) * 37) % 100;
  std::set<std::string> made;
  std::size_t count = 0;
  for (std::size_t i = residue; i < notes_; i += 100) {
    if (auto s = put(dir, make_note(seed_, i, notes_, round + 1), made); !s) return s.error();
    ++count;
  }
  if (count == 0 && notes_ > 0) {
    if (auto s = put(dir, make_note(seed_, round % notes_, notes_, round + 1), made); !s)
      return s.error();
    ++count;
  }
  return count;
}

}  // namespace freshd::bench
