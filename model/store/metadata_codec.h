// NoteMetadata <-> JSON, as the store keeps it and as `--json` output shows provenance.
#pragma once

#include "model/note_metadata.h"
#include "model/result.h"

#include <nlohmann/json.hpp>

namespace freshd {

nlohmann::json provenance_to_json(const Provenance& provenance);
nlohmann::json date_fact_to_json(const DatedFact& fact);  // {"value": "...", "provenance": {...}, "precision": "..."}
nlohmann::json metadata_to_json(const NoteMetadata& metadata);

// metadata_to_json(metadata).dump() with invalid UTF-8 replaced by U+FFFD, byte for byte,
// written directly: a scan encodes every note it reads, and building the JSON tree first
// cost more than extracting the metadata.
std::string metadata_to_json_text(const NoteMetadata& metadata);

// Errors when the JSON is not what metadata_to_json wrote.
Result<NoteMetadata> metadata_from_json(const nlohmann::json& json);

}  // namespace freshd
