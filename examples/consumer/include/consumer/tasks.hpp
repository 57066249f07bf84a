// The async API of the consumer, as seen from main.cpp.
#pragma once

#include <bcsc/bcsc.hpp>

#include <cstddef>

namespace consumer {

// A future completing with `value` after `polls` pending polls.
struct countdown {
  using output_type = int;
  int value;
  int polls;
  bcsc::poll_result<int> poll(bcsc::context& cx) {
    if (polls-- > 0) {
      cx.get_waker().wake();
      return bcsc::pending;
    }
    return value;
  }
};

// Defined in tasks.cpp. Async functions are called within their translation
// unit (a caller embeds the callee's frame, whose type bcsc generates there);
// other files use plain functions such as these.
int run_scaled_sum(int n);                 // block_on(scaled_sum(n))
std::size_t scaled_sum_frame_size();       // 0 when not lowered
const char* name();

}  // namespace consumer
