#include "model/date_forms.h"

#include <algorithm>
#include <cctype>
#include <chrono>
#include <sstream>

namespace freshd {
namespace {

constexpr auto kSyntax = std::regex::ECMAScript | std::regex::icase | std::regex::optimize;

// Quantifiers are bounded on purpose: libstdc++'s regex recurses once per repeated
// character, and prose lines can be long.
const std::string kSpace = R"(\s{1,3})";
const std::string kWeekdayName =
    "(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday"
    "|tues|tue|mon|wed|thurs|thur|thu|fri|sat|sun)\\b";
const std::string kWeekday = kWeekdayName + R"(\.?)";
const std::string kMonth =
    "(?:january|february|march|april|may|june|july|august|september|october|november"
    "|december|jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec)\\b\\.?";
const std::string kDay = R"(\d{1,2}(?:st|nd|rd|th)?)";
const std::string kLeadingWeekday = "(?:" + kWeekday + ",?" + kSpace + ")?";
const std::string kTime = R"(\d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:\s?[ap]\.?m\b\.?)?)";
const std::string kZone =
    R"((?:\s?(?:z|(?:gmt|utc|ut)?\s?[+-]\d{2}(?::?[0-5]\d)?|gmt|utc|ut|[ecmp][sd]t)\b)?)";
const std::string kZoneComment = R"((?:\s?\([^)]{1,64}\))?)";
const std::string kTimePart =
    "(?:,?" + kSpace + "(?:at" + kSpace + ")?" + kTime + kZone + kZoneComment + ")?";

std::vector<DateForm> build_forms() {
  const std::string iso = kLeadingWeekday + R"(\d{4}([-/])\d{1,2}\1\d{1,2})" + "(?:(?:t|" +
                          kSpace + ")" + kTime + kZone + "|" + kSpace + kWeekday + ")?";
  // An obsolete two-digit year (RFC 2822) only counts when a time follows it.
  const std::string day_first = kLeadingWeekday + kDay + "(?:" + kSpace + "of)?" + kSpace +
                                kMonth + ",?" + kSpace +
                                R"((?:\d{4}|\d{2}(?=,?\s{1,3}\d{1,2}:)))" + kTimePart;
  const std::string month_first =
      kLeadingWeekday + kMonth + kSpace + kDay + ",?" + kSpace + R"(\d{4})" + kTimePart;
  std::vector<DateForm> forms;
  forms.push_back({DateFormKind::iso, std::regex(iso, kSyntax), true});
  forms.push_back({DateFormKind::year_month, std::regex(R"(\d{4}-\d{2})", kSyntax), false});
  forms.push_back({DateFormKind::day_first, std::regex(day_first, kSyntax), true});
  forms.push_back({DateFormKind::month_first, std::regex(month_first, kSyntax), true});
  forms.push_back(
      {DateFormKind::numeric, std::regex(R"(\d{1,2}([./-])\d{1,2}\1\d{4})", kSyntax), true});
  // "1.2.24" is as often a version number as a date.
  forms.push_back(
      {DateFormKind::numeric, std::regex(R"(\d{1,2}([./-])\d{1,2}\1\d{2})", kSyntax), false});
  return forms;
}

struct Rewrite {
  std::regex pattern;
  std::string replacement;
};

std::vector<Rewrite> build_rewrites() {
  const auto rule = [](const char* pattern, const char* replacement) {
    return Rewrite{std::regex(pattern, kSyntax), replacement};
  };
  return {
      // Instants are kept to the second, and %S would refuse more digits than its
      // precision, so fractions are dropped (truncating, as a clock does).
      rule(R"((:\d{2})[.,]\d+)", "$1"),
      rule(R"((\d)(?:st|nd|rd|th)\b)", "$1"),
      rule(R"(\b(?:of|at)\b)", " "),
      rule(",", " "),
      rule(R"(\bsept\b)", "sep"),
      rule(R"(([a-z])\.)", "$1"),
      rule(R"((\d)t(\d))", "$1 $2"),
      rule(R"(\b(?:gmt|utc|ut)\s*([+-]))", " $1"),
      rule(R"(([\d\s])z$)", "$1 +0000"),
      rule(R"(\b(?:gmt|utc|ut)$)", "+0000"),
      rule(R"(\bedt$)", "-0400"),
      rule(R"(\b(?:est|cdt)$)", "-0500"),
      rule(R"(\b(?:cst|mdt)$)", "-0600"),
      rule(R"(\b(?:mst|pdt)$)", "-0700"),
      rule(R"(\bpst$)", "-0800"),
      // %z reads "+hhmm": "+01:00" loses its colon and "+01" gains its minutes.
      rule(R"((:\d{2}\s*[+-]\d{2}):(\d{2})$)", "$1$2"),
      rule(R"(:\d{2}\s*[+-]\d{2}$)", "$&00"),
  };
}

std::string lower(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

std::optional<date::weekday> read_weekday(const std::string& name) {
  std::istringstream in{name.substr(0, 3)};
  date::fields<std::chrono::seconds> fields{};
  date::from_stream(in, "%a", fields);
  if (in.fail() || !fields.wd.ok()) return std::nullopt;
  return fields.wd;
}

// Removes a leading or trailing weekday name from `text` and returns it.
std::optional<date::weekday> take_weekday(std::string& text) {
  static const std::regex leading("^\\s*(" + kWeekdayName + ")\\.?,?\\s*", kSyntax);
  static const std::regex trailing("\\s(" + kWeekdayName + ")\\.?\\s*$", kSyntax);
  for (const std::regex* pattern : {&leading, &trailing}) {
    std::smatch match;
    if (std::regex_search(text, match, *pattern)) {
      auto weekday = read_weekday(match[1].str());
      text = match.prefix().str() + " " + match.suffix().str();
      return weekday;
    }
  }
  return std::nullopt;
}

std::string unify_separators(std::string text, DateFormKind kind) {
  static const std::regex iso_slashes(R"(^\s*(\d{4})/(\d{1,2})/)", kSyntax);
  static const std::regex numeric_separators(R"([.-])", kSyntax);
  if (kind == DateFormKind::iso) return std::regex_replace(text, iso_slashes, "$1-$2-");
  if (kind == DateFormKind::numeric) return std::regex_replace(text, numeric_separators, "/");
  return text;
}

// Obsolete two-digit years (RFC 2822's rule, also used for numeric dates): 00-49 are
// 20xx, 50-99 are 19xx. The library's %y pivots at 69 instead, so they are widened here.
std::string widen_two_digit_year(const std::string& text) {
  static const std::regex short_year(R"(^(\d{1,2}[ /][a-z0-9]+[ /])(\d{2})(?=\s|$))", kSyntax);
  std::smatch match;
  if (!std::regex_search(text, match, short_year)) return text;
  const int yy = std::stoi(match[2].str());
  return match[1].str() + std::to_string(yy < 50 ? 2000 + yy : 1900 + yy) + match.suffix().str();
}

std::string squeeze_spaces(const std::string& text) {
  std::string out;
  for (char c : text) {
    const bool space = std::isspace(static_cast<unsigned char>(c)) != 0;
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

}  // namespace

const std::vector<DateForm>& date_forms() {
  static const std::vector<DateForm> forms = build_forms();
  return forms;
}

bool starts_with_weekday(std::string_view text) {
  static const std::regex weekday("^" + kWeekdayName, kSyntax);
  return std::regex_search(text.begin(), text.end(), weekday);
}

CanonicalDate canonicalise(std::string_view written, DateFormKind kind) {
  static const std::regex zone_comment(R"(\([^)]*\))", kSyntax);
  static const std::vector<Rewrite> rewrites = build_rewrites();
  CanonicalDate out;
  std::string text = std::regex_replace(lower(written), zone_comment, " ");
  out.weekday = take_weekday(text);
  text = squeeze_spaces(text);
  for (const Rewrite& rewrite : rewrites) {
    text = std::regex_replace(text, rewrite.pattern, rewrite.replacement);
  }
  out.text = widen_two_digit_year(squeeze_spaces(unify_separators(text, kind)));
  return out;
}

}  // namespace freshd
