// Shared by every build of the frame-size corpus (corpus.cpp).
//
// Three builds of the same source:
//   - lowered by bcsc (C++17): tick() is a bcsc future, frames come from
//     decltype(f(...))::frame_size;
//   - C++20 coroutines (-DBENCH_MIN_TASK, clang-19 -O0/-Os, g++-12 -O2):
//     bcsc::task is replaced by a minimal lazy task (min_task.hpp) whose
//     promise operator new records the frame size; tick() is an awaitable.
// tick() is the same 8-byte object {int value; bool polled;} everywhere
// (also in corpus.rs), pending once then ready with `value`.
#pragma once

#include <cstring>

#if defined(BENCH_MIN_TASK)
#include "min_task.hpp"
#else
#include <bcsc/bcsc.hpp>
#endif

struct tick_future {
  int value;
  bool polled;
#if defined(BENCH_MIN_TASK)
  bool await_ready() const noexcept { return false; }
  void await_suspend(std::coroutine_handle<> h) noexcept { polled = true; bench::leaf = h; }
  int await_resume() const noexcept { return value; }
#else
  using output_type = int;
  bcsc::poll_result<int> poll(bcsc::context& cx) {
    if (!polled) {
      polled = true;
      cx.get_waker().wake();
      return bcsc::pending;
    }
    return value;
  }
#endif
};
inline tick_future tick() { return tick_future{1, false}; }

// Opaque to the optimizer (defined in opaque.cpp, another translation unit).
void use(const void* p);
