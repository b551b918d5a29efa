// NoteMetadata <-> JSON, as the store keeps it and as `--json` output shows provenance.
// Writing is here (metadata_codec.cpp); reading, in metadata_reader.cpp.
#pragma once

#include "model/note_metadata.h"
#include "model/result.h"

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace freshd {

class JsonText;

nlohmann::json provenance_to_json(const Provenance& provenance);
nlohmann::json date_fact_to_json(const DatedFact& fact);  // {"value": "...", "provenance": {...}, "precision": "..."}
// provenance_to_json's object, written as text: {"key", "line" (when set), "raw", "source"}.
void write_provenance(JsonText& out, const Provenance& provenance);
// The member "problems": [{"key", "line", "message"}, ...], written as text.
void write_problems(JsonText& out, const std::vector<MetadataProblem>& problems);

// The stored form of a note's metadata: one line of JSON, keys in byte order, written
// directly (a scan encodes every note it reads; building a JSON tree first cost more than
// extracting the metadata). Bytes that are not UTF-8 become U+FFFD.
//   {"decay":F,"edited":D,"owner":F,"problems":[{"key","line","message"}],"published":D,
//    "tags":[...],"title":F,"validated":D}
// F (a text fact) is {"provenance":P,"value":"..."}; D (a dated fact) is {"day":"YYYY-MM-DD",
// "instant":"YYYY-MM-DDTHH:MM:SSZ","precision":"day|month|instant","provenance":P,
// "value":format_date}; absent facts are left out.
std::string metadata_to_json_text(const NoteMetadata& metadata);

// Reads the text metadata_to_json_text wrote, without building a JSON tree. Anything else
// (not JSON, a wrong type, a missing member, an unknown source or precision, a bad date) is
// an Error naming the top-level field ("stored note metadata is malformed: 'validated' ...").
// Keys the writer does not write are skipped, their values unread (a key spelled with
// escapes is one of them). Never throws (short of running out of memory). Any thread may
// call it: each thread reuses its own parser and buffer.
Result<NoteMetadata> metadata_from_json_text(std::string_view text);

}  // namespace freshd
