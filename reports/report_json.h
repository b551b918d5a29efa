// The report as JSON, for scripts. Pure: a Report in, a document out.
//
// Schema "freshd-report", version 1. A new version is issued when a field is removed or
// changes meaning; fields may be added within a version. Instants are
// "YYYY-MM-DDTHH:MM:SSZ" (UTC), days "YYYY-MM-DD"; "none" is null.
//
// {
//   "schema": "freshd-report",
//   "version": 1,
//   "vault": string,                 the vault's path
//   "week": "2026-W48",              ISO week the report is filed under
//   "generated_at": instant,
//   "generated_at_local": "2026-11-30T09:00:00+01:00",  in "timezone"
//   "timezone": "Europe/Berlin",     IANA name of the report's zone
//   "period": {"since": instant, "until": instant},     the changes cover (since, until]
//   "counts": counts,                live notes by status
//   "change": counts | null,         counts minus the previous report's; null for a first
//   "changes": {
//     "newly_stale": list of note,   stale now, not stale at "since"; most overdue first
//     "validated": list of event,    latest validation per note, newest first
//     "new": list of event,          first seen in the period, newest first
//     "deleted": list of event       deleted in the period, newest first
//   },
//   "stale": list of note,           most overdue first
//   "due_soon": list of note,        due within 7 days, soonest first
//   "undated": list of note,         by path
//   "snoozed": list of note,         snoozed after "until", by snooze end
//   "problems": list of problem,     by path, then line
//   "by_folder": [group],            top-level folder ("(root)" for the vault's root)
//   "by_owner": [group],             owner ("(none)" for notes without one)
//   "trend": [week]                  12 weeks, oldest first
// }
// counts:  {"fresh", "due", "stale", "evergreen", "undated", "total"}: integers
// list of X: {"total": int, "omitted": int, "items": [X]}: lists are capped at
//          report.max_items; "omitted" = total - items
// note:    {"path", "title", "status", "owner": string | null,
//           "anchor": {"kind": "validated" | "published" | "first_seen",
//                      "date": day | instant, "source": a provenance kind
//                      ("yaml_front_matter", "command", ...), "key": string | null,
//                      "line": int | null},
//           "decay": as written or resolved, "interval_days": int | null (evergreen),
//           "due": day | null, "days_overdue": int, "freshness": 0..1 (4 decimals),
//           "snoozed_until": instant | null}
// event:   {"path", "title", "at": instant, "detail": string}
// problem: {"path", "line": int | null (whole file), "key": string | null, "message", "hint"}
// group:   {"name", "stale": int, "total": int}
// week:    {"week": "2026-W48", "end": instant, "fresh": int, "due": int, "stale": int}
#pragma once

#include "model/result.h"
#include "reports/report.h"

#include <nlohmann/json.hpp>

#include <string>

namespace freshd {

// Keys in the order above.
nlohmann::ordered_json report_to_json(const Report& report);

// report_to_json, indented by 2, with a final newline. Bytes that are not UTF-8 (file
// names may hold any) are written as U+FFFD instead of failing.
std::string render_json(const Report& report);

// The "counts" object, so a caller can keep a report's counts for the next one.
nlohmann::ordered_json status_counts_to_json(const StatusCounts& counts);
// Errors name the missing or non-integer field.
Result<StatusCounts> status_counts_from_json(const nlohmann::json& json);

}  // namespace freshd
