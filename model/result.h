// Result<T>: a value or an Error a user can act on. Errors are values at every boundary
// of freshd; exceptions stay inside the thin adapters around third-party parsers.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace freshd {

// A failure, phrased for the person who has to fix it: it names the file (and line or
// key) and what to do, e.g. "notes/ai.md:3: decay_rate 'sloww' is not a known class".
struct Error {
  std::string message;
};

template <class T>
class [[nodiscard]] Result {
 public:
  Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}
  Result(Error error) : state_(std::in_place_index<1>, std::move(error)) {}

  bool ok() const { return state_.index() == 0; }
  explicit operator bool() const { return ok(); }

  // Precondition: ok().
  T& value() & { return std::get<0>(state_); }
  const T& value() const& { return std::get<0>(state_); }
  T&& value() && { return std::get<0>(std::move(state_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }

  // Precondition: !ok().
  const Error& error() const { return std::get<1>(state_); }

 private:
  std::variant<T, Error> state_;
};

// A result that carries no value: success or an Error.
using Status = Result<std::monostate>;

inline Status ok_status() { return std::monostate{}; }

}  // namespace freshd
