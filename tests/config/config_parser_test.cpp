#include "config/config_parser.h"

#include "tests/config/env_var.h"

#include <doctest/doctest.h>

#include <optional>
#include <string>

namespace freshd {
namespace {

using std::chrono::seconds;

const std::string kFile = "conf/freshd.toml";

Config parse_ok(const std::string& text) {
  Result<Config> config = parse_config(text, kFile);
  if (!config.ok()) FAIL(config.error().message);
  return std::move(config).value();
}

TEST_CASE("an empty file gives the documented defaults") {
  const Config config = parse_ok("");
  const Config defaults;
  CHECK(config.source_file == kFile);
  CHECK(config.vault.path.empty());
  CHECK(config.vault.timezone.empty());
  CHECK(config.vault.include == std::vector<std::string>{"*.md", "*.markdown", "*.txt"});
  CHECK(config.vault.exclude ==
        std::vector<std::string>{".git/", ".obsidian/", ".trash/", "node_modules/"});
  CHECK(config.vault.numeric_order == NumericOrder::none);
  CHECK(config.vault.header_lines == 10);
  CHECK(config.vault.max_file_bytes == 8 * 1024 * 1024);
  CHECK(config.vault.keys.validated == defaults.vault.keys.validated);
  CHECK(config.decay.default_class == "medium");
  CHECK(config.decay.classes == defaults.decay.classes);
  CHECK(config.decay.rules.empty());
  CHECK(config.reminders.lead == Interval{0, 7, false});
  CHECK(config.reminders.repeat == Interval{0, 7, false});
  CHECK(config.reminders.time_of_day == seconds{9 * 3600});
  CHECK(config.reminders.inbox.empty());
  CHECK(config.reminders.exec.empty());
  CHECK(config.reminders.exec_timeout == seconds{30});
  CHECK(config.report.schedule == "Mon 09:00");
  CHECK(config.report.dir == "freshd-reports");
  CHECK(config.report.formats == std::vector<std::string>{"md"});
  CHECK(config.report.max_items == 50);
  CHECK(config.report.keep == 12);
  CHECK(config.daemon.state_dir.empty());
  CHECK(config.daemon.socket.empty());
  CHECK(config.daemon.watch);
  CHECK(config.daemon.rescan == seconds{3600});
}

TEST_CASE("every section and key is read") {
  const Config config = parse_ok(R"(
[vault]
path = "/srv/vault"
timezone = "America/New_York"
include = ["*.md"]
exclude = ["drafts/", "*.tmp.md"]
numeric_order = "dmy"
header_lines = 20
max_file_bytes = 1048576

[vault.keys]
published = ["pub"]
validated = ["checked_on", "reviewed"]
decay = ["shelf"]
edited = ["changed"]
owner = ["who"]
title = ["name"]
tags = ["labels"]

[decay]
default = "Weekly"
classes = { weekly = "7d", slow = "2y", archive = "never" }

[[decay.rules]]
path = "news/**"
decay = "fast"

[[decay.rules]]
tag = "#ai"
decay = "P2W"

[reminders]
lead = "2w"
repeat = "3 days"
time_of_day = "07:45"
inbox = "Inbox/freshd.md"
exec = "mail -s freshd $USER"
exec_timeout = "1m30s"

[report]
schedule = "Mon,Thu 08:30"
timezone = "Europe/Berlin"
dir = "/var/reports"
formats = ["json", "md", "html", "md"]
max_items = 10
keep = 3

[daemon]
state_dir = "/var/lib/freshd"
socket = "/run/freshd.sock"
watch = false
rescan = 900
)");
  CHECK(config.vault.path == "/srv/vault");
  CHECK(config.vault.timezone == "America/New_York");
  CHECK(config.vault.include == std::vector<std::string>{"*.md"});
  CHECK(config.vault.exclude == std::vector<std::string>{"drafts/", "*.tmp.md"});
  CHECK(config.vault.numeric_order == NumericOrder::day_month_year);
  CHECK(config.vault.header_lines == 20);
  CHECK(config.vault.max_file_bytes == 1048576);
  CHECK(config.vault.keys.published == std::vector<std::string>{"pub"});
  CHECK(config.vault.keys.validated == std::vector<std::string>{"checked_on", "reviewed"});
  CHECK(config.vault.keys.decay == std::vector<std::string>{"shelf"});
  CHECK(config.vault.keys.edited == std::vector<std::string>{"changed"});
  CHECK(config.vault.keys.owner == std::vector<std::string>{"who"});
  CHECK(config.vault.keys.title == std::vector<std::string>{"name"});
  CHECK(config.vault.keys.tags == std::vector<std::string>{"labels"});
  CHECK(config.decay.default_class == "weekly");
  CHECK(config.decay.classes.size() == 6);
  CHECK(config.decay.classes.at("weekly") == Interval{0, 7, false});
  CHECK(config.decay.classes.at("slow") == Interval{24, 0, false});
  CHECK(config.decay.classes.at("archive") == Interval{0, 0, true});
  CHECK(config.decay.classes.at("fast") == Interval{0, 30, false});
  REQUIRE(config.decay.rules.size() == 2);
  CHECK(config.decay.rules[0].path == "news/**");
  CHECK(config.decay.rules[0].tag.empty());
  CHECK(config.decay.rules[0].decay == "fast");
  CHECK(config.decay.rules[1].path.empty());
  CHECK(config.decay.rules[1].tag == "#ai");
  CHECK(config.decay.rules[1].decay == "P2W");
  CHECK(config.reminders.lead == Interval{0, 14, false});
  CHECK(config.reminders.repeat == Interval{0, 3, false});
  CHECK(config.reminders.time_of_day == seconds{7 * 3600 + 45 * 60});
  CHECK(config.reminders.inbox == "Inbox/freshd.md");
  CHECK(config.reminders.exec == "mail -s freshd $USER");
  CHECK(config.reminders.exec_timeout == seconds{90});
  CHECK(config.report.schedule == "Mon,Thu 08:30");
  CHECK(config.report.timezone == "Europe/Berlin");
  CHECK(config.report.dir == "/var/reports");
  CHECK(config.report.formats == std::vector<std::string>{"json", "md", "html"});
  CHECK(config.report.max_items == 10);
  CHECK(config.report.keep == 3);
  CHECK(config.daemon.state_dir == "/var/lib/freshd");
  CHECK(config.daemon.socket == "/run/freshd.sock");
  CHECK_FALSE(config.daemon.watch);
  CHECK(config.daemon.rescan == seconds{900});
}

struct ErrorCase {
  const char* toml;
  const char* message;
};

void check_errors(const ErrorCase* begin, const ErrorCase* end) {
  for (const ErrorCase* c = begin; c != end; ++c) {
    const std::string toml = c->toml;
    CAPTURE(toml);
    const Result<Config> config = parse_config(c->toml, kFile);
    REQUIRE_FALSE(config.ok());
    CHECK(config.error().message == c->message);
  }
}

TEST_CASE("unknown sections and keys are errors, with a suggestion when one is close") {
  const ErrorCase cases[] = {
      {"[vaults]\npath = 'x'\n",
       "conf/freshd.toml:1: vaults: unknown section (did you mean 'vault'?); accepted: vault, "
       "decay, owners, reminders, report, daemon, validate"},
      {"[notifications]\n",
       "conf/freshd.toml:1: notifications: unknown section; accepted: vault, decay, owners, "
       "reminders, report, daemon, validate"},
      {"path = 'x'\n",
       "conf/freshd.toml:1: path: unknown section; accepted: vault, decay, owners, reminders, "
       "report, daemon, validate"},
      {"vault = 'x'\n", "conf/freshd.toml:1: vault: expected a table ([vault]), got string"},
      {"[vault]\ntimezon = 'UTC'\n",
       "conf/freshd.toml:2: vault.timezon: unknown key (did you mean 'timezone'?); accepted: "
       "path, timezone, include, exclude, numeric_order, header_lines, max_file_bytes, keys"},
      {"[daemon]\n\nsocket_path = 'x'\n",
       "conf/freshd.toml:3: daemon.socket_path: unknown key; accepted: state_dir, socket, "
       "watch, rescan"},
      {"[vault.keys]\nvalidate = ['x']\n",
       "conf/freshd.toml:2: vault.keys.validate: unknown key (did you mean 'validated'?); "
       "accepted: published, validated, decay, edited, owner, title, tags"},
      {"[[decay.rules]]\npath = 'a/**'\ndecay = 'fast'\nclass = 'x'\n",
       "conf/freshd.toml:4: decay.rules[0].class: unknown key; accepted: path, tag, decay"},
  };
  check_errors(std::begin(cases), std::end(cases));
}

TEST_CASE("a value of the wrong type names the type expected") {
  const ErrorCase cases[] = {
      {"[vault]\npath = 3\n", "conf/freshd.toml:2: vault.path: expected a string, got integer"},
      {"[vault]\ninclude = '*.md'\n",
       "conf/freshd.toml:2: vault.include: expected an array of strings, got string"},
      {"[vault]\nexclude = ['a/', 7]\n",
       "conf/freshd.toml:2: vault.exclude[1]: expected a string, got integer"},
      {"[vault]\nheader_lines = '10'\n",
       "conf/freshd.toml:2: vault.header_lines: expected an integer, got string"},
      {"[vault]\nkeys = ['a']\n",
       "conf/freshd.toml:2: vault.keys: expected a table ([vault.keys]), got array"},
      {"[daemon]\nwatch = 'yes'\n",
       "conf/freshd.toml:2: daemon.watch: expected true or false, got string"},
      {"[daemon]\nrescan = 1.5\n",
       "conf/freshd.toml:2: daemon.rescan: expected a span as a string (\"30s\", \"1h\") or "
       "seconds, got float"},
      {"[reminders]\nlead = 7\n",
       "conf/freshd.toml:2: reminders.lead: expected a duration as a string (\"7d\", \"2w\", "
       "\"6 months\"), got integer"},
      {"[report]\nschedule = 2026-01-05T09:00:00\n",
       "conf/freshd.toml:2: report.schedule: expected a string, got date-time"},
      {"[decay]\nrules = { path = 'x' }\n",
       "conf/freshd.toml:2: decay.rules: expected an array of tables ([[decay.rules]]), got "
       "table"},
      {"[decay]\nrules = ['news/**']\n",
       "conf/freshd.toml:2: decay.rules[0]: expected a table, got string"},
      {"[decay.classes]\nweekly = 7\n",
       "conf/freshd.toml:2: decay.classes.weekly: expected a duration as a string (\"7d\", "
       "\"2w\", \"6 months\"), got integer"},
  };
  check_errors(std::begin(cases), std::end(cases));
}

TEST_CASE("[owners] reads a default and rules by path or tag, in order") {
  const Config defaults = parse_ok("");
  CHECK(defaults.owners.default_owner.empty());
  CHECK(defaults.owners.rules.empty());
  const Config config = parse_ok(R"(
[owners]
default = "docs-team"

[[owners.rules]]
path = "ops/**"
owner = "sre"

[[owners.rules]]
tag = "#ai"
owner = "Ann Lee"
)");
  CHECK(config.owners.default_owner == "docs-team");
  REQUIRE(config.owners.rules.size() == 2);
  CHECK(config.owners.rules[0].path == "ops/**");
  CHECK(config.owners.rules[0].tag.empty());
  CHECK(config.owners.rules[0].owner == "sre");
  CHECK(config.owners.rules[1].path.empty());
  CHECK(config.owners.rules[1].tag == "#ai");
  CHECK(config.owners.rules[1].owner == "Ann Lee");
}

TEST_CASE("a bad [owners] entry names its key and what to write") {
  const ErrorCase cases[] = {
      {"[owners]\ndefault = ''\n", "conf/freshd.toml:2: owners.default: must not be empty"},
      {"[owners]\nteam = 'x'\n",
       "conf/freshd.toml:2: owners.team: unknown key; accepted: default, rules"},
      {"[[owners.rules]]\npath = 'ops/**'\n",
       "conf/freshd.toml:1: owners.rules[0]: a rule needs an owner (a name)"},
      {"[[owners.rules]]\nowner = 'sre'\n",
       "conf/freshd.toml:1: owners.rules[0]: a rule needs exactly one of path (a glob) or tag"},
      {"[[owners.rules]]\npath = 'ops/**'\ntag = 'ops'\nowner = 'sre'\n",
       "conf/freshd.toml:1: owners.rules[0]: a rule needs exactly one of path or tag, not both"},
      {"[[owners.rules]]\npath = 'ops/**'\nowner = 'sre'\nteam = 'x'\n",
       "conf/freshd.toml:4: owners.rules[0].team: unknown key (did you mean 'tag'?); accepted: path, "
       "tag, owner"},
      {"[owners]\nrules = 'ops'\n",
       "conf/freshd.toml:2: owners.rules: expected an array of tables ([[owners.rules]]), got "
       "string"},
      {"[[owners.rules]]\npath = ''\nowner = 'sre'\n",
       "conf/freshd.toml:2: owners.rules[0].path: must not be empty"},
  };
  check_errors(std::begin(cases), std::end(cases));
}

TEST_CASE("a bad value says what is wrong and what is accepted") {
  const ErrorCase cases[] = {
      {"[vault]\ntimezone = 'Europe/Berln'\n",
       "conf/freshd.toml:2: vault.timezone: 'Europe/Berln' is not a time zone in the system "
       "database"},
      {"[report]\ntimezone = 'Mars/Olympus'\n",
       "conf/freshd.toml:2: report.timezone: 'Mars/Olympus' is not a time zone in the system "
       "database"},
      {"[vault]\npath = ''\n", "conf/freshd.toml:2: vault.path: must not be empty"},
      {"[vault]\npath = '$FRESHD_TEST_UNSET/x'\n",
       "conf/freshd.toml:2: vault.path: $FRESHD_TEST_UNSET is not set in the environment"},
      {"[daemon]\nsocket = '${XDG_RUNTIME_DIR/s'\n",
       "conf/freshd.toml:2: daemon.socket: '${XDG_RUNTIME_DIR/s' has a '${' without its "
       "closing '}'"},
      {"[vault]\nnumeric_order = 'ymd'\n",
       "conf/freshd.toml:2: vault.numeric_order: 'ymd' is not one of none, dmy, mdy"},
      {"[vault]\nheader_lines = -1\n",
       "conf/freshd.toml:2: vault.header_lines: must be 0 or more, got -1"},
      {"[vault]\nheader_lines = 5000\n",
       "conf/freshd.toml:2: vault.header_lines: must be 1000 or less, got 5000"},
      {"[vault]\nmax_file_bytes = 0\n",
       "conf/freshd.toml:2: vault.max_file_bytes: must be 1 or more, got 0"},
      {"[vault]\ninclude = ['']\n", "conf/freshd.toml:2: vault.include[0]: must not be empty"},
      {"[reminders]\nlead = 'soon'\n",
       "conf/freshd.toml:2: reminders.lead: 'soon' is not a duration (examples: 90d, 2w, "
       "6 months, 1y, P3M)"},
      {"[reminders]\nrepeat = 'never'\n",
       "conf/freshd.toml:2: reminders.repeat: 'never' is not allowed here; give a duration "
       "(examples: 7d, 2w)"},
      {"[reminders]\ntime_of_day = '24:00'\n",
       "conf/freshd.toml:2: reminders.time_of_day: '24:00' is not a time of day (HH:MM or "
       "HH:MM:SS, e.g. \"09:00\")"},
      {"[reminders]\ntime_of_day = '9:00'\n",
       "conf/freshd.toml:2: reminders.time_of_day: '9:00' is not a time of day (HH:MM or "
       "HH:MM:SS, e.g. \"09:00\")"},
      {"[reminders]\ntime_of_day = 9\n",
       "conf/freshd.toml:2: reminders.time_of_day: expected a string, got integer"},
      {"[reminders]\ninbox = '/tmp/inbox.md'\n",
       "conf/freshd.toml:2: reminders.inbox: '/tmp/inbox.md' must be a path inside the vault "
       "(relative, without '..')"},
      {"[reminders]\ninbox = 'notes/../../inbox.md'\n",
       "conf/freshd.toml:2: reminders.inbox: 'notes/../../inbox.md' must be a path inside the "
       "vault (relative, without '..')"},
      {"[reminders]\nexec_timeout = '30 parsecs'\n",
       "conf/freshd.toml:2: reminders.exec_timeout: '30 parsecs' is not a span of time "
       "(examples: 30s, 5m, 1h, 1h30m, 2d, or seconds)"},
      {"[daemon]\nrescan = 0\n",
       "conf/freshd.toml:2: daemon.rescan: must be a positive number of seconds, got 0"},
      {"[report]\nschedule = '  '\n",
       "conf/freshd.toml:2: report.schedule: must not be empty (examples: \"Mon 09:00\", "
       "\"daily\")"},
      {"[report]\nformats = ['md', 'pdf']\n",
       "conf/freshd.toml:2: report.formats: 'pdf' is not a report format (md, html, json)"},
      {"[report]\nformats = []\n",
       "conf/freshd.toml:2: report.formats: must name at least one of md, html, json"},
      {"[report]\nmax_items = 0\n",
       "conf/freshd.toml:2: report.max_items: must be 1 or more, got 0"},
      {"[report]\nkeep = -3\n", "conf/freshd.toml:2: report.keep: must be 1 or more, got -3"},
      {"[report]\ndir = ''\n", "conf/freshd.toml:2: report.dir: must not be empty"},
  };
  const EnvVar unset("FRESHD_TEST_UNSET", std::nullopt);
  check_errors(std::begin(cases), std::end(cases));
}

TEST_CASE("decay classes, the default and the rules are checked against each other") {
  const ErrorCase cases[] = {
      {"[decay]\ndefault = 'quick'\n",
       "conf/freshd.toml:2: decay.default: 'quick' is not a defined class (evergreen, fast, "
       "medium, slow)"},
      {"[decay]\ndefault = '90d'\n",
       "conf/freshd.toml:2: decay.default: '90d' is not a defined class (evergreen, fast, "
       "medium, slow)"},
      {"[decay]\ndefault = 'weekly'\n[decay.classes]\nweekly = '7x'\n",
       "conf/freshd.toml:2: decay.default: 'weekly' is not a defined class (evergreen, fast, "
       "medium, slow)\n"
       "conf/freshd.toml:4: decay.classes.weekly: '7x' is not a duration (examples: 90d, 2w, "
       "6 months, 1y, P3M)"},
      {"[[decay.rules]]\ndecay = 'fast'\n",
       "conf/freshd.toml:1: decay.rules[0]: a rule needs exactly one of path (a glob) or tag"},
      {"[[decay.rules]]\npath = 'a/**'\ntag = 'ai'\ndecay = 'fast'\n",
       "conf/freshd.toml:1: decay.rules[0]: a rule needs exactly one of path or tag, not both"},
      {"[[decay.rules]]\npath = 'a/**'\ndecay = 'fast'\n\n[[decay.rules]]\ntag = 'ai'\n",
       "conf/freshd.toml:5: decay.rules[1]: a rule needs a decay (a class or a duration)"},
      {"[[decay.rules]]\ntag = ''\ndecay = 'fast'\n",
       "conf/freshd.toml:2: decay.rules[0].tag: must not be empty"},
      {"[[decay.rules]]\ntag = 'ai'\ndecay = 'sloww'\n",
       "conf/freshd.toml:3: decay.rules[0].decay: 'sloww' is not a known class (evergreen, "
       "fast, medium, slow) or a duration (90d, 6 months, P3M)"},
  };
  check_errors(std::begin(cases), std::end(cases));
}

TEST_CASE("the reminder time of day is HH:MM, HH:MM:SS or a TOML local time") {
  struct Case {
    const char* toml;
    seconds expected;
  };
  const Case cases[] = {
      {"[reminders]\ntime_of_day = '00:00'\n", seconds{0}},
      {"[reminders]\ntime_of_day = '23:59:59'\n", seconds{86399}},
      {"[reminders]\ntime_of_day = 18:30:00\n", seconds{18 * 3600 + 30 * 60}},
  };
  for (const Case& c : cases) {
    const std::string toml = c.toml;
    CAPTURE(toml);
    CHECK(parse_ok(toml).reminders.time_of_day == c.expected);
  }
}

TEST_CASE("a rule may use a class defined further down the file") {
  const Config config = parse_ok(
      "[[decay.rules]]\ntag = 'ai'\ndecay = 'weekly'\n\n[decay.classes]\nweekly = '1w'\n");
  REQUIRE(config.decay.rules.size() == 1);
  CHECK(config.decay.rules[0].decay == "weekly");
  CHECK(config.decay.classes.at("weekly") == Interval{0, 7, false});
}

TEST_CASE("every error of a file is reported, in line order") {
  const Result<Config> config = parse_config(
      "[vault]\nheader_lines = 'x'\ntimezone = 'Nowhere/City'\n\n[daemon]\nwatch = 1\n", kFile);
  REQUIRE_FALSE(config.ok());
  CHECK(config.error().message ==
        "conf/freshd.toml:2: vault.header_lines: expected an integer, got string\n"
        "conf/freshd.toml:3: vault.timezone: 'Nowhere/City' is not a time zone in the system "
        "database\n"
        "conf/freshd.toml:6: daemon.watch: expected true or false, got integer");
}

TEST_CASE("a TOML syntax error names the file, line and column") {
  const ErrorCase cases[] = {
      {"[vault]\npath = \"unterminated\n",
       "conf/freshd.toml:2:21: Error while parsing string: unescaped control characters other "
       "than TAB (U+0009) are explicitly prohibited"},
      {"[vault]\n[vault]\n",
       "conf/freshd.toml:2:1: Error while parsing table header: cannot redefine existing "
       "table 'vault'"},
  };
  check_errors(std::begin(cases), std::end(cases));
}

TEST_CASE("a file that cannot be read is an error naming it") {
  const Result<Config> missing = load_config("/nonexistent/freshd.toml");
  REQUIRE_FALSE(missing.ok());
  CHECK(missing.error().message ==
        "cannot read /nonexistent/freshd.toml: No such file or directory");
  const Result<Config> directory = load_config(FRESHD_SOURCE_DIR "/examples");
  REQUIRE_FALSE(directory.ok());
  CHECK(directory.error().message ==
        "cannot read " FRESHD_SOURCE_DIR "/examples: Is a directory");
}

TEST_CASE("the bundled example config parses and points at the example vault") {
  const std::string file = FRESHD_SOURCE_DIR "/examples/freshd.toml";
  const Result<Config> config = load_config(file);
  REQUIRE_MESSAGE(config.ok(), config.error().message);
  CHECK(config->source_file == file);
  CHECK(config->vault.path == FRESHD_SOURCE_DIR "/examples/vault");
  CHECK(config->vault.timezone == "Europe/Berlin");
  CHECK(config->decay.default_class == "medium");
  REQUIRE(config->decay.rules.size() == 4);
  CHECK(config->decay.rules[0].path == "news/**");
  CHECK(config->decay.rules[1].tag == "runbook");
  CHECK(config->decay.classes.at("runbook") == Interval{6, 0, false});
  CHECK(config->reminders.inbox == "freshd-inbox.md");
  CHECK(config->report.dir == "freshd-reports");
  CHECK(config->report.formats == std::vector<std::string>{"md", "html"});
  CHECK(config->daemon.state_dir.empty());
}

}  // namespace
}  // namespace freshd
