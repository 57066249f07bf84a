// bcsc::yield_now(): give other tasks a turn.
//
// The first poll wakes its own waker and returns pending (so the task is
// re-queued behind everything already runnable); the second poll completes.
#pragma once

#include "future.hpp"

namespace bcsc {

class yield_future {
 public:
  using output_type = void;
  poll_result<void> poll(context& cx) noexcept {
    if (yielded_) return ready();
    yielded_ = true;
    cx.get_waker().wake();
    return pending;
  }

 private:
  bool yielded_ = false;
};

inline yield_future yield_now() noexcept { return yield_future{}; }

}  // namespace bcsc
