#include "model/store/metadata_codec.h"

#include "model/store/json_text.h"

namespace freshd {
namespace {

using nlohmann::json;

void write_text_fact(JsonText& out, std::string_view name, const std::optional<TextFact>& fact) {
  if (!fact) return;
  out.key(name);
  out.open('{');
  out.key("provenance");
  write_provenance(out, fact->provenance);
  out.key("value");
  out.string(fact->value);
  out.close('}');
}

void write_dated_fact(JsonText& out, std::string_view name,
                      const std::optional<DatedFact>& fact) {
  if (!fact) return;
  out.key(name);
  out.open('{');
  out.key("day");
  out.string(format_day(fact->date.day));
  out.key("instant");
  out.string(format_instant(fact->date.instant));
  out.key("precision");
  out.string(to_string(fact->date.precision));
  out.key("provenance");
  write_provenance(out, fact->provenance);
  out.key("value");
  out.string(format_date(fact->date));
  out.close('}');
}

void write_tags(JsonText& out, const std::vector<std::string>& tags) {
  out.key("tags");
  out.open('[');
  for (const std::string& tag : tags) {
    out.separate();
    out.string(tag);
  }
  out.close(']');
}

}  // namespace

void write_problems(JsonText& out, const std::vector<MetadataProblem>& problems) {
  out.key("problems");
  out.open('[');
  for (const MetadataProblem& problem : problems) {
    out.separate();
    out.open('{');
    out.key("key");
    out.string(problem.key);
    out.key("line");
    out.number(static_cast<long long>(problem.line));
    out.key("message");
    out.string(problem.message);
    out.close('}');
  }
  out.close(']');
}

void write_provenance(JsonText& out, const Provenance& provenance) {
  out.open('{');
  if (!provenance.key.empty()) {
    out.key("key");
    out.string(provenance.key);
  }
  if (provenance.line != 0) {
    out.key("line");
    out.number(static_cast<long long>(provenance.line));
  }
  out.key("raw");
  out.string(provenance.raw);
  out.key("source");
  out.string(to_string(provenance.kind));
  out.close('}');
}

std::string metadata_to_json_text(const NoteMetadata& metadata) {
  // The keys in byte order, as nlohmann's std::map keeps them.
  JsonText out;
  out.open('{');
  write_text_fact(out, "decay", metadata.decay);
  write_dated_fact(out, "edited", metadata.edited);
  write_text_fact(out, "owner", metadata.owner);
  write_problems(out, metadata.problems);
  write_dated_fact(out, "published", metadata.published);
  write_tags(out, metadata.tags);
  write_text_fact(out, "title", metadata.title);
  write_dated_fact(out, "validated", metadata.validated);
  out.close('}');
  return out.take();
}

json provenance_to_json(const Provenance& provenance) {
  json j = {{"source", std::string(to_string(provenance.kind))}};
  if (!provenance.key.empty()) j["key"] = provenance.key;
  if (provenance.line != 0) j["line"] = provenance.line;
  j["raw"] = provenance.raw;
  return j;
}

json date_fact_to_json(const DatedFact& fact) {
  return {{"value", format_date(fact.date)},
          {"precision", std::string(to_string(fact.date.precision))},
          {"provenance", provenance_to_json(fact.provenance)}};
}

}  // namespace freshd
