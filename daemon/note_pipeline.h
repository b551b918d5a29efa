// Reading the store on one thread while its notes (or events) are used on another.
// Decoding a stored note and what a command makes of it (a view, its JSON text, the
// report's tallies) cost about the same, so on two cores `list` and `report` of a large
// vault take half as long.
#pragma once

#include "model/store/note_store.h"

#include <functional>
#include <vector>

namespace freshd {

// Like NoteStore::for_each_note, but `visit` runs on a second thread, one note at a time
// and in the store's order, while this thread reads the next notes; the call returns once
// every note was visited. `visit` need not be thread-safe (one thread calls it) but must
// not use `store`. An exception thrown by `visit` is rethrown here after the reading stopped.
Status for_each_note_on_worker(NoteStore& store, const std::function<void(StoredNote&)>& visit,
                               bool include_deleted = false);

// The same for NoteStore::for_each_event: a report reads a week's events before its notes,
// and a first week holds several events per note of the vault.
Status for_each_event_on_worker(NoteStore& store, Seconds since,
                                const std::vector<EventKind>& kinds,
                                const std::function<void(TimelineEvent&)>& visit);

}  // namespace freshd
