// The switch-cost workloads as async functions: lowered by bcsc (C++17) for
// the "bcsc" variant, compiled as they are (C++20, bcsc::task) for the
// "coroutine" variant. Same executor, same yield_now, same channels as the
// hand-written variant (handwritten.cpp).
#include <bcsc/bcsc.hpp>

#include "channel.hpp"
#include "workloads.hpp"

[[bcsc::async]] bcsc::task<void> yield_loop(long n, long* count) {
  for (long i = 0; i < n; ++i) {
    co_await bcsc::yield_now();
    ++*count;
  }
}

// Tx has send(long), Rx has recv(): bench::channel, or the runtime
// channel's sender/receiver handles.
template <class Tx, class Rx>
[[bcsc::async]] bcsc::task<void> ping(Tx* tx, Rx* rx, long n, long* sum) {
  for (long i = 0; i < n; ++i) {
    co_await tx->send(i);
    long v = bench::unwrap(co_await rx->recv());
    *sum += v;
  }
}

template <class Tx, class Rx>
[[bcsc::async]] bcsc::task<void> pong(Tx* tx, Rx* rx, long n) {
  for (long i = 0; i < n; ++i) {
    long v = bench::unwrap(co_await rx->recv());
    co_await tx->send(v + 1);
  }
}

long run_yield(long n) {
  long count = 0;
  bcsc::executor<1> exec;
  if (!exec.spawn(yield_loop(n, &count))) return -1;
  exec.run();
  return count;
}

long run_pingpong(long n) {
  bench::channel<long> a, b;
  long sum = 0;
  bcsc::executor<2> exec;
  if (!exec.spawn(ping(&a, &b, n, &sum)) || !exec.spawn(pong(&b, &a, n))) return -1;
  exec.run();
  return sum;
}

long run_pingpong_runtime(long n) {
#if defined(BENCH_HAVE_RUNTIME_CHANNEL)
  bench::rt_channel a, b;
  auto a_tx = a.get_sender();
  auto a_rx = a.get_receiver();
  auto b_tx = b.get_sender();
  auto b_rx = b.get_receiver();
  long sum = 0;
  bcsc::executor<2> exec;
  if (!exec.spawn(ping(&a_tx, &b_rx, n, &sum)) || !exec.spawn(pong(&b_tx, &a_rx, n))) return -1;
  exec.run();
  return sum;
#else
  (void)n;
  return -2;
#endif
}

#if defined(__cpp_impl_coroutine)
const char* const variant_name = "coroutine";
#else
const char* const variant_name = "bcsc";
#endif
