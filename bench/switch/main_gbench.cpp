// Google Benchmark driver: ns per await-resume cycle of each workload, for
// the variant this executable is linked with.
#include <benchmark/benchmark.h>

#include "workloads.hpp"

namespace {
constexpr long cycles_per_run = 1000;

void BM_yield(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(run_yield(cycles_per_run));
  state.counters["ns_per_cycle"] = benchmark::Counter(static_cast<double>(state.iterations()) * cycles_per_run,
                                                      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
void BM_pingpong(benchmark::State& state) {
  // cycles_per_run / 2 round trips: each is two await-resume cycles.
  for (auto _ : state) benchmark::DoNotOptimize(run_pingpong(cycles_per_run / 2));
  state.counters["ns_per_cycle"] = benchmark::Counter(static_cast<double>(state.iterations()) * cycles_per_run,
                                                      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
void BM_pingpong_runtime(benchmark::State& state) {
  for (auto _ : state) benchmark::DoNotOptimize(run_pingpong_runtime(cycles_per_run / 2));
  state.counters["ns_per_cycle"] = benchmark::Counter(static_cast<double>(state.iterations()) * cycles_per_run,
                                                      benchmark::Counter::kIsRate | benchmark::Counter::kInvert);
}
}  // namespace

BENCHMARK(BM_yield);
BENCHMARK(BM_pingpong);
BENCHMARK(BM_pingpong_runtime);
BENCHMARK_MAIN();
