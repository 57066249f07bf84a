// Inline storage for the children of a combinator (join, race).
//
// child_slot<C> holds one child future:
//   C = F   (the combinator got an rvalue): the future is moved into the
//           slot and owned -- destroyed as soon as it completes or is
//           cancelled;
//   C = F&  (an lvalue): only a pointer is kept (borrowed, never copied);
//           its owner destroys it.
// The slot also keeps the child's output once it is done (void outputs
// become bcsc::unit). The owned future and the output share storage: a
// completed child costs only the size of its output.
#pragma once

#include <new>
#include <type_traits>
#include <utility>

#include "../future.hpp"

namespace bcsc {

// The placeholder output of a void future inside join's tuple.
struct unit {
  friend constexpr bool operator==(unit, unit) noexcept { return true; }
  friend constexpr bool operator!=(unit, unit) noexcept { return false; }
};

template <class T>
using unit_if_void = std::conditional_t<std::is_void_v<T>, unit, T>;

namespace detail {

enum class child_state : unsigned char { running, done, gone };

template <class C, bool Borrowed = std::is_lvalue_reference_v<C>>
class child_slot;

// Owned child: the future and its output overlap in a union.
template <class F>
class child_slot<F, false> {
 public:
  using value_type = unit_if_void<output_t<F>>;

  explicit child_slot(F&& f) noexcept(std::is_nothrow_move_constructible_v<F>) {
    ::new (static_cast<void*>(&fut_)) F(std::move(f));
  }
  // Only ever called before the combinator's first poll (it checks).
  child_slot(child_slot&& o) noexcept(std::is_nothrow_move_constructible_v<F>) {
    ::new (static_cast<void*>(&fut_)) F(std::move(o.fut_));
  }
  child_slot& operator=(child_slot&&) = delete;
  ~child_slot() { release(); }

  bool running() const noexcept { return state_ == child_state::running; }
  F& future() noexcept { return fut_; }

  // The child completed with `v`: destroy the future now, keep the value.
  template <class V>
  void finish(V&& v) {
    fut_.~F();
    ::new (static_cast<void*>(&out_)) value_type(std::forward<V>(v));
    state_ = child_state::done;
  }
  value_type take() {
    value_type v(std::move(out_));
    release();
    return v;
  }
  // Destroy whatever the slot holds (cancellation, or a race loser).
  void release() noexcept {
    if (state_ == child_state::running) fut_.~F();
    if (state_ == child_state::done) out_.~value_type();
    state_ = child_state::gone;
  }

 private:
  union {
    F fut_;
    value_type out_;
  };
  child_state state_ = child_state::running;
};

// Borrowed child: a pointer to the caller's future plus room for the output.
template <class C>
class child_slot<C, true> {
  using F = std::remove_reference_t<C>;

 public:
  using value_type = unit_if_void<output_t<F>>;

  explicit child_slot(F& f) noexcept : fut_(&f) {}
  child_slot(child_slot&& o) noexcept : fut_(o.fut_) {}
  child_slot& operator=(child_slot&&) = delete;
  ~child_slot() { release(); }

  bool running() const noexcept { return state_ == child_state::running; }
  F& future() noexcept { return *fut_; }

  template <class V>
  void finish(V&& v) {
    ::new (static_cast<void*>(&out_)) value_type(std::forward<V>(v));
    state_ = child_state::done;
  }
  value_type take() {
    value_type v(std::move(out_));
    release();
    return v;
  }
  // The borrowed future itself belongs to the caller; only the value is ours.
  void release() noexcept {
    if (state_ == child_state::done) out_.~value_type();
    state_ = child_state::gone;
  }

 private:
  F* fut_;
  union {
    value_type out_;
  };
  child_state state_ = child_state::running;
};

// Poll a running child once; on completion store its output. True if done.
template <class Slot>
bool poll_child(Slot& slot, context& cx) {
  if (!slot.running()) return true;
  auto r = slot.future().poll(cx);
  if (r.is_pending()) return false;
  if constexpr (std::is_same_v<typename Slot::value_type, unit> &&
                std::is_void_v<decltype(r.take())>) {
    slot.finish(unit{});
  } else {
    slot.finish(r.take());
  }
  return true;
}

}  // namespace detail
}  // namespace bcsc
