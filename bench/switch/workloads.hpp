// The switch-cost workloads. Each variant (bcsc-lowered, C++20 coroutines,
// hand-written state machine) defines them in its own executable; each runs
// on a bcsc::executor and returns a checksum.
//   run_yield(n):           one task, n x `co_await yield_now()`   (n await-resume cycles)
//   run_pingpong(n):        two tasks pass n values back and forth over two
//                           bench::channel (inline one-slot)       (2n cycles)
//   run_pingpong_runtime(n): the same over bcsc::channel<long, 1> of the
//                           runtime, when <bcsc/channel.hpp> exists (else -2)
#pragma once

#include <bcsc/future.hpp>

long run_yield(long n);
long run_pingpong(long n);
long run_pingpong_runtime(long n);
extern const char* const variant_name;

#if __has_include(<bcsc/channel.hpp>) && !defined(BENCH_NO_RUNTIME_CHANNEL)
#include <bcsc/channel.hpp>
#define BENCH_HAVE_RUNTIME_CHANNEL 1
#endif

namespace bench {
// The value a recv() future completes with, for both channels.
inline long unwrap(long v) { return v; }
#if defined(BENCH_HAVE_RUNTIME_CHANNEL)
inline long unwrap(bcsc::option<long>&& v) { return *v; }
using rt_channel = bcsc::channel<long, 1>;
#endif
}  // namespace bench
