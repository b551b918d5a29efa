// Listing the vault's note files with their stamps (size, mtime), without reading them.
#pragma once

#include "model/store/note_store.h"

#include <string>
#include <vector>

namespace freshd {

struct WalkedFile {
  std::string path;  // relative to the vault root, '/'-separated
  FileStamp stamp;
};

// Something the walk could not look at (an unreadable folder): reported, then skipped.
struct WalkProblem {
  std::string path;
  std::string message;
};

struct WalkResult {
  std::vector<WalkedFile> files;  // sorted by path
  std::vector<WalkProblem> problems;
};

// Which files are notes: vault.include globs minus vault.exclude globs (see glob.h), plus
// freshd's own files (report folder, inbox note, temporary files) always left out.
struct WalkFilter {
  std::vector<std::string> include;
  std::vector<std::string> exclude;
  std::vector<std::string> own_paths;  // vault-relative files or folders ("x/") freshd writes

  bool excludes_dir(const std::string& rel_dir) const;
  bool selects_file(const std::string& rel_path) const;
};

// Walks `root` with openat/fstatat. Symbolic links are never followed (a link's target in
// the vault is indexed under its own path; targets outside the vault are never read), so
// symlink loops cannot occur. Errors only when `root` itself cannot be opened.
Result<WalkResult> walk_vault(const std::string& root, const WalkFilter& filter);

// Stamps of the given vault-relative paths (for `recheck PATH...`): files that do not
// exist are left out; a path that is not a selected note file is an Error naming it.
Result<WalkResult> stat_paths(const std::string& root, const std::vector<std::string>& paths,
                              const WalkFilter& filter);

}  // namespace freshd
