#include "reports/reminder_digest.h"

#include "model/content_hash.h"

#include <nlohmann/json.hpp>

#include <doctest/doctest.h>

#include <cstdio>
#include <string>
#include <vector>

namespace freshd {
namespace {

using nlohmann::json;

Days day(int y, unsigned m, unsigned d) {
  return Days{date::year{y} / date::month{m} / date::day{d}};
}

// The digest as a JSON tree, the straightforward way: what the direct writer must match
// byte for byte.
json reference(const Digest& digest) {
  json items = json::array();
  for (const auto& i : digest.items)
    items.push_back({{"path", i.path},
                     {"title", i.title},
                     {"owner", i.owner.empty() ? json(nullptr) : json(i.owner)},
                     {"kind", to_string(i.kind)},
                     {"due", format_day(i.due)},
                     {"days_overdue", i.days_overdue}});
  return {{"version", 1},
          {"vault", digest.vault},
          {"at", format_instant(digest.at)},
          {"count", digest.items.size()},
          {"items", items}};
}

std::string dumped(const json& j) { return j.dump(-1, ' ', false, json::error_handler_t::replace); }

std::vector<Digest> digests() {
  const Seconds at = Seconds{day(2026, 11, 23)} + std::chrono::hours{9};
  ReminderItem stale{"ai/scaling.md", "Scaling laws", "ana", ReminderKind::stale,
                     day(2026, 10, 1), 53};
  ReminderItem due{"infra/on \"call\".md", "On\\call\n", "", ReminderKind::due,
                   day(2026, 11, 30), 0};
  ReminderItem odd{"caf\xff.md", "t\x01", "bj\xc3\xb6rn", ReminderKind::stale, day(2021, 2, 5),
                   2117};
  return {Digest{"/home/me/vault", at, {}}, Digest{"/v", at, {stale}},
          Digest{"/v a/b", at, {stale, due, odd}}};
}

TEST_CASE("a digest is written as the JSON tree would dump it, with the id of its content") {
  for (const Digest& digest : digests()) {
    const std::string written = digest_to_json_text(digest);
    CAPTURE(written);
    json expected = reference(digest);
    char id[17];
    std::snprintf(id, sizeof id, "%016llx",
                  static_cast<unsigned long long>(content_hash(dumped(expected))));
    expected["id"] = id;
    CHECK(written == dumped(expected));
    CHECK(written.find('\n') == std::string::npos);
  }
  // Different digests, different ids; the same digest, the same id.
  const auto all = digests();
  CHECK(json::parse(digest_to_json_text(all[1]))["id"] !=
        json::parse(digest_to_json_text(all[2]))["id"]);
  CHECK(digest_to_json_text(all[2]) == digest_to_json_text(all[2]));
}

TEST_CASE("a digest reads back as written") {
  for (const Digest& digest : digests()) {
    const Digest read = digest_from_json(json::parse(digest_to_json_text(digest)));
    CHECK(read.vault == digest.vault);
    CHECK(read.at == digest.at);
    REQUIRE(read.items.size() == digest.items.size());
    for (std::size_t i = 0; i < read.items.size(); ++i) {
      if (digest.items[i].path.find('\xff') != std::string::npos) continue;  // now U+FFFD
      CHECK(read.items[i] == digest.items[i]);
    }
  }
}

}  // namespace
}  // namespace freshd
