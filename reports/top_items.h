// The first `max_items` of a stream of items in a given order, and the count of all of
// them, without holding the rest: what a report list keeps of a vault of 100,000 notes.
// The result is what std::stable_sort of every item, then cutting at `max_items`, gives:
// items that `before` does not order keep their order of arrival.
#pragma once

#include "reports/report.h"

#include <algorithm>
#include <cstdint>
#include <utility>
#include <vector>

namespace freshd {

// `Before(const Key&, const Key&)` is a strict weak order: true when the first key's item
// comes first in the list.
template <class Key, class Value, class Before>
class TopItems {
 public:
  TopItems(int max_items, Before before)
      : max_items_(std::max(0, max_items)), before_(std::move(before)) {}

  // Counts one more item and keeps it while it is among the first max_items so far.
  // `make()` builds its value, only when it is kept.
  template <class Make>
  void offer(Key key, Make&& make) {
    ++total_;
    Entry entry{std::move(key), arrivals_++, {}};
    if (static_cast<int>(kept_.size()) >= max_items_) {
      if (kept_.empty() || !comes_first(entry, kept_.front())) return;
      std::pop_heap(kept_.begin(), kept_.end(), order());
      kept_.pop_back();
    }
    entry.value = make();
    kept_.push_back(std::move(entry));
    std::push_heap(kept_.begin(), kept_.end(), order());
  }

  // The kept items in list order and the count of all; leaves the list empty.
  Capped<Value> take() {
    std::sort_heap(kept_.begin(), kept_.end(), order());
    Capped<Value> out;
    out.total = total_;
    out.items.reserve(kept_.size());
    for (Entry& e : kept_) out.items.push_back(std::move(e.value));
    kept_.clear();
    total_ = 0;
    return out;
  }

 private:
  struct Entry {
    Key key;
    std::uint64_t arrival = 0;
    Value value;
  };

  bool comes_first(const Entry& a, const Entry& b) const {
    if (before_(a.key, b.key)) return true;
    if (before_(b.key, a.key)) return false;
    return a.arrival < b.arrival;
  }
  // A max-heap on list order: its front is the last item kept, the first to drop.
  auto order() const {
    return [this](const Entry& a, const Entry& b) { return comes_first(a, b); };
  }

  int max_items_;
  Before before_;
  std::vector<Entry> kept_;
  int total_ = 0;
  std::uint64_t arrivals_ = 0;
};

}  // namespace freshd
