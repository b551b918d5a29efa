// One file of the synthetic vault: its vault-relative path and its bytes, both pure
// functions of (seed, index, revision). The path and the metadata depend only on
// (seed, index); the revision changes the body, which is how the benchmark "edits" a note.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace freshd::bench {

enum class FileKind {
  note,        // a well-formed note in one of the metadata formats
  bad_note,    // a note freshd must report: broken front matter, bad value, binary, bad UTF-8
  attachment,  // a binary file outside the default include (an image)
};

struct VaultFile {
  std::string path;  // relative to the vault, '/'-separated
  std::string content;
  FileKind kind = FileKind::note;
};

// Note `index` (0 <= index < notes) of a vault of `notes` notes.
VaultFile make_note(std::uint64_t seed, std::size_t index, std::size_t notes, unsigned revision);

// Attachment `index`; they live next to the notes, in the same folders.
VaultFile make_attachment(std::uint64_t seed, std::size_t index, std::size_t notes);

}  // namespace freshd::bench
