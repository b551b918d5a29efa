#include "daemon/terminal.h"

#include <unistd.h>

#include <cstdlib>
#include <cstring>

namespace freshd {
namespace {

std::string_view sgr(Colour colour) {
  switch (colour) {
    case Colour::red: return "\x1b[31m";
    case Colour::green: return "\x1b[32m";
    case Colour::yellow: return "\x1b[33m";
    case Colour::blue: return "\x1b[34m";
    case Colour::magenta: return "\x1b[35m";
    case Colour::cyan: return "\x1b[36m";
    case Colour::dim: return "\x1b[2m";
    case Colour::bold: return "\x1b[1m";
  }
  return "";
}

// 10000 -> "10,000".
std::string grouped(std::size_t n) {
  std::string digits = std::to_string(n);
  for (int i = static_cast<int>(digits.size()) - 3; i > 0; i -= 3)
    digits.insert(static_cast<std::size_t>(i), ",");
  return digits;
}

bool dumb_terminal() {
  const char* term = std::getenv("TERM");
  return term != nullptr && std::strcmp(term, "dumb") == 0;
}

}  // namespace

bool colour_wanted(int fd) {
  const char* no_colour = std::getenv("NO_COLOR");
  if (no_colour != nullptr && *no_colour != '\0') return false;
  return !dumb_terminal() && ::isatty(fd) == 1;
}

std::string paint(std::string_view text, Colour colour, bool on) {
  if (!on) return std::string(text);
  return std::string(sgr(colour)) + std::string(text) + "\x1b[0m";
}

std::string progress_line(std::size_t done, std::size_t total, std::string_view label,
                          std::size_t width) {
  if (done > total) done = total;
  const std::size_t filled = total == 0 ? width : done * width / total;
  return "[" + std::string(filled, '#') + std::string(width - filled, '.') + "]  " +
         grouped(done) + "/" + grouped(total) + " " + std::string(label);
}

ProgressBar::ProgressBar(std::FILE* out, std::string label)
    : out_(out), label_(std::move(label)),
      enabled_(::isatty(::fileno(out)) == 1 && !dumb_terminal()) {}

void ProgressBar::update(std::size_t done, std::size_t total) {
  if (!enabled_) return;
  std::fprintf(out_, "\r%s\x1b[K", progress_line(done, total, label_).c_str());
  std::fflush(out_);
  drawn_ = true;
}

void ProgressBar::finish() {
  if (!drawn_) return;
  std::fputs("\r\x1b[K", out_);
  std::fflush(out_);
  drawn_ = false;
}

}  // namespace freshd
