// freshd_bench: generates a deterministic synthetic vault, times the real freshd and
// freshctl on it against rg and find, and prints the results as one Markdown table.
// Progress goes to stderr, the report to stdout. See tests/bench/CMakeLists.txt.
#include "bench_report.h"
#include "bench_suite.h"
#include "daemon_bench.h"
#include "vault_generator.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sys/vfs.h>
#include <thread>

namespace {

using namespace freshd;
using namespace freshd::bench;

struct Options {
  std::string freshd;
  std::string freshctl;
  std::vector<std::size_t> notes;
  int runs = 5;
  double idle_seconds = 60;
  std::string workdir = "freshd-bench-work";
};

constexpr const char* kUsage =
    "usage: freshd_bench --freshd PATH --freshctl PATH --notes N [--notes N2] [--runs R]\n"
    "                    [--idle-seconds S] [--workdir DIR]\n"
    "  --notes         vault size; give it twice for the full index's growth factor\n"
    "  --runs          timed runs per command after one warm-up run (default 5)\n"
    "  --idle-seconds  window for the idle daemon's CPU time (default 60)\n"
    "  --workdir       where vaults and state go, emptied per size (default ./freshd-bench-work)\n";

Result<long> parse_number(const std::string& flag, const std::string& text) {
  try {
    std::size_t used = 0;
    const long value = std::stol(text, &used);
    if (used == text.size() && value > 0) return value;
  } catch (const std::exception&) {
  }
  return Error{flag + " needs a positive whole number, not '" + text + "'"};
}

Result<Options> parse_options(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string flag = argv[i];
    if (flag == "--help" || flag == "-h") return Error{""};
    if (i + 1 >= argc) return Error{flag + " needs a value"};
    const std::string value = argv[++i];
    if (flag == "--freshd") o.freshd = value;
    else if (flag == "--freshctl") o.freshctl = value;
    else if (flag == "--workdir") o.workdir = value;
    else if (flag == "--notes" || flag == "--runs" || flag == "--idle-seconds") {
      auto n = parse_number(flag, value);
      if (!n) return n.error();
      if (flag == "--notes") o.notes.push_back(static_cast<std::size_t>(*n));
      if (flag == "--runs") o.runs = static_cast<int>(*n);
      if (flag == "--idle-seconds") o.idle_seconds = static_cast<double>(*n);
    } else {
      return Error{"unknown option " + flag};
    }
  }
  if (o.freshd.empty() || o.freshctl.empty() || o.notes.empty())
    return Error{"--freshd, --freshctl and --notes are required"};
  std::sort(o.notes.begin(), o.notes.end());
  o.freshd = std::filesystem::absolute(o.freshd).string();
  o.freshctl = std::filesystem::absolute(o.freshctl).string();
  o.workdir = std::filesystem::absolute(o.workdir).lexically_normal().string();
  return o;
}

std::string first_line_with(const char* file, const std::string& key) {
  std::ifstream in(file);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(key, 0) == 0) {
      const auto colon = line.find(':');
      return colon == std::string::npos ? line : line.substr(line.find_first_not_of(" \t", colon + 1));
    }
  return "unknown";
}

std::string filesystem_type(const std::string& path) {
  struct statfs fs {};
  if (::statfs(path.c_str(), &fs) != 0) return "unknown";
  switch (static_cast<unsigned long>(fs.f_type)) {
    case 0xEF53: return "ext4";
    case 0x58465342: return "xfs";
    case 0x9123683E: return "btrfs";
    case 0x01021994: return "tmpfs";
    case 0x794C7630: return "overlayfs";
    default: break;
  }
  char hex[32];
  std::snprintf(hex, sizeof hex, "0x%lx", static_cast<unsigned long>(fs.f_type));
  return std::string("filesystem type ") + hex;
}

std::string memory_text() {
  const std::string total = first_line_with("/proc/meminfo", "MemTotal");  // "24684096 kB"
  char text[32];
  std::snprintf(text, sizeof text, "%.1f GiB", std::atof(total.c_str()) / (1024.0 * 1024.0));
  return text;
}

std::string machine_line(const Options& o) {
  std::ifstream load("/proc/loadavg");
  std::string one_minute = "?";
  load >> one_minute;
  return "- machine: " + std::to_string(std::thread::hardware_concurrency()) + " CPUs (" +
         first_line_with("/proc/cpuinfo", "model name") + "), RAM " + memory_text() +
         ", work directory on " + filesystem_type(o.workdir) + "; load average at start " +
         one_minute;
}

Result<SizeResults> run_size(const Options& o, std::size_t notes) {
  BenchSetup setup = BenchSetup::at(o.workdir, notes);
  setup.freshd = o.freshd;
  setup.freshctl = o.freshctl;
  setup.runs = o.runs;
  setup.idle_seconds = o.idle_seconds;
  const VaultGenerator generator(notes);
  SizeResults results;
  results.notes = notes;
  std::cerr << "freshd_bench: writing a vault of " << notes << " notes in " << setup.vault << "\n";
  auto vault = prepare(setup, generator);
  if (!vault) return vault.error();
  results.vault = *vault;
  std::cerr << "freshd_bench: batch runs (" << o.runs << " timed runs each after a warm-up)\n";
  auto batch = run_batch(setup, generator);
  if (!batch) return batch.error();
  results.batch = *batch;
  std::cerr << "freshd_bench: daemon runs (idle window " << o.idle_seconds << " s)\n";
  auto daemon = run_daemon(setup);
  if (!daemon) return daemon.error();
  results.daemon = *daemon;
  return results;
}

}  // namespace

int main(int argc, char** argv) {
  auto options = parse_options(argc, argv);
  // An empty message is the answer to --help.
  if (!options) {
    const std::string& message = options.error().message;
    if (!message.empty()) std::cerr << "freshd_bench: " << message << "\n";
    (message.empty() ? std::cout : std::cerr) << kUsage;
    return message.empty() ? 0 : 2;
  }
  std::error_code ec;
  std::filesystem::create_directories(options->workdir, ec);
  if (ec) {
    std::cerr << "freshd_bench: cannot create " << options->workdir << ": " << ec.message() << "\n";
    return 1;
  }
  const std::string machine = machine_line(*options);
  // A failure at a larger size still reports the sizes measured before it.
  std::vector<SizeResults> sizes;
  bool failed = false;
  for (std::size_t notes : options->notes) {
    auto r = run_size(*options, notes);
    if (!r) {
      std::cerr << "freshd_bench: " << r.error().message << "\n";
      failed = true;
      break;
    }
    sizes.push_back(std::move(*r));
  }
  if (sizes.empty()) return 1;
  std::vector<Row> rows;
  for (const auto& s : sizes) {
    const auto more = rows_for(s);
    rows.insert(rows.end(), more.begin(), more.end());
  }
  if (sizes.size() >= 2) rows.push_back(growth_row(sizes.front(), sizes.back()));
  std::cout << "## freshd benchmark\n\n" << machine << "\n- runs: median of " << options->runs
            << " timed runs of each command after one warm-up run (warm page cache); idle window "
            << options->idle_seconds << " s\n";
  for (const auto& s : sizes) std::cout << "- vault: " << describe_vault(s) << "\n";
  std::cout << "\n" << render_table(rows);
  return failed ? 1 : 0;
}
