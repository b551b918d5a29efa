// freshctl's terminal manners: colour only on a terminal and never with NO_COLOR
// (https://no-color.org), and a progress bar for long operations, drawn on stderr only
// when stderr is a terminal, so that pipes and scripts see clean output.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>
#include <string_view>

namespace freshd {

// Whether to colour what goes to `fd`: it is a terminal, NO_COLOR is unset or empty, and
// TERM is not "dumb".
bool colour_wanted(int fd);

enum class Colour { red, green, yellow, blue, magenta, cyan, dim, bold };

// `text` wrapped in the SGR sequence of `colour` and a reset; `text` itself when !on.
std::string paint(std::string_view text, Colour colour, bool on);

// A one-line bar, redrawn in place with '\r':  "[#######.............]  4,096/10,000 notes".
// Draws nothing unless `out` is a terminal (and TERM is not "dumb"). finish() clears the
// line.
class ProgressBar {
 public:
  ProgressBar(std::FILE* out, std::string label);
  ~ProgressBar() { finish(); }
  ProgressBar(const ProgressBar&) = delete;
  ProgressBar& operator=(const ProgressBar&) = delete;

  bool enabled() const { return enabled_; }
  void update(std::size_t done, std::size_t total);
  void finish();

 private:
  std::FILE* out_;
  std::string label_;
  bool enabled_;
  bool drawn_ = false;
};

// The line a ProgressBar draws, without '\r' (exposed for tests).
std::string progress_line(std::size_t done, std::size_t total, std::string_view label,
                          std::size_t width = 30);

}  // namespace freshd
