// JSON text written directly, one value after another, as nlohmann's dump() writes it
// (no blanks; in strings only '"', '\\' and control characters escaped; bytes that are not
// UTF-8 replaced by U+FFFD as dump's `replace` handler does). For outputs too large to
// build as a tree first: a scan encodes every note it reads, `list` prints every note.
// The caller writes object keys in the order it wants them (byte order, to match dump()).
#pragma once

#include <string>
#include <string_view>

namespace freshd {

class JsonText {
 public:
  // The text so far; the writer is empty afterwards.
  std::string take();
  const std::string& text() const { return out_; }
  void reserve(std::size_t bytes) { out_.reserve(bytes); }

  void open(char bracket);   // '{' or '['
  void close(char bracket);  // '}' or ']'
  // Before an array element: the comma that separates it from the previous one. key()
  // does this itself.
  void separate();
  // `name` is one of freshd's own keys: ASCII letters, digits and '_', written as is.
  void key(std::string_view name);

  void string(std::string_view text);
  void number(long long value);
  // The shortest text that reads back as `value`, with ".0" on whole numbers as dump()
  // writes them.
  void number(double value);
  void boolean(bool value);
  void null();
  // A value that is already JSON text (written by another JsonText).
  void raw(std::string_view json);

 private:
  std::string out_;
  bool first_ = true;
};

}  // namespace freshd
