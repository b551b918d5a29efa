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
// symlink loops cannot occur. Links that would name a note or a folder (loops and dangling
// ones included) and special files named like notes are reported as problems and skipped.
// Folders are listed by `threads` threads (the caller's among them); the result does not
// depend on how many: problems come sorted by path too. Errors only when `root` itself
// cannot be opened.
Result<WalkResult> walk_vault(const std::string& root, const WalkFilter& filter,
                              unsigned threads = 1);

// Stamps of the given vault-relative paths (for `recheck PATH...` and the watcher): files
// that do not exist are left out; a path that is not a selected note file is an Error
// naming it; a symbolic link, a path through one, or a special file is a problem naming
// it (skipped, as the full walk skips it), so one such path does not fail the others.
Result<WalkResult> stat_paths(const std::string& root, const std::vector<std::string>& paths,
                              const WalkFilter& filter);

// Opens the vault-relative `path` below the open folder `root_fd` one component at a time,
// following no symbolic link on the way (O_NOFOLLOW on every component): a path that
// leaves the vault through a link fails with ELOOP or ENOTDIR, one with a ".." or empty
// component with EINVAL. `flags` are open(2) flags for the last component. Returns the
// descriptor (the caller closes it), or -1 with errno set.
int open_in_vault(int root_fd, const std::string& path, int flags);

}  // namespace freshd
