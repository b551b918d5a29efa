// Writing a rendered report into the report folder: one file per format and ISO week
// (stale-notes-2026-W48.md) plus the latest (stale-notes.md), each written atomically.
// freshd never overwrites a file it did not create, and keeps report.keep weekly files per
// format, deleting only older ones it created.
#pragma once

#include "model/result.h"

#include <map>
#include <string>
#include <vector>

namespace freshd {

// True when `content` carries the mark freshd puts in a report of format `ext`
// ("md", "html", "json").
bool is_freshd_report(const std::string& ext, const std::string& content);

// `rendered` maps a format ("md", "html", "json") to its text. Creates `dir` if needed.
// Returns the files written. Errors name the file and what to do; files written before an
// error stay.
Result<std::vector<std::string>> write_report_files(const std::string& dir, const std::string& week,
                                                    const std::map<std::string, std::string>& rendered,
                                                    int keep);

}  // namespace freshd
