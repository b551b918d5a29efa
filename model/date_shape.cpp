#include "model/date_shape.h"

#include "model/ascii_chars.h"

#include <array>

namespace freshd {
namespace {

using ascii::is_digit;
using ascii::is_space;
using ascii::is_word;
using ascii::lower;

constexpr std::array<std::string_view, 17> kWeekdays{
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "tues", "tue",
    "mon",    "wed",     "thurs",     "thur",     "thu",    "fri",      "sat",    "sun"};
constexpr std::array<std::string_view, 24> kMonths{
    "january", "february", "march",    "april", "may", "june", "july", "august",
    "september", "october", "november", "december", "jan", "feb", "mar", "apr",
    "jun",     "jul",      "aug",      "sept",  "sep", "oct",  "nov",  "dec"};
constexpr std::size_t kLongestName = 9;  // "wednesday", "september"

// One shape's grammar in continuation-passing style. Each element takes the position where
// it starts and a continuation `k` (the rest of the pattern, bool(std::size_t end)); it
// offers its possible ends to `k` in the order an ECMAScript regex tries them (greedy
// repeats longest first, alternatives left to right) and stops at the first that `k`
// accepts. That order decides which text a search reports, so it is part of the contract.
class Grammar {
 public:
  explicit Grammar(std::string_view text) : text_(text) {}

  template <class K>
  bool shape(DateShape which, std::size_t pos, const K& k) const {
    switch (which) {
      case DateShape::iso: return iso(pos, k);
      case DateShape::year_month: return year_month(pos, k);
      case DateShape::day_first: return day_first(pos, k);
      case DateShape::month_first: return month_first(pos, k);
      case DateShape::numeric_long: return numeric(pos, 4, k);
      case DateShape::numeric_short: return numeric(pos, 2, k);
    }
    return false;
  }

  // A name of `names` that is the whole word starting at `pos` (the regex's "name\b").
  template <std::size_t N>
  std::size_t name_end(std::size_t pos, const std::array<std::string_view, N>& names) const {
    std::size_t end = pos;
    while (end < text_.size() && end - pos <= kLongestName && is_word(text_[end])) ++end;
    if (end == pos || end - pos > kLongestName) return 0;
    for (const std::string_view name : names)
      if (name.size() == end - pos && has_text(pos, name)) return end;
    return 0;
  }

 private:
  bool has(std::size_t pos, char c) const { return pos < text_.size() && lower(text_[pos]) == c; }

  bool has_one_of(std::size_t pos, std::string_view chars) const {
    return pos < text_.size() && chars.find(lower(text_[pos])) != std::string_view::npos;
  }

  bool has_text(std::size_t pos, std::string_view word) const {
    if (pos > text_.size() || text_.size() - pos < word.size()) return false;
    for (std::size_t i = 0; i < word.size(); ++i)
      if (lower(text_[pos + i]) != word[i]) return false;
    return true;
  }

  bool has_digits(std::size_t pos, std::size_t count) const {
    if (pos > text_.size() || text_.size() - pos < count) return false;
    for (std::size_t i = 0; i < count; ++i)
      if (!is_digit(text_[pos + i])) return false;
    return true;
  }

  // \b: a word character on exactly one side.
  bool boundary(std::size_t pos) const {
    const bool left = pos > 0 && is_word(text_[pos - 1]);
    const bool right = pos < text_.size() && is_word(text_[pos]);
    return left != right;
  }

  // X{min,max} for a class of single characters, longest first (min >= 1).
  template <class K>
  bool repeat(std::size_t pos, std::size_t min, std::size_t max, bool (*in_class)(char),
              const K& k) const {
    std::size_t n = 0;
    while (n < max && pos + n < text_.size() && in_class(text_[pos + n])) ++n;
    for (; n >= min; --n)
      if (k(pos + n)) return true;
    return false;
  }

  template <class K>
  bool digits(std::size_t pos, std::size_t min, std::size_t max, const K& k) const {
    return repeat(pos, min, max, is_digit, k);
  }

  // \s{1,3}
  template <class K>
  bool blanks(std::size_t pos, const K& k) const {
    return repeat(pos, 1, 3, is_space, k);
  }

  // c?
  template <class K>
  bool optional(std::size_t pos, char c, const K& k) const {
    return (has(pos, c) && k(pos + 1)) || k(pos);
  }

  // \s?
  template <class K>
  bool optional_blank(std::size_t pos, const K& k) const {
    return (pos < text_.size() && is_space(text_[pos]) && k(pos + 1)) || k(pos);
  }

  // WEEKDAY\b\.?
  template <class K>
  bool weekday(std::size_t pos, const K& k) const {
    const std::size_t end = name_end(pos, kWeekdays);
    return end != 0 && optional(end, '.', k);
  }

  // MONTH\b\.?
  template <class K>
  bool month(std::size_t pos, const K& k) const {
    const std::size_t end = name_end(pos, kMonths);
    return end != 0 && optional(end, '.', k);
  }

  // (?:WEEKDAY,?S)?
  template <class K>
  bool leading_weekday(std::size_t pos, const K& k) const {
    const auto comma = [&](std::size_t e) {
      return optional(e, ',', [&](std::size_t c) { return blanks(c, k); });
    };
    return weekday(pos, comma) || k(pos);
  }

  // \d{1,2}(?:st|nd|rd|th)?
  template <class K>
  bool day(std::size_t pos, const K& k) const {
    return digits(pos, 1, 2, [&](std::size_t e) {
      for (const std::string_view suffix : {"st", "nd", "rd", "th"})
        if (has_text(e, suffix) && k(e + 2)) return true;
      return k(e);
    });
  }

  // \d{1,2}:\d{2}(?::\d{2}(?:[.,]\d{1,9})?)?(?:\s?[ap]\.?m\b\.?)?
  template <class K>
  bool time(std::size_t pos, const K& k) const {
    const auto meridiem = [&](std::size_t at) {
      const auto letters = [&](std::size_t s) {
        return has_one_of(s, "ap") && optional(s + 1, '.', [&](std::size_t m) {
                 return has(m, 'm') && boundary(m + 1) && optional(m + 1, '.', k);
               });
      };
      return optional_blank(at, letters) || k(at);
    };
    const auto seconds = [&](std::size_t at) {
      if (has(at, ':') && has_digits(at + 1, 2)) {
        const std::size_t s = at + 3;
        if (has_one_of(s, ".,") && digits(s + 1, 1, 9, meridiem)) return true;
        if (meridiem(s)) return true;
      }
      return meridiem(at);
    };
    return digits(pos, 1, 2, [&](std::size_t h) {
      return has(h, ':') && has_digits(h + 1, 2) && seconds(h + 3);
    });
  }

  // (?:\s?(?:z|(?:gmt|utc|ut)?\s?[+-]\d{2}(?::?[0-5]\d)?|gmt|utc|ut|[ecmp][sd]t)\b)?
  template <class K>
  bool zone(std::size_t pos, const K& k) const {
    const auto end = [&](std::size_t e) { return boundary(e) && k(e); };
    const auto offset = [&](std::size_t at) {
      return optional_blank(at, [&](std::size_t sign) {
        if (!has_one_of(sign, "+-") || !has_digits(sign + 1, 2)) return false;
        const std::size_t hours = sign + 3;
        const auto minutes = [&](std::size_t m) {
          return m < text_.size() && text_[m] >= '0' && text_[m] <= '5' &&
                 has_digits(m + 1, 1) && end(m + 2);
        };
        return optional(hours, ':', minutes) || end(hours);
      });
    };
    const auto alternatives = [&](std::size_t s) {
      if (has(s, 'z') && end(s + 1)) return true;
      for (const std::string_view prefix : {"gmt", "utc", "ut"})
        if (has_text(s, prefix) && offset(s + prefix.size())) return true;
      if (offset(s)) return true;
      for (const std::string_view name : {"gmt", "utc", "ut"})
        if (has_text(s, name) && end(s + name.size())) return true;
      return has_one_of(s, "ecmp") && has_one_of(s + 1, "sd") && has(s + 2, 't') && end(s + 3);
    };
    return optional_blank(pos, alternatives) || k(pos);
  }

  // (?:\s?\([^)]{1,64}\))?
  template <class K>
  bool zone_comment(std::size_t pos, const K& k) const {
    constexpr std::size_t kLongest = 64;
    const auto comment = [&](std::size_t open) {
      if (!has(open, '(')) return false;
      const std::size_t close = text_.find(')', open + 1);
      if (close == std::string_view::npos || close == open + 1) return false;
      return close - (open + 1) <= kLongest && k(close + 1);
    };
    return optional_blank(pos, comment) || k(pos);
  }

  // (?:,?S(?:atS)?TIME ZONE COMMENT)?
  template <class K>
  bool time_part(std::size_t pos, const K& k) const {
    const auto clock = [&](std::size_t t) {
      return time(t, [&](std::size_t z) {
        return zone(z, [&](std::size_t c) { return zone_comment(c, k); });
      });
    };
    const auto after_blank = [&](std::size_t s) {
      return (has_text(s, "at") && blanks(s + 2, clock)) || clock(s);
    };
    return optional(pos, ',', [&](std::size_t c) { return blanks(c, after_blank); }) || k(pos);
  }

  // W \d{4}([-/])\d{1,2}\1\d{1,2}(?:(?:t|S)TIME ZONE|S WEEKDAY)?
  template <class K>
  bool iso(std::size_t pos, const K& k) const {
    return leading_weekday(pos, [&](std::size_t p) {
      if (!has_digits(p, 4) || !has_one_of(p + 4, "-/")) return false;
      const char separator = text_[p + 4];
      return digits(p + 5, 1, 2, [&](std::size_t m) {
        return has(m, separator) && digits(m + 1, 1, 2, [&](std::size_t d) {
                 const auto clock = [&](std::size_t t) {
                   return time(t, [&](std::size_t z) { return zone(z, k); });
                 };
                 if ((has(d, 't') && clock(d + 1)) || blanks(d, clock)) return true;
                 if (blanks(d, [&](std::size_t w) { return weekday(w, k); })) return true;
                 return k(d);
               });
      });
    });
  }

  // \d{4}-\d{2}
  template <class K>
  bool year_month(std::size_t pos, const K& k) const {
    return has_digits(pos, 4) && has(pos + 4, '-') && has_digits(pos + 5, 2) && k(pos + 7);
  }

  // W DAY(?:S of)?S MONTH,?S(?:\d{4}|\d{2}(?=,?\s{1,3}\d{1,2}:)) TIME_PART
  template <class K>
  bool day_first(std::size_t pos, const K& k) const {
    const auto year = [&](std::size_t y) {
      if (has_digits(y, 4) && time_part(y + 4, k)) return true;
      return has_digits(y, 2) && time_follows(y + 2) && time_part(y + 2, k);
    };
    const auto after_of = [&](std::size_t s) {
      return blanks(s, [&](std::size_t m) {
        return month(m, [&](std::size_t e) {
          return optional(e, ',', [&](std::size_t c) { return blanks(c, year); });
        });
      });
    };
    return leading_weekday(pos, [&](std::size_t p) {
      return day(p, [&](std::size_t d) {
        return blanks(d, [&](std::size_t o) { return has_text(o, "of") && after_of(o + 2); }) ||
               after_of(d);
      });
    });
  }

  // The look-ahead (?=,?\s{1,3}\d{1,2}:).
  bool time_follows(std::size_t pos) const {
    return optional(pos, ',', [&](std::size_t c) {
      return blanks(c, [&](std::size_t s) {
        return digits(s, 1, 2, [&](std::size_t e) { return has(e, ':'); });
      });
    });
  }

  // W MONTH S DAY,?S\d{4} TIME_PART
  template <class K>
  bool month_first(std::size_t pos, const K& k) const {
    return leading_weekday(pos, [&](std::size_t p) {
      return month(p, [&](std::size_t m) {
        return blanks(m, [&](std::size_t s) {
          return day(s, [&](std::size_t d) {
            return optional(d, ',', [&](std::size_t c) {
              return blanks(c, [&](std::size_t y) {
                return has_digits(y, 4) && time_part(y + 4, k);
              });
            });
          });
        });
      });
    });
  }

  // \d{1,2}([./-])\d{1,2}\1\d{year_digits}
  template <class K>
  bool numeric(std::size_t pos, std::size_t year_digits, const K& k) const {
    return digits(pos, 1, 2, [&](std::size_t a) {
      if (!has_one_of(a, "./-")) return false;
      const char separator = text_[a];
      return digits(a + 1, 1, 2, [&](std::size_t b) {
        return has(b, separator) && has_digits(b + 1, year_digits) && k(b + 1 + year_digits);
      });
    });
  }

  std::string_view text_;
};

}  // namespace

std::size_t shape_length_at(DateShape shape, std::string_view text, std::size_t pos) {
  std::size_t end = pos;
  const bool found = Grammar(text).shape(shape, pos, [&](std::size_t e) {
    end = e;
    return true;
  });
  return found ? end - pos : 0;
}

bool is_whole_shape(DateShape shape, std::string_view text) {
  return Grammar(text).shape(shape, 0, [&](std::size_t e) { return e == text.size(); });
}

std::size_t weekday_name_length(std::string_view text) {
  return Grammar(text).name_end(0, kWeekdays);
}

std::size_t month_name_length(std::string_view text) { return Grammar(text).name_end(0, kMonths); }

}  // namespace freshd
