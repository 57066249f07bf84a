// The future protocol: the contract shared by generated frames, fallback
// tasks and every runtime primitive. See docs/protocol.md.
//
// A future is an object F with
//   using output_type = T;                 // T may be void
//   bcsc::poll_result<T> poll(bcsc::context&);
// poll() is called repeatedly until it returns a ready result. Before
// returning pending, the future arranges for cx.waker() to be woken when it
// can make progress. Once polled, a future never moves (it may hold
// pointers into itself, and wait-list nodes that point at it). Destroying a
// future at any point cancels it and runs its destructors exactly once.
#pragma once

#include <cstddef>
#include <new>
#include <type_traits>
#include <utility>

namespace bcsc {

// A waker is a non-owning handle that reschedules one task: a pointer and a
// function pointer, copied freely, never reference counted. Waking is safe
// from an interrupt handler or another thread as long as the function it
// points at is (the executor's is; see docs/runtime.md).
class waker {
 public:
  using wake_fn = void (*)(void*) noexcept;
  constexpr waker() noexcept = default;
  constexpr waker(void* data, wake_fn fn) noexcept : data_(data), fn_(fn) {}
  void wake() const noexcept {
    if (fn_) fn_(data_);
  }
  constexpr bool valid() const noexcept { return fn_ != nullptr; }
  constexpr void* data() const noexcept { return data_; }
  friend constexpr bool operator==(const waker& a, const waker& b) noexcept {
    return a.data_ == b.data_ && a.fn_ == b.fn_;
  }
  friend constexpr bool operator!=(const waker& a, const waker& b) noexcept { return !(a == b); }

 private:
  void* data_ = nullptr;
  wake_fn fn_ = nullptr;
};

// What poll() receives: the waker of the task being polled.
class context {
 public:
  constexpr explicit context(waker w) noexcept : waker_(w) {}
  constexpr const waker& get_waker() const noexcept { return waker_; }

 private:
  waker waker_;
};

struct pending_t {
  explicit constexpr pending_t() = default;
};
inline constexpr pending_t pending{};

// The result of one poll: pending, or ready with a value.
template <class T>
class poll_result {
  static_assert(!std::is_reference_v<T>, "futures return values, not references");

 public:
  constexpr poll_result(pending_t) noexcept : ready_(false) {}
  template <class U = T, class = std::enable_if_t<std::is_constructible_v<T, U&&>>>
  constexpr poll_result(U&& v) : ready_(true) {
    ::new (static_cast<void*>(&value_)) T(std::forward<U>(v));
  }
  poll_result(poll_result&& o) : ready_(o.ready_) {
    if (ready_) ::new (static_cast<void*>(&value_)) T(std::move(o.value_));
  }
  poll_result(const poll_result&) = delete;
  poll_result& operator=(const poll_result&) = delete;
  ~poll_result() {
    if (ready_) value_.~T();
  }
  constexpr bool is_ready() const noexcept { return ready_; }
  constexpr bool is_pending() const noexcept { return !ready_; }
  T& value() & noexcept { return value_; }
  T&& value() && noexcept { return std::move(value_); }
  // Moves the value out; the result stays ready but holds a moved-from T.
  T take() { return std::move(value_); }

 private:
  bool ready_;
  union {
    T value_;
  };
};

template <>
class poll_result<void> {
 public:
  constexpr poll_result(pending_t) noexcept : ready_(false) {}
  constexpr poll_result() noexcept : ready_(true) {}
  constexpr bool is_ready() const noexcept { return ready_; }
  constexpr bool is_pending() const noexcept { return !ready_; }
  constexpr void value() const noexcept {}
  constexpr void take() const noexcept {}

 private:
  bool ready_;
};

// ready(v) / ready(): build a ready result.
template <class T>
constexpr poll_result<std::decay_t<T>> ready(T&& v) {
  return poll_result<std::decay_t<T>>(std::forward<T>(v));
}
constexpr poll_result<void> ready() noexcept { return poll_result<void>(); }

// Trait: is F a future (has output_type and poll(context&))?
template <class F, class = void>
struct is_future : std::false_type {};
template <class F>
struct is_future<F, std::void_t<typename F::output_type,
                                decltype(std::declval<F&>().poll(std::declval<context&>()))>>
    : std::true_type {};
template <class F>
inline constexpr bool is_future_v = is_future<std::remove_cv_t<std::remove_reference_t<F>>>::value;

template <class F>
using output_t = typename std::remove_cv_t<std::remove_reference_t<F>>::output_type;

// Called when a program breaks a runtime rule that cannot be checked at
// compile time (moving a started frame, a nested block_on, ...). The handler
// may log (the host header installs one that prints); panic then traps.
using panic_handler = void (*)(const char* what) noexcept;
inline panic_handler& panic_handler_slot() noexcept {
  static panic_handler handler = nullptr;
  return handler;
}
inline panic_handler set_panic_handler(panic_handler h) noexcept {
  panic_handler old = panic_handler_slot();
  panic_handler_slot() = h;
  return old;
}
[[noreturn]] inline void panic(const char* what) noexcept {
  if (panic_handler h = panic_handler_slot()) h(what);
  __builtin_trap();
}

}  // namespace bcsc
