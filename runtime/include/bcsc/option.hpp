// Small vocabulary types for outputs of runtime futures (freestanding: no
// <optional>, no <expected>, no exceptions).
//
//   bcsc::option<T>      empty or holding a T. recv() of channels/oneshots,
//                        timeout(), try_recv() return it.
//   bcsc::result<T, E>   a T (success) or an E (failure); T may be void.
//                        bcsc::ok(v), bcsc::ok(), bcsc::err(e) build them.
//
// Failure convention (used by bcsc::scope): an output `o` of a child future
// means failure when `bcsc::is_failure(o)` is true, i.e.
//   * result<T, E>:                 !o.is_ok()
//   * any type with explicit or implicit conversion to bool (and not an
//     arithmetic type): !static_cast<bool>(o)
//   * everything else (void, int, structs without operator bool): never.
// Plain integers and bool are deliberately NOT failures (an `int` output
// of 0 is a value, not an error). Wrap in result<> to fail with a payload.
#pragma once

#include <new>
#include <type_traits>
#include <utility>

#include "detail/child.hpp"  // bcsc::unit
#include "future.hpp"

namespace bcsc {

struct nullopt_t {
  explicit constexpr nullopt_t(int) noexcept {}
};
inline constexpr nullopt_t none{0};

template <class T>
class option {
  static_assert(!std::is_reference_v<T> && !std::is_void_v<T>, "option<T>: T must be an object type");

 public:
  constexpr option() noexcept {}
  constexpr option(nullopt_t) noexcept {}
  template <class U = T, class = std::enable_if_t<std::is_constructible_v<T, U&&> &&
                                                 !std::is_same_v<std::decay_t<U>, option> &&
                                                 !std::is_same_v<std::decay_t<U>, nullopt_t>>>
  option(U&& v) noexcept(std::is_nothrow_constructible_v<T, U&&>) {
    emplace(std::forward<U>(v));
  }
  option(const option& o) {
    if (o.full_) emplace(o.value_);
  }
  option(option&& o) noexcept(std::is_nothrow_move_constructible_v<T>) {
    if (o.full_) emplace(std::move(o.value_));
  }
  option& operator=(const option& o) {
    if (this != &o) {
      reset();
      if (o.full_) emplace(o.value_);
    }
    return *this;
  }
  option& operator=(option&& o) noexcept(std::is_nothrow_move_constructible_v<T>) {
    if (this != &o) {
      reset();
      if (o.full_) emplace(std::move(o.value_));
    }
    return *this;
  }
  ~option() { reset(); }

  template <class... A>
  T& emplace(A&&... a) {
    reset();
    ::new (static_cast<void*>(&value_)) T(std::forward<A>(a)...);
    full_ = true;
    return value_;
  }
  void reset() noexcept {
    if (full_) value_.~T();
    full_ = false;
  }

  constexpr bool has_value() const noexcept { return full_; }
  constexpr explicit operator bool() const noexcept { return full_; }
  // Precondition: has_value() (panics otherwise).
  T& value() & noexcept { return check(), value_; }
  const T& value() const& noexcept { return check(), value_; }
  T&& value() && noexcept { return check(), std::move(value_); }
  T& operator*() & noexcept { return value(); }
  const T& operator*() const& noexcept { return value(); }
  T&& operator*() && noexcept { return std::move(*this).value(); }
  T* operator->() noexcept { return &value(); }
  const T* operator->() const noexcept { return &value(); }
  template <class U>
  T value_or(U&& fallback) const& {
    return full_ ? value_ : static_cast<T>(std::forward<U>(fallback));
  }

  friend bool operator==(const option& a, const option& b) {
    return a.full_ == b.full_ && (!a.full_ || a.value_ == b.value_);
  }
  friend bool operator!=(const option& a, const option& b) { return !(a == b); }
  friend bool operator==(const option& a, nullopt_t) noexcept { return !a.full_; }
  friend bool operator!=(const option& a, nullopt_t) noexcept { return a.full_; }

 private:
  void check() const noexcept {
    if (!full_) panic("bcsc::option: value() of an empty option");
  }
  union {
    T value_;
  };
  bool full_ = false;
};

// --------------------------------------------------------------- result ----
template <class E>
struct err_value {
  E error;
};
template <class E>
constexpr err_value<std::decay_t<E>> err(E&& e) {
  return {std::forward<E>(e)};
}
template <class T>
struct ok_value {
  T value;
};
template <class T>
constexpr ok_value<std::decay_t<T>> ok(T&& v) {
  return {std::forward<T>(v)};
}
struct ok_void {};
constexpr ok_void ok() noexcept { return {}; }

template <class T, class E>
class result {
  using stored_t = unit_if_void<T>;

 public:
  using value_type = T;
  using error_type = E;

  template <class U, class = std::enable_if_t<std::is_constructible_v<stored_t, U&&>>>
  result(ok_value<U> v) : ok_(true) {
    ::new (static_cast<void*>(&value_)) stored_t(std::move(v.value));
  }
  template <class U = T, class = std::enable_if_t<std::is_void_v<U>>>
  result(ok_void) : ok_(true) {
    ::new (static_cast<void*>(&value_)) stored_t();
  }
  template <class G, class = std::enable_if_t<std::is_constructible_v<E, G&&>>>
  result(err_value<G> e) : ok_(false) {
    ::new (static_cast<void*>(&error_)) E(std::move(e.error));
  }
  result(const result& o) : ok_(o.ok_) {
    if (ok_) ::new (static_cast<void*>(&value_)) stored_t(o.value_);
    else ::new (static_cast<void*>(&error_)) E(o.error_);
  }
  result(result&& o) noexcept(std::is_nothrow_move_constructible_v<stored_t> &&
                              std::is_nothrow_move_constructible_v<E>)
      : ok_(o.ok_) {
    if (ok_) ::new (static_cast<void*>(&value_)) stored_t(std::move(o.value_));
    else ::new (static_cast<void*>(&error_)) E(std::move(o.error_));
  }
  result& operator=(const result&) = delete;
  result& operator=(result&&) = delete;
  ~result() {
    if (ok_) value_.~stored_t();
    else error_.~E();
  }

  constexpr bool is_ok() const noexcept { return ok_; }
  constexpr explicit operator bool() const noexcept { return ok_; }
  // Precondition: is_ok() (panics otherwise). void results: no value().
  template <class U = T, class = std::enable_if_t<!std::is_void_v<U>>>
  U& value() & noexcept {
    if (!ok_) panic("bcsc::result: value() of an error result");
    return value_;
  }
  template <class U = T, class = std::enable_if_t<!std::is_void_v<U>>>
  U&& value() && noexcept {
    if (!ok_) panic("bcsc::result: value() of an error result");
    return std::move(value_);
  }
  // Precondition: !is_ok() (panics otherwise).
  E& error() & noexcept {
    if (ok_) panic("bcsc::result: error() of a success result");
    return error_;
  }
  E&& error() && noexcept {
    if (ok_) panic("bcsc::result: error() of a success result");
    return std::move(error_);
  }

 private:
  bool ok_;
  union {
    stored_t value_;
    E error_;
  };
};

// ------------------------------------------------------ failure convention --
namespace detail {
template <class T>
struct is_result : std::false_type {};
template <class T, class E>
struct is_result<result<T, E>> : std::true_type {};

template <class O, class = void>
struct bool_testable : std::false_type {};
template <class O>
struct bool_testable<O, std::void_t<decltype(static_cast<bool>(std::declval<const O&>()))>>
    : std::bool_constant<!std::is_arithmetic_v<O> && !std::is_pointer_v<O>> {};
}  // namespace detail

// Does output type O have a failure state under the convention above?
template <class O>
inline constexpr bool can_fail_v = !std::is_void_v<O> && (detail::is_result<O>::value || detail::bool_testable<O>::value);

template <class O>
constexpr bool is_failure(const O& o) noexcept {
  if constexpr (detail::is_result<O>::value) {
    return !o.is_ok();
  } else if constexpr (detail::bool_testable<O>::value) {
    return !static_cast<bool>(o);
  } else {
    (void)o;
    return false;
  }
}

}  // namespace bcsc
