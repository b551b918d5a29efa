// Words and numbers of the report shared by its Markdown and HTML forms, as plain text
// (the renderers escape it for their format).
#pragma once

#include "reports/report.h"

#include <string>

namespace freshd::report_text {

// "42%": freshness (0..1) as a whole percentage.
std::string percent(double freshness);

// "+2", "-1", "0".
std::string signed_number(int n);

// "1 day", "12 days".
std::string days(int n);

// "fast (30 days)", "90d (90 days)", "evergreen".
std::string decay(const ReportNote& note);

// "validated 2026-01-02", "published 2025-03-01", "first seen 2026-11-20T08:00:00Z".
std::string anchor(const ReportNote& note);

// Where the anchor was read: "front matter last_validated, line 3", "freshctl validate",
// "file name", "text, line 5", "first seen by freshd".
std::string source(const ReportNote& note);

// "ai/x.md:3", or "ai/x.md" for a problem about the whole file.
std::string location(const ReportProblem& problem);

// The owner, or "—" when the note names none.
std::string owner(const std::string& owner);

}  // namespace freshd::report_text
