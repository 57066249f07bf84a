// The smallest bcsc program: two async functions, one awaiting the other,
// run to completion with block_on. Builds two ways:
//   C++20 coroutines:  clang++-19 -std=c++20 -Wno-unknown-attributes -I runtime/include hello.cpp
//   bcsc lowering:     build/bin/bcsc lower hello.cpp -o hello.lowered.cpp -- -I runtime/include
//                      clang++-19 -std=c++17 -fno-exceptions -fno-rtti -I runtime/include hello.lowered.cpp
#include <bcsc/bcsc.hpp>
#include <bcsc/host/host.hpp>

#include <cstdio>

// Pending `polls` times, then ready with `value`.
struct ready_later {
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

[[bcsc::async]] bcsc::task<int> read_sensor(int channel) {
  int raw = co_await ready_later{channel * 100, 2};
  co_return raw + 7;
}

[[bcsc::async]] bcsc::task<int> average(int samples) {
  int sum = 0;
  for (int i = 0; i < samples; ++i) {
    sum += co_await read_sensor(i);
    co_await bcsc::yield_now();
  }
  co_return sum / samples;
}

int main() {
#ifndef __cpp_impl_coroutine
  std::printf("lowered by bcsc: frame of average() is %zu bytes, read_sensor() %zu bytes\n",
              decltype(average(0))::frame_size, decltype(read_sensor(0))::frame_size);
#else
  std::printf("C++20 coroutine fallback: frames live on the heap\n");
#endif
  std::printf("average = %d\n", bcsc::block_on(average(4)));
}
