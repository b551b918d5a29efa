#include "model/calendar_schedule.h"

#include <date/iso_week.h>

#include <cassert>
#include <cctype>
#include <cstdio>
#include <vector>

namespace freshd {
namespace {

using std::chrono::hours;
using std::chrono::minutes;
using std::chrono::seconds;

constexpr std::string_view kExamples =
    "examples: Mon 09:00, Mon,Thu 08:30, *-*-* 07:00, weekly, daily";
constexpr std::string_view kEveryDay = "*-*-*";

// Monday first, as systemd orders weekdays: a range "Sat..Sun" is forwards, "Sun..Mon" is not.
constexpr std::array<std::string_view, 7> kWeekdayNames = {
    "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
constexpr std::array<std::string_view, 7> kWeekdayShort = {"Mon", "Tue", "Wed", "Thu",
                                                           "Fri", "Sat", "Sun"};

std::string lower(std::string_view text) {
  std::string out(text);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool is_space(char c) { return std::isspace(static_cast<unsigned char>(c)) != 0; }
bool is_digit(char c) { return std::isdigit(static_cast<unsigned char>(c)) != 0; }
bool is_alpha(char c) { return std::isalpha(static_cast<unsigned char>(c)) != 0; }

bool is_joiner(char c) { return c == ',' || c == '.'; }

// Whitespace-separated words, except that "Mon, Thu" and "Mon .. Fri" stay one weekday list:
// people put spaces around list punctuation, and nothing else in the grammar uses it.
std::vector<std::string> tokenize(std::string_view text) {
  std::vector<std::string> tokens;
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && is_space(text[i])) ++i;
    if (i == text.size()) break;
    const std::size_t start = i;
    while (i < text.size() && !is_space(text[i])) ++i;
    const std::string_view word = text.substr(start, i - start);
    const bool continues_list = !tokens.empty() && ((is_joiner(tokens.back().back()) &&
                                                     is_alpha(word.front())) ||
                                                    is_joiner(word.front()));
    if (continues_list)
      tokens.back() += word;
    else
      tokens.emplace_back(word);
  }
  return tokens;
}

// Monday-based index (Mon = 0) of a full or three-letter weekday name.
std::optional<int> weekday_index(std::string_view name) {
  const std::string lowered = lower(name);
  for (int i = 0; i < 7; ++i) {
    const std::string_view full = kWeekdayNames[static_cast<std::size_t>(i)];
    if (lowered == full || lowered == full.substr(0, 3)) return i;
  }
  return std::nullopt;
}

unsigned c_encoding_of(int monday_index) { return static_cast<unsigned>((monday_index + 1) % 7); }

std::string not_a_weekday(std::string_view name) {
  return "'" + std::string(name) + "' is not a weekday (Mon, Tue, Wed, Thu, Fri, Sat, Sun)";
}

// "Fri..Mon" -> "Fri..Sun,Mon": the same days written as forward ranges.
std::string forward_ranges(int from, int to) {
  const std::string from_name(kWeekdayShort[static_cast<std::size_t>(from)]);
  const std::string to_name(kWeekdayShort[static_cast<std::size_t>(to)]);
  const std::string head = from == 6 ? from_name : from_name + "..Sun";
  const std::string tail = to == 0 ? to_name : "Mon.." + to_name;
  return head + "," + tail;
}

// Adds one list item ("Thu" or "Mon..Fri") to `days`; on failure, says what is wrong.
Status add_weekday_item(std::string_view item, std::array<bool, 7>& days) {
  const std::size_t dots = item.find("..");
  const std::string_view first = item.substr(0, dots);
  const std::optional<int> from = weekday_index(first);
  if (!from) return Error{not_a_weekday(first)};
  int to = *from;
  if (dots != std::string_view::npos) {
    const std::string_view last = item.substr(dots + 2);
    const std::optional<int> end = weekday_index(last);
    if (!end) return Error{not_a_weekday(last)};
    if (*end < *from)
      return Error{"range '" + std::string(item) + "' runs backwards (weeks run Mon..Sun; write " +
                   forward_ranges(*from, *end) + ")"};
    to = *end;
  }
  for (int i = *from; i <= to; ++i) days[c_encoding_of(i)] = true;
  return ok_status();
}

Result<std::array<bool, 7>> parse_weekdays(std::string_view spec) {
  std::array<bool, 7> days{};
  std::size_t start = 0;
  while (true) {
    const std::size_t comma = spec.find(',', start);
    const std::string_view item = spec.substr(start, comma - start);
    if (item.empty()) return Error{"empty weekday in '" + std::string(spec) + "'"};
    const Status added = add_weekday_item(item, days);
    if (!added) return added.error();
    if (comma == std::string_view::npos) return days;
    start = comma + 1;
  }
}

// One field of HH:MM[:SS]: min_digits to 2 digits, else nullopt.
std::optional<int> time_field(std::string_view field, std::size_t min_digits) {
  if (field.size() < min_digits || field.size() > 2) return std::nullopt;
  int value = 0;
  for (char c : field) {
    if (!is_digit(c)) return std::nullopt;
    value = value * 10 + (c - '0');
  }
  return value;
}

std::string out_of_range(std::string_view unit, int value, int max) {
  return std::string(unit) + " " + std::to_string(value) + " is out of range (00-" +
         std::to_string(max) + ")";
}

Result<seconds> parse_time_of_day(std::string_view token) {
  const Error malformed{"'" + std::string(token) + "' is not a time of day (HH:MM or HH:MM:SS)"};
  const std::size_t colon1 = token.find(':');
  if (colon1 == std::string_view::npos) return malformed;
  const std::size_t colon2 = token.find(':', colon1 + 1);
  const std::optional<int> hour = time_field(token.substr(0, colon1), 1);
  const std::optional<int> minute = time_field(token.substr(colon1 + 1, colon2 - colon1 - 1), 2);
  std::optional<int> second = 0;
  if (colon2 != std::string_view::npos) second = time_field(token.substr(colon2 + 1), 2);
  if (!hour || !minute || !second) return malformed;
  if (*hour > 23) return Error{out_of_range("hour", *hour, 23)};
  if (*minute > 59) return Error{out_of_range("minute", *minute, 59)};
  if (*second > 59) return Error{out_of_range("second", *second, 59)};
  return hours{*hour} + minutes{*minute} + seconds{*second};
}

// A trailing "Europe/Berlin" is valid systemd, but freshd keeps the zone in its own key.
std::string unexpected_trailer(std::string_view token) {
  std::string what = "unexpected '" + std::string(token) + "' after the time of day";
  const std::string lowered = lower(token);
  if (lowered.find('/') != std::string::npos || lowered == "utc" || lowered == "gmt")
    what += " (the zone is set by report.timezone)";
  return what;
}

// The systemd shorthands freshd accepts alone, and the ones it does not.
std::optional<std::string> keyword_problem(const std::vector<std::string>& tokens) {
  const std::string word = lower(tokens.front());
  if (word == "daily" || word == "weekly") {
    if (tokens.size() == 1) return std::nullopt;
    return "'" + tokens.front() + "' takes no time of day; write " +
           (word == "daily" ? "*-*-*" : "Mon") + " HH:MM instead";
  }
  for (std::string_view other : {"minutely", "hourly", "monthly", "quarterly", "semiannually",
                                 "yearly", "annually"})
    if (word == other) return "'" + tokens.front() + "' is not supported (only daily and weekly)";
  return std::nullopt;
}

// The grammar after keywords: [weekdays] [*-*-*] HH:MM[:SS].
Result<CalendarSchedule> parse_fields(const std::vector<std::string>& tokens) {
  CalendarSchedule schedule;
  std::size_t i = 0;
  if (is_alpha(tokens[i].front())) {
    Result<std::array<bool, 7>> days = parse_weekdays(tokens[i]);
    if (!days) return days.error();
    schedule.weekdays = *days;
    ++i;
  } else {
    schedule.weekdays.fill(true);
  }
  // Only a date followed by more is taken as a date: a lone "09-00" is a mistyped time.
  const bool date_like = i < tokens.size() && tokens[i].find('-') != std::string::npos;
  if (date_like && (i + 1 < tokens.size() || tokens[i] == kEveryDay)) {
    if (tokens[i] != kEveryDay)
      return Error{"only '*-*-*' (every day) is supported as the date, not '" + tokens[i] + "'"};
    ++i;
  }
  if (i == tokens.size()) return Error{"no time of day (add HH:MM, as in Mon 09:00)"};
  const Result<seconds> time = parse_time_of_day(tokens[i]);
  if (!time) return time.error();
  schedule.time_of_day = *time;
  if (++i < tokens.size()) return Error{unexpected_trailer(tokens[i])};
  return schedule;
}

Result<CalendarSchedule> parse_tokens(const std::vector<std::string>& tokens) {
  if (tokens.empty()) return Error{"the schedule is empty"};
  if (std::optional<std::string> problem = keyword_problem(tokens)) return Error{*problem};
  const std::string word = lower(tokens.front());
  if (word == "daily") return parse_fields({std::string(kEveryDay), "00:00"});
  if (word == "weekly") return parse_fields({"Mon", "00:00"});
  return parse_fields(tokens);
}

Days local_day_of(Seconds instant, const date::time_zone* zone) {
  return Days{date::floor<date::days>(zone->to_local(instant)).time_since_epoch()};
}

bool runs_on(const CalendarSchedule& schedule, Days day) {
  return schedule.weekdays[date::weekday{day}.c_encoding()];
}

Seconds resolve(Days day, seconds time_of_day, const date::time_zone* zone) {
  const date::local_seconds wall{day.time_since_epoch() + time_of_day};
  const date::local_info info = zone->get_info(wall);
  // A skipped wall time never shows on a clock; the moment the clocks jump is the first
  // instant after it, and it is where cron and systemd run such jobs too.
  if (info.result == date::local_info::nonexistent) return info.first.end;
  // In a repeated hour `first` is the offset before the change, so this is the first pass;
  // taking it on every call is what makes the hour run once.
  return Seconds{wall.time_since_epoch() - info.first.offset};
}

// Far enough to reach every weekday from any day, plus the day before and after `today`
// that a transition at midnight can move into range.
constexpr date::days kSearchDays{8};

}  // namespace

Result<CalendarSchedule> parse_calendar_schedule(std::string_view text) {
  Result<CalendarSchedule> parsed = parse_tokens(tokenize(text));
  if (!parsed)
    return Error{"report.schedule '" + std::string(text) + "': " + parsed.error().message + "; " +
                 std::string(kExamples)};
  parsed->text = std::string(text);
  return parsed;
}

Occurrence next_occurrence(const CalendarSchedule& schedule, Seconds after,
                           const date::time_zone* zone) {
  assert(zone != nullptr);
  const Days today = local_day_of(after, zone);
  for (Days day = today - date::days{1}; day <= today + kSearchDays; day += date::days{1}) {
    if (!runs_on(schedule, day)) continue;
    const Seconds instant = resolve(day, schedule.time_of_day, zone);
    if (instant > after) return {day, instant};
  }
  return {Days::max(), Seconds::max()};
}

std::optional<Occurrence> previous_occurrence(const CalendarSchedule& schedule, Seconds at,
                                              const date::time_zone* zone) {
  assert(zone != nullptr);
  const Days today = local_day_of(at, zone);
  for (Days day = today + date::days{1}; day >= today - kSearchDays; day -= date::days{1}) {
    if (!runs_on(schedule, day)) continue;
    const Seconds instant = resolve(day, schedule.time_of_day, zone);
    if (instant <= at) return Occurrence{day, instant};
  }
  return std::nullopt;
}

std::string iso_week_label(Days day) {
  const iso_week::year_weeknum_weekday iso{day};
  char label[32];
  std::snprintf(label, sizeof label, "%04d-W%02u", static_cast<int>(iso.year()),
                static_cast<unsigned>(iso.weeknum()));
  return label;
}

}  // namespace freshd
