// Which keys name which fact. Configurable ([vault.keys] in the config); these are the
// defaults. Matching is case-insensitive; '-' and '_' and ' ' are treated alike.
#pragma once

#include <string>
#include <vector>

namespace freshd {

struct KeyAliases {
  // Default: date, published, pubdate, publish_date, published_at, date_published, created,
  // created_at, creation_date
  std::vector<std::string> published{"date",       "published",    "pubdate",
                                     "publish_date", "published_at", "date_published",
                                     "created",    "created_at",   "creation_date"};
  // Default: last_validated, validated, last_reviewed, reviewed, verified, last_verified,
  // checked, last_checked
  std::vector<std::string> validated{"last_validated", "validated",     "last_reviewed",
                                     "reviewed",       "verified",      "last_verified",
                                     "checked",        "last_checked"};
  // Default: decay_rate, decay, review_every, half_life, review_interval, shelf_life
  std::vector<std::string> decay{"decay_rate",      "decay",     "review_every", "half_life",
                                 "review_interval", "shelf_life"};
  // Default: lastmod, updated, modified, last_modified, date_modified. Recorded, never a
  // validation.
  std::vector<std::string> edited{"lastmod", "updated", "modified", "last_modified",
                                  "date_modified"};
  // Default: owner, owners, maintainer
  std::vector<std::string> owner{"owner", "owners", "maintainer"};
  // Default: title
  std::vector<std::string> title{"title"};
  // Default: tags, tag
  std::vector<std::string> tags{"tags", "tag"};
};

// Normalises a key for comparison: lower case, '-' and ' ' become '_'.
std::string normalize_key(std::string_view key);

// True when `key` (as written) is one of `aliases`.
bool key_matches(std::string_view key, const std::vector<std::string>& aliases);

}  // namespace freshd
