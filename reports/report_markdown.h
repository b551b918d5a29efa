// The report as a Markdown note for the vault (Obsidian-friendly). Pure: a Report in, the
// note's text out.
//
// Front matter marks it as freshd's (generated_by: freshd, week, generated_at, since,
// vault, tags: [freshd-report]). Then: the status counts with their change, what changed
// in the period, stale notes, notes due in the next 7 days, undated notes, snoozed notes,
// metadata problems, counts by folder and by owner, and the 12-week trend as a table.
// Notes are [[wikilinks]] (see markdown_text.h), every table has a blank line before it,
// and every text from a note is escaped so it renders as written.
#pragma once

#include "reports/report.h"

#include <string>

namespace freshd {

std::string render_markdown(const Report& report);

}  // namespace freshd
