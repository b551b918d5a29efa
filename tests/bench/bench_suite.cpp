#include "bench_suite.h"

#include "process_runner.h"

#include <filesystem>
#include <fstream>
#include <functional>
#include <nlohmann/json.hpp>
#include <sys/stat.h>
#include <thread>

namespace freshd::bench {
namespace {

namespace fs = std::filesystem;

// Runs untimed before each round; round 0 is the warm-up.
using BeforeRound = std::function<Status(unsigned round)>;

std::string exit_text(const ProcessResult& r) {
  return r.signal ? "signal " + std::to_string(r.signal) : "status " + std::to_string(r.exit_code);
}

// One warm-up run, then `runs` timed ones. `grep_like` accepts exit status 1 (no match).
Result<Timing> time_command(const std::vector<std::string>& argv, int runs, const std::string& log,
                            const BeforeRound& before = {}, bool grep_like = false) {
  Timing timing;
  for (int round = 0; round <= runs; ++round) {
    if (before)
      if (auto s = before(static_cast<unsigned>(round)); !s) return s.error();
    auto r = run_process(argv, ProcessOptions{"/dev/null", log});
    if (!r) return r.error();
    if (r->exec_failed) return Error{"cannot run " + argv[0] + " (not found or not executable)"};
    if (!(r->exit_code == 0 || (grep_like && r->exit_code == 1)))
      return Error{command_line(argv) + " exited with " + exit_text(*r) + "; its stderr is in " + log};
    if (round == 0) continue;
    timing.seconds.push_back(r->wall_seconds);
    timing.max_rss_kib.push_back(r->max_rss_kib);
  }
  return timing;
}

Status fresh_directory(const std::string& path) {
  std::error_code ec;
  fs::remove_all(path, ec);
  if (!ec) fs::create_directories(path, ec);
  if (ec) return Error{"cannot empty " + path + ": " + ec.message()};
  return ok_status();
}

struct FileState {
  bool exists = false;
  long long size = 0;
  long long mtime_ns = 0;
  bool operator==(const FileState&) const = default;
};

const char* const kStoreFiles[] = {"index.sqlite", "index.sqlite-wal"};

std::vector<FileState> store_files(const std::string& state) {
  std::vector<FileState> out;
  for (const char* name : kStoreFiles) {
    struct stat st {};
    FileState f;
    if (::stat((state + "/" + name).c_str(), &st) == 0)
      f = {true, static_cast<long long>(st.st_size),
           static_cast<long long>(st.st_mtim.tv_sec) * 1'000'000'000LL + st.st_mtim.tv_nsec};
    out.push_back(f);
  }
  return out;
}

// "" when nothing changed, else which file changed how.
std::string describe_writes(const std::vector<FileState>& before, const std::vector<FileState>& after) {
  std::string out;
  for (std::size_t i = 0; i < before.size(); ++i) {
    if (before[i] == after[i]) continue;
    std::string what = !before[i].exists ? "created" : !after[i].exists ? "removed"
                       : before[i].size != after[i].size
                           ? "size " + std::to_string(before[i].size) + " → " + std::to_string(after[i].size)
                           : "mtime changed";
    out += (out.empty() ? "" : "; ") + std::string(kStoreFiles[i]) + " " + what;
  }
  return out;
}

Status check_unchanged_rescan(const BenchSetup& setup, BatchResults& out) {
  // A rescan in the same second as the previous one may find nothing new to record even
  // when a later one would (a "last scan" instant, say); a user's next rescan is later.
  std::this_thread::sleep_for(std::chrono::milliseconds(1100));
  const auto before = store_files(setup.state);
  auto json = capture_stdout(setup.freshctl_args({"--json", "recheck"}), setup.logs + "/check-recheck.log");
  if (!json) return json.error();
  out.store_writes = describe_writes(before, store_files(setup.state));
  auto reply = nlohmann::json::parse(*json, nullptr, false);
  if (reply.is_discarded() || !reply.contains("read"))
    return Error{"freshctl --json recheck printed no \"read\" count: " + json->substr(0, 200)};
  out.unchanged_read = reply["read"].get<long>();
  return ok_status();
}

std::string last_line(const std::string& path) {
  std::ifstream in(path);
  std::string last;
  for (std::string line; std::getline(in, line);)
    if (!line.empty()) last = line;
  return last;
}

Status time_report(const BenchSetup& setup, BatchResults& out) {
  auto help = run_process(setup.freshctl_args({"report", "--help"}));
  if (!help) return help.error();
  if (help->exit_code != 0) {
    out.report_missing = "n/a (report command not available)";
    return ok_status();
  }
  const std::string log = setup.logs + "/report.log";
  auto report = time_command(setup.freshctl_args({"report", "--out", "-"}), setup.runs, log);
  if (report) out.report = *report;
  else out.report_missing = "n/a (`report --out -` failed: " + last_line(log) + ")";
  return ok_status();
}

Status time_references(const BenchSetup& setup, BatchResults& out) {
  auto rg = run_process({"rg", "--version"});
  if (!rg) return rg.error();
  if (!rg->exec_failed) {
    auto t = time_command({"rg", "-c", "last_validated", setup.vault}, setup.runs,
                          setup.logs + "/rg.log", {}, true);
    if (!t) return t.error();
    out.rg = *t;
  }
  auto find = time_command({"find", setup.vault, "-type", "f", "-printf", "%T@ %s %p\\n"},
                           setup.runs, setup.logs + "/find.log");
  if (!find) return find.error();
  out.find = *find;
  return ok_status();
}

}  // namespace

BenchSetup BenchSetup::at(const std::string& workdir, std::size_t notes) {
  BenchSetup s;
  s.root = workdir + "/n" + std::to_string(notes);
  s.vault = s.root + "/vault";
  s.config = s.root + "/freshd.toml";
  s.state = s.root + "/state";
  s.daemon_state = s.root + "/state-daemon";
  s.socket = s.root + "/run/freshd.sock";
  s.logs = s.root + "/logs";
  return s;
}

std::vector<std::string> BenchSetup::freshctl_args(const std::vector<std::string>& args) const {
  std::vector<std::string> argv{freshctl, "--config", config, "--state-dir", state};
  argv.insert(argv.end(), args.begin(), args.end());
  return argv;
}

Result<VaultStats> prepare(const BenchSetup& setup, const VaultGenerator& generator) {
  if (auto s = fresh_directory(setup.root); !s) return s.error();
  std::error_code ec;
  fs::create_directories(setup.logs, ec);
  if (ec) return Error{"cannot create " + setup.logs + ": " + ec.message()};
  // TOML literal strings: no escapes are interpreted inside '...'.
  std::ofstream config(setup.config);
  config << "# Written by freshd_bench.\n[vault]\npath = '" << setup.vault
         << "'\ntimezone = \"UTC\"\n\n[report]\ndir = '" << setup.root
         << "/reports'\n\n[daemon]\nsocket = '" << setup.socket << "'\nrescan = \"1h\"\n";
  if (!config.flush()) return Error{"cannot write " + setup.config};
  return generator.write(setup.vault);
}

Result<BatchResults> run_batch(const BenchSetup& setup, const VaultGenerator& generator) {
  BatchResults out;
  if (auto s = time_references(setup, out); !s) return s.error();
  auto full = time_command({setup.freshd, "--config", setup.config, "--state-dir", setup.state, "--once"},
                           setup.runs, setup.logs + "/full-index.log",
                           [&](unsigned) { return fresh_directory(setup.state); });
  if (!full) return full.error();
  out.full_index = *full;
  auto unchanged = time_command(setup.freshctl_args({"recheck"}), setup.runs, setup.logs + "/unchanged.log");
  if (!unchanged) return unchanged.error();
  out.unchanged = *unchanged;
  if (auto s = check_unchanged_rescan(setup, out); !s) return s.error();
  auto changed = time_command(setup.freshctl_args({"recheck"}), setup.runs, setup.logs + "/changed.log",
                              [&](unsigned round) -> Status {
                                auto n = generator.rewrite_one_percent(setup.vault, round);
                                if (!n) return n.error();
                                out.changed_notes = *n;
                                return ok_status();
                              });
  if (!changed) return changed.error();
  out.changed = *changed;
  auto list = time_command(setup.freshctl_args({"--json", "list", "--stale"}), setup.runs,
                           setup.logs + "/list-stale.log");
  if (!list) return list.error();
  out.list_stale = *list;
  if (auto s = time_report(setup, out); !s) return s.error();
  return out;
}

}  // namespace freshd::bench
