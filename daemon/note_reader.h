// Reading one note file and extracting its metadata. Thread-safe: the scanner calls it
// from its worker threads.
#pragma once

#include "model/metadata_extractor.h"
#include "model/store/note_store.h"

#include <cstdint>
#include <string>

namespace freshd {

struct ReadOptions {
  ExtractOptions extract;
  std::int64_t max_file_bytes = 8 * 1024 * 1024;
};

// Reads `root`/`path` once (never through a symlink), fingerprints and extracts it. The
// stamp is taken from the open file, so it matches the bytes read. A file that cannot be
// read, or is larger than max_file_bytes, becomes a note with one problem saying so and
// what to do; a file that vanished returns nullopt.
std::optional<ObservedNote> read_note(const std::string& root, const std::string& path,
                                      const ReadOptions& options);

// Reads notes of one vault as read_note does, for one thread at a time, keeping the vault
// open between notes (opening it again for each note was a third of the cost of opening,
// stat-ing and reading one). `root` and `options` must outlive the reader.
class NoteReader {
 public:
  NoteReader(const std::string& root, const ReadOptions& options);
  ~NoteReader();
  NoteReader(const NoteReader&) = delete;
  NoteReader& operator=(const NoteReader&) = delete;

  std::optional<ObservedNote> read(const std::string& path);

 private:
  const std::string& root_;
  const ReadOptions& options_;
  int root_fd_ = -1;
  int root_errno_ = 0;  // why root_fd_ is -1
};

}  // namespace freshd
