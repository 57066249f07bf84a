// The sensors library: an async function declared here and defined in
// sensor.cpp, callable (and awaitable) from any file that includes this
// header. bcsc lowers sensor.cpp and writes sensor.bcsc.hpp, the frame of
// read_sensor as an opaque class of the right size; lowered code
// (BCSC_LOWERED, set by bcsc_generate for the library and whatever links
// it) sees that declaration instead of the C++20 one.
#pragma once

#include <bcsc/bcsc.hpp>

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

}  // namespace consumer

#if BCSC_LOWERED
#include "sensor.bcsc.hpp"
#else
namespace consumer {
// `channel` after one pending poll.
[[bcsc::async]] bcsc::task<int> read_sensor(int channel);
}  // namespace consumer
#endif
