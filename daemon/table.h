// Aligned plain-text tables for freshctl's terminal output.
#pragma once

#include <string>
#include <vector>

namespace freshd {

using TableRow = std::vector<std::string>;

// Renders rows under a header, columns separated by two spaces and padded to the widest
// cell (width counted in UTF-8 code points). Cells longer than `max_cell` code points are
// cut with "…". Trailing spaces are trimmed.
std::string render_table(const TableRow& header, const std::vector<TableRow>& rows,
                         std::size_t max_cell = 60);

// The number of UTF-8 code points in `text` (invalid bytes count one each); colour
// sequences (ESC [ ... final byte) count zero. Cells with colour must be shorter than
// `max_cell`: truncation does not know about them.
std::size_t display_width(const std::string& text);

}  // namespace freshd
