#include <bcsc/bcsc.hpp>

#include <cstdio>

#include "consumer/tasks.hpp"
#include "consumer/unrelated.hpp"

int main() {
  std::printf("%s (%s)\n", consumer::banner, consumer::name());
  std::printf("lowered: %s\n", consumer::scaled_sum_frame_size() > 0 ? "yes" : "no");
  int sum = consumer::run_scaled_sum(10);
  std::printf("scaled_sum(10) = %d\n", sum);
  return sum == 3 * (10 + 11 + 12 + 13) ? 0 : 1;
}
