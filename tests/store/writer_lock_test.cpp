#include "model/store/writer_lock.h"

#include "tests/store/store_fixtures.h"

#include <doctest/doctest.h>

#include <fstream>
#include <sstream>

#include <sys/stat.h>
#include <unistd.h>

namespace freshd {
namespace {

std::string busy_message(const test::TempDir& dir) {
  return "another freshd process (pid " + std::to_string(::getpid()) + ") is writing to " +
         dir.path() + "; stop it or use it (freshctl talks to it)";
}

std::string contents(const std::string& file) {
  std::ifstream in(file);
  std::ostringstream text;
  text << in.rdbuf();
  return text.str();
}

// flock locks belong to an open file description, so a second acquire in this process
// conflicts exactly as another process would.
TEST_CASE("a second writer is refused with the holder's pid") {
  const test::TempDir dir;
  const std::string file = dir.file("writer.lock");
  auto first = WriterLock::acquire(file);
  REQUIRE(first.ok());
  CHECK(contents(file) == std::to_string(::getpid()) + "\n");

  const auto second = WriterLock::acquire(file);
  REQUIRE_FALSE(second.ok());
  CHECK(second.error().message == busy_message(dir));
}

TEST_CASE("the lock file is created readable by its owner only") {
  const test::TempDir dir;
  const std::string file = dir.file("writer.lock");
  const auto lock = WriterLock::acquire(file);
  REQUIRE(lock.ok());
  struct stat info {};
  REQUIRE(::stat(file.c_str(), &info) == 0);
  CHECK((info.st_mode & 0777) == 0600);
}

TEST_CASE("destroying the lock releases it") {
  const test::TempDir dir;
  const std::string file = dir.file("writer.lock");
  {
    const auto lock = WriterLock::acquire(file);
    REQUIRE(lock.ok());
  }
  CHECK(WriterLock::acquire(file).ok());
}

TEST_CASE("a moved lock stays held until its new owner goes") {
  const test::TempDir dir;
  const std::string file = dir.file("writer.lock");
  auto acquired = WriterLock::acquire(file);
  REQUIRE(acquired.ok());
  {
    const WriterLock moved(std::move(*acquired));
    { const WriterLock emptied = std::move(*acquired); }  // a moved-from lock releases nothing
    CHECK_FALSE(WriterLock::acquire(file).ok());
  }
  CHECK(WriterLock::acquire(file).ok());
}

TEST_CASE("move-assigning over a lock releases the one it held") {
  const test::TempDir dir;
  auto a = WriterLock::acquire(dir.file("a.lock"));
  auto b = WriterLock::acquire(dir.file("b.lock"));
  REQUIRE(a.ok());
  REQUIRE(b.ok());
  *a = std::move(*b);
  CHECK(WriterLock::acquire(dir.file("a.lock")).ok());
  CHECK_FALSE(WriterLock::acquire(dir.file("b.lock")).ok());
}

TEST_CASE("a lock file that cannot be created names the file") {
  const test::TempDir dir;
  const std::string file = dir.file("missing-dir/writer.lock");
  const auto lock = WriterLock::acquire(file);
  REQUIRE_FALSE(lock.ok());
  CHECK(lock.error().message ==
        "cannot create the writer lock " + file + ": No such file or directory");
}

}  // namespace
}  // namespace freshd
