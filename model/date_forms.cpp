#include "model/date_forms.h"

#include "model/ascii_chars.h"

#include <array>
#include <string>

namespace freshd {
namespace {

using ascii::is_digit;
using ascii::is_space;
using ascii::is_word;
using ascii::lower;

// The rewrites below work on one string each, like a regex replacement over the whole of
// it: `Text` answers questions about positions that may be out of range.
class Text {
 public:
  explicit Text(std::string_view text) : text_(text) {}

  std::size_t size() const { return text_.size(); }
  char operator[](std::size_t i) const { return text_[i]; }
  bool is(std::size_t i, char c) const { return i < text_.size() && text_[i] == c; }
  bool digit(std::size_t i) const { return i < text_.size() && is_digit(text_[i]); }
  bool space(std::size_t i) const { return i < text_.size() && is_space(text_[i]); }
  bool sign(std::size_t i) const { return is(i, '+') || is(i, '-'); }
  bool has(std::size_t i, std::string_view word) const {
    return i <= text_.size() && text_.substr(i, word.size()) == word;
  }
  // A word character on one side of `i` only (\b); `word_start` and `word_end` are the
  // halves of it next to a letter.
  bool word_start(std::size_t i) const { return i == 0 || !is_word(text_[i - 1]); }
  bool word_end(std::size_t i) const { return i >= text_.size() || !is_word(text_[i]); }
  // `word` stands alone at `i` (\bword\b).
  bool whole_word(std::size_t i, std::string_view word) const {
    return word_start(i) && has(i, word) && word_end(i + word.size());
  }
  // Index of the first character of the blanks that end just before `i`.
  std::size_t blanks_before(std::size_t i) const {
    while (i > 0 && is_space(text_[i - 1])) --i;
    return i;
  }

 private:
  std::string_view text_;
};

// Replaces, left to right, each match of a pattern: `match(text, i, out)` appends the
// replacement of a match at `i` to `out` and returns its length, or returns 0.
template <class Match>
std::string replace_all(const std::string& input, const Match& match) {
  const Text text(input);
  std::string out;
  out.reserve(input.size() + 8);
  for (std::size_t i = 0; i < input.size();) {
    const std::size_t length = match(text, i, out);
    if (length != 0) {
      i += length;
    } else {
      out.push_back(input[i]);
      ++i;
    }
  }
  return out;
}

// Lower case, and "(Eastern Daylight Time)" (anything in parentheses) becomes a blank.
std::string lower_without_comments(std::string_view written) {
  std::string out;
  out.reserve(written.size());
  for (std::size_t i = 0; i < written.size(); ++i) {
    const std::size_t close = written[i] == '(' ? written.find(')', i + 1) : written.npos;
    if (close == written.npos) {
      out.push_back(lower(written[i]));
      continue;
    }
    out.push_back(' ');
    i = close;
  }
  return out;
}

std::optional<date::weekday> weekday_of(std::string_view name) {
  static constexpr std::array<std::string_view, 7> kAbbreviations{"sun", "mon", "tue", "wed",
                                                                   "thu", "fri", "sat"};
  for (unsigned i = 0; i < kAbbreviations.size(); ++i)
    if (name.substr(0, 3) == kAbbreviations[i]) return date::weekday{i};
  return std::nullopt;
}

// A weekday name first ("sat., 18 apr 2026"), else last ("2026-04-18 sat"): it is taken
// out, and a blank stands in its place.
std::optional<date::weekday> take_weekday(std::string& text) {
  const Text t(text);
  std::size_t begin = 0;
  while (t.space(begin)) ++begin;
  if (const std::size_t length = weekday_name_length(std::string_view(text).substr(begin))) {
    const auto weekday = weekday_of(std::string_view(text).substr(begin, length));
    std::size_t end = begin + length;
    if (t.is(end, '.')) ++end;
    if (t.is(end, ',')) ++end;
    while (t.space(end)) ++end;
    text = " " + text.substr(end);
    return weekday;
  }
  std::size_t end = t.blanks_before(text.size());
  if (end > 0 && text[end - 1] == '.') --end;
  std::size_t start = end;
  while (start > 0 && is_word(text[start - 1])) --start;
  if (start == 0 || start == end || !is_space(text[start - 1]) ||
      weekday_name_length(std::string_view(text).substr(start)) != end - start) {
    return std::nullopt;
  }
  const auto weekday = weekday_of(std::string_view(text).substr(start, end - start));
  text = text.substr(0, start - 1) + " ";
  return weekday;
}

std::string squeeze_spaces(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  for (char c : text) {
    const bool space = is_space(c);
    if (space && (out.empty() || out.back() == ' ')) continue;
    out.push_back(space ? ' ' : c);
  }
  if (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// Instants are kept to the second, and %S would refuse more digits than its precision, so
// fractions are dropped (truncating, as a clock does): ":15.123" becomes ":15".
std::size_t fraction(const Text& t, std::size_t i, std::string& out) {
  if (!t.is(i, ':') || !t.digit(i + 1) || !t.digit(i + 2)) return 0;
  if (!(t.is(i + 3, '.') || t.is(i + 3, ',')) || !t.digit(i + 4)) return 0;
  std::size_t end = i + 5;
  while (t.digit(end)) ++end;
  out.append({t[i], t[i + 1], t[i + 2]});
  return end - i;
}

// "4th" becomes "4".
std::size_t ordinal(const Text& t, std::size_t i, std::string& out) {
  if (!t.digit(i) || !t.word_end(i + 3)) return 0;
  for (const std::string_view suffix : {"st", "nd", "rd", "th"}) {
    if (t.has(i + 1, suffix)) {
      out.push_back(t[i]);
      return 3;
    }
  }
  return 0;
}

// "4 of december", "at 10:30": the little words go.
std::size_t filler_word(const Text& t, std::size_t i, std::string& out) {
  if (!t.whole_word(i, "of") && !t.whole_word(i, "at")) return 0;
  out.push_back(' ');
  return 2;
}

std::size_t comma(const Text& t, std::size_t i, std::string& out) {
  if (!t.is(i, ',')) return 0;
  out.push_back(' ');
  return 1;
}

// The library knows "sep", not "sept".
std::size_t september(const Text& t, std::size_t i, std::string& out) {
  if (!t.whole_word(i, "sept")) return 0;
  out += "sep";
  return 4;
}

// "dec." and "a.m." lose their dots.
std::size_t abbreviation_dot(const Text& t, std::size_t i, std::string& out) {
  if (t[i] < 'a' || t[i] > 'z' || !t.is(i + 1, '.')) return 0;
  out.push_back(t[i]);
  return 2;
}

// "2025-12-04t10:30" becomes "2025-12-04 10:30".
std::size_t time_designator(const Text& t, std::size_t i, std::string& out) {
  if (!t.digit(i) || !t.is(i + 1, 't') || !t.digit(i + 2)) return 0;
  out.append({t[i], ' ', t[i + 2]});
  return 3;
}

// "gmt-0400", "utc +01": the name goes before an offset.
std::size_t named_offset(const Text& t, std::size_t i, std::string& out) {
  if (!t.word_start(i)) return 0;
  for (const std::string_view name : {"gmt", "utc", "ut"}) {
    if (!t.has(i, name)) continue;
    std::size_t sign = i + name.size();
    while (t.space(sign)) ++sign;
    if (!t.sign(sign)) continue;
    out.push_back(' ');
    out.push_back(t[sign]);
    return sign + 1 - i;
  }
  return 0;
}

// A zone written as a name at the end becomes an offset: "z", "gmt", "edt" and the other
// North American zones.
std::string zone_name_to_offset(std::string text) {
  const Text t(text);
  const std::size_t n = text.size();
  if (n >= 2 && text[n - 1] == 'z' && (t.digit(n - 2) || t.space(n - 2))) {
    text.pop_back();
    text += " +0000";
  }
  struct Zone {
    std::string_view name;
    std::string_view offset;
  };
  static constexpr std::array<Zone, 10> kZones{{{"gmt", "+0000"},
                                                {"utc", "+0000"},
                                                {"ut", "+0000"},
                                                {"edt", "-0400"},
                                                {"est", "-0500"},
                                                {"cdt", "-0500"},
                                                {"cst", "-0600"},
                                                {"mdt", "-0600"},
                                                {"mst", "-0700"},
                                                {"pdt", "-0700"}}};
  const auto ends_with_zone = [&](std::string_view name) {
    const Text now(text);
    return text.ends_with(name) && now.word_start(text.size() - name.size());
  };
  for (const Zone& zone : kZones) {
    if (!ends_with_zone(zone.name)) continue;
    text.resize(text.size() - zone.name.size());
    text += zone.offset;
  }
  if (ends_with_zone("pst")) text.replace(text.size() - 3, 3, "-0800");
  return text;
}

// Whether ":mm" and blanks end just before `sign`, the start of an offset.
bool seconds_before(const Text& t, std::size_t sign) {
  const std::size_t k = t.blanks_before(sign);
  return k >= 3 && t.is(k - 3, ':') && t.digit(k - 2) && t.digit(k - 1);
}

// %z reads "+hhmm": after a time, "+01:00" loses its colon and "+01" gains its minutes.
std::string offset_to_hhmm(std::string text) {
  const Text t(text);
  const std::size_t n = text.size();
  if (n >= 6 && t.sign(n - 6) && t.digit(n - 5) && t.digit(n - 4) && t.is(n - 3, ':') &&
      t.digit(n - 2) && t.digit(n - 1) && seconds_before(t, n - 6)) {
    text.erase(n - 3, 1);
  }
  const Text u(text);
  const std::size_t m = text.size();
  if (m >= 3 && u.sign(m - 3) && u.digit(m - 2) && u.digit(m - 1) && seconds_before(u, m - 3)) {
    text += "00";
  }
  return text;
}

std::string rewrite(std::string text) {
  text = replace_all(text, fraction);
  text = replace_all(text, ordinal);
  text = replace_all(text, filler_word);
  text = replace_all(text, comma);
  text = replace_all(text, september);
  text = replace_all(text, abbreviation_dot);
  text = replace_all(text, time_designator);
  text = replace_all(text, named_offset);
  return offset_to_hhmm(zone_name_to_offset(std::move(text)));
}

// "2026/04/18" is read as "2026-04-18", and "4.5.2026" or "4-5-2026" as "4/5/2026".
std::string unify_separators(std::string text, DateFormKind kind) {
  if (kind == DateFormKind::numeric) {
    for (char& c : text)
      if (c == '.' || c == '-') c = '/';
    return text;
  }
  if (kind != DateFormKind::iso) return text;
  const Text t(text);
  std::size_t year = 0;
  while (t.space(year)) ++year;
  const std::size_t slash = year + 4;
  if (!t.digit(year) || !t.digit(year + 1) || !t.digit(year + 2) || !t.digit(year + 3) ||
      !t.is(slash, '/') || !t.digit(slash + 1)) {
    return text;
  }
  const std::size_t month_digits = t.digit(slash + 2) ? 2 : 1;
  if (!t.is(slash + 1 + month_digits, '/')) return text;
  return text.substr(year, 4) + "-" + text.substr(slash + 1, month_digits) + "-" +
         text.substr(slash + 2 + month_digits);
}

bool is_lower_alnum(char c) { return is_digit(c) || (c >= 'a' && c <= 'z'); }

// Obsolete two-digit years (RFC 2822's rule, also used for numeric dates): 00-49 are
// 20xx, 50-99 are 19xx. The library's %y pivots at 69 instead, so they are widened here:
// "4 dec 25 10:00" and "4/12/25" end up with 2025.
std::string widen_two_digit_year(const std::string& text) {
  const Text t(text);
  const std::size_t day_digits = t.digit(0) ? (t.digit(1) ? 2 : 1) : 0;
  if (day_digits == 0 || !(t.is(day_digits, ' ') || t.is(day_digits, '/'))) return text;
  std::size_t month_end = day_digits + 1;
  while (month_end < text.size() && is_lower_alnum(text[month_end])) ++month_end;
  if (month_end == day_digits + 1 || !(t.is(month_end, ' ') || t.is(month_end, '/'))) {
    return text;
  }
  const std::size_t year = month_end + 1;
  if (!t.digit(year) || !t.digit(year + 1) || !(year + 2 == text.size() || t.space(year + 2))) {
    return text;
  }
  const int yy = (text[year] - '0') * 10 + (text[year + 1] - '0');
  return text.substr(0, year) + std::to_string(yy < 50 ? 2000 + yy : 1900 + yy) +
         text.substr(year + 2);
}

}  // namespace

const std::vector<DateForm>& date_forms() {
  // "1.2.24" is as often a version number as a date, and "2024-05" as a range or an id:
  // neither is searched for in prose.
  static const std::vector<DateForm> forms{
      {DateFormKind::iso, DateShape::iso, true},
      {DateFormKind::year_month, DateShape::year_month, false},
      {DateFormKind::day_first, DateShape::day_first, true},
      {DateFormKind::month_first, DateShape::month_first, true},
      {DateFormKind::numeric, DateShape::numeric_long, true},
      {DateFormKind::numeric, DateShape::numeric_short, false},
  };
  return forms;
}

bool starts_with_weekday(std::string_view text) { return weekday_name_length(text) != 0; }

CanonicalDate canonicalise(std::string_view written, DateFormKind kind) {
  CanonicalDate out;
  std::string text = lower_without_comments(written);
  out.weekday = take_weekday(text);
  text = rewrite(squeeze_spaces(text));
  out.text = widen_two_digit_year(squeeze_spaces(unify_separators(std::move(text), kind)));
  return out;
}

}  // namespace freshd
