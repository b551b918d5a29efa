// A vault in a temp directory for the scanner's tests: notes, folders, links and FIFOs
// made with a line each.
#pragma once

#include "daemon/vault_scanner.h"
#include "tests/store/store_fixtures.h"

#include <doctest/doctest.h>
#include <date/tz.h>

#include <sys/stat.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>

namespace freshd::test {

class TempVault {
 public:
  const std::string& root() const { return root_; }
  std::string at(const std::string& rel) const { return root_ + "/" + rel; }

  // Writes `text` at `rel`, making its folders.
  void put(const std::string& rel, const std::string& text) const {
    std::filesystem::create_directories(std::filesystem::path(at(rel)).parent_path());
    std::ofstream out(at(rel), std::ios::binary | std::ios::trunc);
    out << text;
    REQUIRE(out.flush());
  }
  void folder(const std::string& rel) const { std::filesystem::create_directories(at(rel)); }
  void link(const std::string& target, const std::string& rel) const {
    REQUIRE(::symlink(target.c_str(), at(rel).c_str()) == 0);
  }
  void fifo(const std::string& rel) const { REQUIRE(::mkfifo(at(rel).c_str(), 0600) == 0); }
  void remove(const std::string& rel) const { std::filesystem::remove_all(at(rel)); }
  void rename(const std::string& from, const std::string& to) const {
    std::filesystem::create_directories(std::filesystem::path(at(to)).parent_path());
    std::filesystem::rename(at(from), at(to));
  }

  // The options freshd scans this vault with by default (UTC, every note format), in
  // `threads` readers and batches of `batch_size` notes.
  ScanOptions options(unsigned threads = 2, std::size_t batch_size = 2048) const {
    ScanOptions options;
    options.root = root_;
    options.filter.include = {"*.md"};
    options.filter.exclude = {".git/"};
    options.read.extract.dates.zone = date::locate_zone("UTC");
    // Every date the tests write is in the past.
    options.read.extract.now = Seconds{date::sys_days{date::year{2026} / 3 / 1}};
    options.threads = threads;
    options.batch_size = batch_size;
    return options;
  }

 private:
  TempDir dir_;  // removed with the vault
  std::string root_ = dir_.path();
};

}  // namespace freshd::test
