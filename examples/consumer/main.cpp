#include <bcsc/bcsc.hpp>

#include <cstdio>

#include "consumer/sensor.hpp"
#include "consumer/tasks.hpp"
#include "consumer/unrelated.hpp"

int main() {
  std::printf("%s (%s)\n", consumer::banner, consumer::name());
  std::printf("lowered: %s\n", consumer::scaled_sum_frame_size() > 0 ? "yes" : "no");
  int sum = consumer::run_scaled_sum(10);
  std::printf("scaled_sum(10) = %d\n", sum);
  // Async functions of other files, run from here (main.cpp is not lowered:
  // it sees their frames in the headers bcsc wrote).
  int direct = bcsc::block_on(consumer::scaled_sum(10));
  std::printf("block_on(scaled_sum(10)) = %d\n", direct);
  int reading = bcsc::block_on(consumer::read_sensor(5));
  std::printf("read_sensor(5) = %d\n", reading);
  return sum == 3 * (10 + 11 + 12 + 13) && direct == sum && reading == 5 ? 0 : 1;
}
