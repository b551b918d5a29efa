#include "daemon/table.h"

#include <algorithm>

namespace freshd {
namespace {

bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

std::string truncate(const std::string& text, std::size_t max_cell) {
  if (display_width(text) <= max_cell) return text;
  std::string out;
  std::size_t points = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    const auto c = static_cast<unsigned char>(text[i]);
    if (!is_continuation(c) && ++points > max_cell - 1) break;
    out.push_back(text[i]);
  }
  return out + "…";
}

void append_row(std::string& out, const TableRow& row, const std::vector<std::size_t>& widths) {
  std::string line;
  for (std::size_t i = 0; i < widths.size(); ++i) {
    const std::string cell = i < row.size() ? row[i] : "";
    line += cell;
    if (i + 1 < widths.size()) line.append(widths[i] - display_width(cell) + 2, ' ');
  }
  while (!line.empty() && line.back() == ' ') line.pop_back();
  out += line + "\n";
}

}  // namespace

std::size_t display_width(const std::string& text) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\x1b' && i + 1 < text.size() && text[i + 1] == '[') {
      // A CSI sequence (colour): parameters, then one final byte in 0x40..0x7E.
      i += 2;
      while (i < text.size() && (text[i] < 0x40 || text[i] > 0x7E)) ++i;
      continue;
    }
    if (!is_continuation(static_cast<unsigned char>(text[i]))) ++width;
  }
  return width;
}

std::string render_table(const TableRow& header, const std::vector<TableRow>& rows,
                         std::size_t max_cell) {
  std::vector<TableRow> cut;
  cut.reserve(rows.size());
  for (const auto& row : rows) {
    TableRow r;
    for (const auto& cell : row) r.push_back(truncate(cell, max_cell));
    cut.push_back(std::move(r));
  }
  std::vector<std::size_t> widths(header.size(), 0);
  for (std::size_t i = 0; i < header.size(); ++i) widths[i] = display_width(header[i]);
  for (const auto& row : cut)
    for (std::size_t i = 0; i < row.size() && i < widths.size(); ++i)
      widths[i] = std::max(widths[i], display_width(row[i]));
  std::string out;
  append_row(out, header, widths);
  for (const auto& row : cut) append_row(out, row, widths);
  return out;
}

}  // namespace freshd
