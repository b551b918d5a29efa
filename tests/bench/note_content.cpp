#include "note_content.h"

#include "sample_dates.h"

#include <array>
#include <random>
#include <string_view>

namespace freshd::bench {
namespace {

// Values come from the engine's raw output with our own arithmetic, so the vault is the
// same with every standard library (the distributions are not specified bit-exactly).
class Draw {
 public:
  explicit Draw(std::uint64_t seed) : engine_(seed) {}
  std::uint64_t below(std::uint64_t n) { return engine_() % n; }
  bool percent(unsigned p) { return below(100) < p; }
  unsigned char byte() { return static_cast<unsigned char>(engine_() >> 56); }

 private:
  std::mt19937_64 engine_;
};

std::uint64_t splitmix(std::uint64_t x) {
  x += 0x9e3779b97f4a7c15ULL;
  x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
  x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
  return x ^ (x >> 31);
}

std::uint64_t stream_seed(std::uint64_t seed, std::uint64_t index, std::uint64_t stream) {
  return splitmix(seed ^ splitmix(index * 0x10000 + stream));
}

constexpr std::array<std::string_view, 64> kWords{
    "vault",   "note",     "latency", "cache",    "scaling", "proof",   "theorem", "kernel",
    "backup",  "restore",  "deploy",  "rollback", "paper",   "model",   "token",   "sparse",
    "router",  "queue",    "index",   "schema",   "replica", "quorum",  "lease",   "shard",
    "budget",  "roadmap",  "retro",   "meeting",  "recipe",  "flour",   "water",   "oven",
    "garden",  "compost",  "bicycle", "chain",    "gear",    "travel",  "train",   "ticket",
    "review",  "summary",  "draft",   "outline",  "figure",  "table",   "source",  "quote",
    "the",     "a",        "of",      "and",      "to",      "in",      "with",    "for",
    "is",      "was",      "on",      "that",     "by",      "from",    "as",      "it"};

constexpr std::array<std::string_view, 12> kAreas{
    "ai", "infra", "math", "news", "projects", "people",
    "reading", "cooking", "meetings", "research", "archive", "clips"};

constexpr std::array<std::string_view, 7> kDecays{"fast", "medium", "slow", "evergreen",
                                                  "90d", "6 months", "P3M"};
constexpr std::array<std::string_view, 3> kOwners{"maria", "dmitri", "lena"};

enum class Format {
  yaml, toml, inline_fields, plain_fields, prose_month_first, prose_day_first, javascript,
  rfc2822, jekyll_post, daily_note, undated_clip, broken_front_matter, bad_value, binary,
  invalid_utf8,
};

// Per mille; the order matches Format.
constexpr std::array<unsigned, 15> kFormatWeights{270, 90, 90, 90, 55, 55, 40, 40,
                                                  60,  60, 75, 30, 35, 5,  5};

Format pick_format(Draw& d) {
  std::uint64_t r = d.below(1000);
  for (std::size_t i = 0; i < kFormatWeights.size(); ++i) {
    if (r < kFormatWeights[i]) return static_cast<Format>(i);
    r -= kFormatWeights[i];
  }
  return Format::yaml;
}

std::string word(Draw& d) { return std::string(kWords[d.below(kWords.size())]); }

std::string padded(std::size_t index) {
  std::string digits = std::to_string(index);
  return std::string(digits.size() < 6 ? 6 - digits.size() : 0, '0') + digits;
}

std::size_t folder_count(std::size_t notes) { return notes / 40 > 0 ? notes / 40 : 1; }

// Folder f maps to a distinct path two to five levels deep.
std::string folder_path(std::size_t f) {
  std::string path = std::string(kAreas[f % kAreas.size()]) + "/t" + std::to_string((f / 12) % 20);
  if (f >= 240) path += "/s" + std::to_string(f / 240);
  if (f >= 240 && f % 5 == 0) path += "/archive/old";
  return path;
}

std::string note_path(Draw& d, Format format, std::size_t index, std::size_t notes, int day) {
  const std::string block = std::to_string(index / 1000);
  if (format == Format::jekyll_post)
    return "_posts/" + block + "/" + iso_day(day) + "-note-" + padded(index) + ".md";
  // Daily notes are named by their date only; within a block of 1000 indices the dates differ.
  if (format == Format::daily_note)
    return "daily/" + block + "/" + iso_day(kFirstDay + static_cast<int>(index % 1000)) + ".md";
  const std::uint64_t e = d.below(100);
  const char* extension = e < 5 ? ".txt" : e < 8 ? ".markdown" : ".md";
  return folder_path(d.below(folder_count(notes))) + "/note-" + padded(index) + "-" + word(d) +
         extension;
}

std::string title(Draw& d, std::size_t index) {
  return "Note " + std::to_string(index) + " on " + word(d) + " " + word(d);
}

std::string yaml_header(Draw& d, std::size_t index, int day) {
  std::string out = "---\ntitle: \"" + title(d, index) + "\"\n";
  out += "date: " + (d.percent(30) ? iso_instant(day) : iso_day(day)) + "\n";
  if (d.percent(70)) out += "last_validated: " + iso_day(day + static_cast<int>(d.below(400))) + "\n";
  if (d.percent(50)) out += "decay_rate: " + std::string(kDecays[d.below(kDecays.size())]) + "\n";
  out += "tags: [" + word(d) + ", " + word(d) + "]\n";
  if (d.percent(30)) out += "owner: " + std::string(kOwners[d.below(kOwners.size())]) + "\n";
  return out + "---\n\n";
}

std::string toml_header(Draw& d, std::size_t index, int day) {
  std::string out = "+++\ntitle = \"" + title(d, index) + "\"\ndate = " + iso_utc_instant(day) +
                    "\nlastmod = " + iso_day(day + static_cast<int>(d.below(300))) + "\n";
  if (d.percent(30)) out += "decay = \"1y\"\n";
  return out + "+++\n\n";
}

std::string inline_header(Draw& d, std::size_t index, int day) {
  std::string out = "# " + title(d, index) + "\n\ncreated:: " + iso_day(day) + "\n";
  if (d.percent(60)) out += "reviewed:: " + iso_day(day + static_cast<int>(d.below(300))) + "\n";
  out += "\n";
  if (d.percent(30))
    out += "Checked again [last_validated:: " + iso_day(day + static_cast<int>(d.below(300))) +
           "] after the " + word(d) + " update.\n\n";
  return out;
}

std::string plain_header(Draw& d, std::size_t index, int day) {
  std::string out = d.percent(60) ? "last_validated: " + iso_day(day) + " decay_rate: slow\n"
                                  : "date: " + iso_day(day) + "\n";
  if (d.percent(40)) out += "owner: " + std::string(kOwners[d.below(kOwners.size())]) + "\n";
  return out + "\n# " + title(d, index) + "\n\n";
}

std::string broken_header(Draw& d, std::size_t index, int day) {
  switch (d.below(3)) {
    case 0: return "---\ntitle: " + title(d, index) + "\nsummary: a: b: c\n---\n\n";
    case 1: return "---\ntitle: unterminated front matter\ndate: " + iso_day(day) + "\n\n";
    default: return "---\ntags: [unclosed, list\n---\n\n";
  }
}

std::string bad_value_header(Draw& d, std::size_t index) {
  static constexpr std::array<std::string_view, 5> kBad{
      "date: 2026-02-30", "decay_rate: sloww", "date: \"{{ .Date }}\"", "date: 2031-06-01",
      "date: Wednesday, September 15, 2026"};
  return "---\ntitle: \"" + title(d, index) + "\"\n" + std::string(kBad[d.below(kBad.size())]) +
         "\n---\n\n";
}

std::string header(Draw& d, Format format, std::size_t index, int day) {
  switch (format) {
    case Format::yaml: return yaml_header(d, index, day);
    case Format::toml: return toml_header(d, index, day);
    case Format::inline_fields: return inline_header(d, index, day);
    case Format::plain_fields: return plain_header(d, index, day);
    case Format::prose_month_first: return "# " + title(d, index) + "\n\nPublished " + month_first(day) + " · 12 min\n\n";
    case Format::prose_day_first: return "---\ntitle: " + title(d, index) + "\n---\n\nThis week's edition, " + day_first(day) + "\n\n";
    case Format::javascript: return "# " + title(d, index) + "\n\n" + javascript_date(day) + "\n\n";
    case Format::rfc2822: return "# " + title(d, index) + "\n\n" + rfc2822_date(day) + "\n\n";
    case Format::jekyll_post: return "# " + title(d, index) + "\n\n";
    case Format::daily_note: return "# " + iso_day(kFirstDay + static_cast<int>(index % 1000)) + "\n\n- [ ] " + word(d) + "\n\n";
    case Format::undated_clip: return "---\ntitle: \"" + title(d, index) + "\"\nsource: https://example.com/" + word(d) + "/" + std::to_string(index) + "\n---\n\n";
    case Format::broken_front_matter: return broken_header(d, index, day);
    case Format::bad_value: return bad_value_header(d, index);
    case Format::invalid_utf8: return yaml_header(d, index, day);
    case Format::binary: return {};
  }
  return {};
}

std::string wikilink(Draw& d, std::size_t notes) {
  if (d.percent(25)) return "[[" + iso_day(kFirstDay + static_cast<int>(d.below(2000))) + "]]";
  return "[[note-" + padded(d.below(notes)) + "]]";
}

void append_body(Draw& d, std::size_t target, std::size_t notes, std::string& out) {
  while (out.size() < target) {
    if (d.below(8) == 0) out += "## " + word(d) + " " + word(d) + "\n\n";
    for (auto sentences = 2 + d.below(4); sentences > 0; --sentences) {
      for (auto words = 6 + d.below(14); words > 0; --words) out += word(d) + " ";
      if (d.below(6) == 0) out += wikilink(d, notes) + " ";
      out.back() = '.';
      out += ' ';
    }
    out.back() = '\n';
    out += "\n";
  }
}

std::size_t pick_size(Draw& d) {
  const std::uint64_t r = d.below(1000);
  if (r < 5) return 0;
  if (r < 15) return 50'000 + d.below(450'001);
  return 300 + d.below(2600) + d.below(2600);
}

std::string with_crlf(const std::string& text) {
  std::string out;
  out.reserve(text.size() + text.size() / 32);
  for (char c : text) {
    if (c == '\n') out += '\r';
    out += c;
  }
  return out;
}

std::string random_bytes(Draw& d, std::size_t size) {
  std::string out(size, '\0');
  for (auto& c : out) c = static_cast<char>(d.byte());
  return out;
}

}  // namespace

VaultFile make_note(std::uint64_t seed, std::size_t index, std::size_t notes, unsigned revision) {
  Draw meta(stream_seed(seed, index, 0));
  Draw body(stream_seed(seed, index, 1 + revision));
  const Format format = pick_format(meta);
  const std::size_t size = pick_size(meta);
  const int day = kFirstDay + static_cast<int>(meta.below(1700));
  VaultFile file;
  file.path = note_path(meta, format, index, notes, day);
  const bool bad = format == Format::broken_front_matter || format == Format::bad_value ||
                   format == Format::binary || format == Format::invalid_utf8;
  file.kind = bad ? FileKind::bad_note : FileKind::note;
  // An empty note stays empty only in its first revision, so that every edit changes bytes.
  if (size == 0 && revision == 0) return file;
  if (format == Format::binary) {
    file.content = "\x89PNG\r\n\x1a\n" + random_bytes(body, 1000 + body.below(20'000));
    return file;
  }
  file.content = header(meta, format, index, day);
  if (format == Format::invalid_utf8) file.content += "caf\xc3 na\xefve \xff\xfe text\n\n";
  append_body(body, file.content.size() + (size == 0 ? 500 : size), notes, file.content);
  if (format == Format::yaml && meta.percent(3)) file.content = with_crlf(file.content);
  if (format == Format::yaml && meta.percent(2)) file.content = "\xEF\xBB\xBF" + file.content;
  return file;
}

VaultFile make_attachment(std::uint64_t seed, std::size_t index, std::size_t notes) {
  Draw d(stream_seed(seed, index, 0xA77AC4));
  VaultFile file;
  file.kind = FileKind::attachment;
  file.path = folder_path(d.below(folder_count(notes))) + "/img-" + padded(index) + ".png";
  file.content = "\x89PNG\r\n\x1a\n" + random_bytes(d, 5000 + d.below(55'000));
  return file;
}

}  // namespace freshd::bench
