// Values and a temp directory shared by the store's tests.
#pragma once

#include "model/store/note_store.h"

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <string>

namespace freshd::test {

inline Days day(int y, unsigned m, unsigned d) {
  return Days{date::year{y} / date::month{m} / date::day{d}};
}

inline Seconds at(int y, unsigned m, unsigned d, int hour = 0, int minute = 0) {
  return Seconds{day(y, m, d)} + std::chrono::hours{hour} + std::chrono::minutes{minute};
}

// A day-precision fact; its instant is the start of the day in UTC.
inline DatedFact day_fact(Days d, SourceKind kind, std::string key, int line) {
  return DatedFact{DateValue{DatePrecision::day, d, Seconds{d}},
                   Provenance{kind, std::move(key), line, format_day(d)}};
}

inline TextFact text_fact(std::string value, SourceKind kind, std::string key, int line) {
  return TextFact{value, Provenance{kind, std::move(key), line, value}};
}

inline ObservedNote observed(std::string path, std::uint64_t hash, std::int64_t size = 100,
                             std::int64_t mtime_ns = 1) {
  ObservedNote note;
  note.path = std::move(path);
  note.stamp = FileStamp{size, mtime_ns};
  note.hash = hash;
  return note;
}

inline NoteStore memory_store() {
  auto store = NoteStore::open_in_memory();
  REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
  return std::move(store).value();
}

inline NoteStore open_file(const std::string& file, NoteStore::Mode mode) {
  auto store = NoteStore::open(file, mode);
  REQUIRE_MESSAGE(store.ok(), (store.ok() ? "" : store.error().message));
  return std::move(store).value();
}

// Applies a batch that must succeed.
inline ScanChanges apply(NoteStore& store, ScanBatch batch, Seconds now) {
  auto changes = store.apply(batch, now);
  REQUIRE_MESSAGE(changes.ok(), (changes.ok() ? "" : changes.error().message));
  return std::move(changes).value();
}

class TempDir {
 public:
  TempDir() {
    std::string pattern =
        (std::filesystem::temp_directory_path() / "freshd-store-test-XXXXXX").string();
    REQUIRE(::mkdtemp(pattern.data()) != nullptr);
    path_ = pattern;
  }
  ~TempDir() {
    std::error_code ignored;
    std::filesystem::remove_all(path_, ignored);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;

  std::string file(const std::string& name) const { return (path_ / name).string(); }
  std::string path() const { return path_.string(); }

 private:
  std::filesystem::path path_;
};

}  // namespace freshd::test
