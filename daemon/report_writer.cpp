#include "daemon/report_writer.h"

#include "daemon/atomic_file.h"
#include "daemon/runtime.h"

#include <dirent.h>
#include <unistd.h>

#include <algorithm>

namespace freshd {
namespace {

const char* const kPrefix = "stale-notes-";

// Weekly report files of one format in `dir`, oldest first (ISO week labels sort by time).
std::vector<std::string> weekly_files(const std::string& dir, const std::string& ext) {
  std::vector<std::string> out;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return out;
  const std::string suffix = "." + ext;
  while (const dirent* entry = ::readdir(d)) {
    const std::string name = entry->d_name;
    if (name.rfind(kPrefix, 0) == 0 && name.size() > suffix.size() &&
        name.compare(name.size() - suffix.size(), suffix.size(), suffix) == 0)
      out.push_back(name);
  }
  ::closedir(d);
  std::sort(out.begin(), out.end());
  return out;
}

Status write_one(const std::string& path, const std::string& ext, const std::string& text) {
  auto existing = read_file(path);
  if (!existing) return existing.error();
  if (*existing && !is_freshd_report(ext, **existing))
    return Error{path + " exists and was not written by freshd; freshd will not overwrite it — "
                        "move it away or set report.dir to another folder"};
  return write_file_atomically(path, text);
}

void prune(const std::string& dir, const std::string& ext, int keep) {
  auto files = weekly_files(dir, ext);
  if (static_cast<int>(files.size()) <= keep) return;
  files.resize(files.size() - static_cast<std::size_t>(keep));
  for (const auto& name : files) {
    const std::string path = dir + "/" + name;
    auto content = read_file(path);
    if (content && *content && is_freshd_report(ext, **content)) ::unlink(path.c_str());
  }
}

}  // namespace

bool is_freshd_report(const std::string& ext, const std::string& content) {
  const std::string head = content.substr(0, 4096);
  if (ext == "md") return head.find("generated_by: freshd") != std::string::npos;
  if (ext == "html") return head.find("<meta name=\"generator\" content=\"freshd") != std::string::npos;
  if (ext == "json")
    return head.find("\"schema\": \"freshd-report\"") != std::string::npos ||
           head.find("\"schema\":\"freshd-report\"") != std::string::npos;
  return false;
}

Result<std::vector<std::string>> write_report_files(const std::string& dir, const std::string& week,
                                                    const std::map<std::string, std::string>& rendered,
                                                    int keep) {
  if (auto s = ensure_directory(dir); !s) return Error{"report.dir: " + s.error().message};
  std::vector<std::string> written;
  for (const auto& [ext, text] : rendered) {
    for (const std::string& name : {std::string(kPrefix) + week + "." + ext,
                                    std::string("stale-notes.") + ext}) {
      const std::string path = dir + "/" + name;
      if (auto s = write_one(path, ext, text); !s) return s.error();
      written.push_back(path);
    }
    prune(dir, ext, keep);
  }
  return written;
}

}  // namespace freshd
