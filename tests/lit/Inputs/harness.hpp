// Shared by the lowering tests: objects that print their lifetime, futures
// with a known number of pending polls, and runners. Every test is built
// twice (fallback C++20 coroutines and bcsc-lowered C++17) and the two
// outputs must match, so everything observable goes through printf.
#pragma once

#include <bcsc/bcsc.hpp>

#include <cstdio>
#include <utility>

// Prints construction, copies, moves and destruction.
struct Tracer {
  int id;
  explicit Tracer(int i) : id(i) { std::printf("  +T%d\n", id); }
  Tracer(const Tracer& o) : id(o.id) { std::printf("  copy T%d\n", id); }
  Tracer(Tracer&& o) noexcept : id(o.id) { std::printf("  move T%d\n", id); }
  ~Tracer() { std::printf("  -T%d\n", id); }
};

// Pending `pending_polls` times (waking itself each time), then ready.
template <class T>
struct delayed {
  using output_type = T;
  T value;
  int pending_polls = 1;
  bcsc::poll_result<T> poll(bcsc::context& cx) {
    if (pending_polls > 0) {
      --pending_polls;
      cx.get_waker().wake();
      return bcsc::pending;
    }
    return bcsc::poll_result<T>(std::move(value));
  }
};

struct delayed_void {
  using output_type = void;
  int pending_polls = 1;
  bcsc::poll_result<void> poll(bcsc::context& cx) {
    if (pending_polls > 0) {
      --pending_polls;
      cx.get_waker().wake();
      return bcsc::pending;
    }
    return bcsc::ready();
  }
};

inline delayed<int> tick(int v = 1, int polls = 1) { return delayed<int>{v, polls}; }
inline delayed_void pause(int polls = 1) { return delayed_void{polls}; }

// Polls `fut` at most `polls` times with a no-op waker, then destroys it:
// the cancellation path. Prints whether it completed.
template <class F>
void poll_then_cancel(F&& fut, int polls) {
  bcsc::context cx{bcsc::waker{}};
  for (int i = 0; i < polls; ++i) {
    if (fut.poll(cx).is_ready()) {
      std::printf("  completed after %d polls\n", i + 1);
      return;
    }
  }
  std::printf("  cancelling after %d polls\n", polls);
}

// Runs a freshly made future k polls then cancels it, for k = 0..max.
template <class Make>
void cancel_at_every_point(Make make, int max_polls) {
  for (int k = 0; k <= max_polls; ++k) {
    std::printf("cancel after %d:\n", k);
    poll_then_cancel(make(), k);
  }
}
