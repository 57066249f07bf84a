// Async functions of the consumer, lowered by bcsc_generate. scaled_sum is
// declared in consumer/tasks.hpp (main.cpp calls it); scaled awaits
// read_sensor from the sensors library. CONSUMER_SCALE
// and CONSUMER_NAME come from the target's compile definitions and
// consumer/config.hpp from its include directories: if they did not reach
// bcsc, lowering would fail here.
#include <bcsc/bcsc.hpp>

#include "consumer/config.hpp"
#include "consumer/sensor.hpp"
#include "consumer/tasks.hpp"

#ifndef CONSUMER_SCALE
#error "CONSUMER_SCALE: the target's compile definitions did not reach the tool"
#endif

namespace consumer {

// Its frame embeds the frame of read_sensor, defined in the sensors library.
[[bcsc::async]] bcsc::task<int> scaled(int i) {
  int v = co_await read_sensor(i);
  co_return v * CONSUMER_SCALE;
}

[[bcsc::async]] bcsc::task<int> scaled_sum(int n) {
  int sum = 0;
  for (int round = 0; round < rounds; ++round) {
    sum += co_await scaled(n + round);
    co_await bcsc::yield_now();
  }
  co_return sum;
}

std::size_t scaled_sum_frame_size() {
#ifdef __cpp_impl_coroutine
  return 0;  // not lowered: a C++20 coroutine
#else
  return decltype(scaled_sum(0))::frame_size;
#endif
}

int run_scaled_sum(int n) { return bcsc::block_on(scaled_sum(n)); }

const char* name() { return CONSUMER_NAME; }

}  // namespace consumer
