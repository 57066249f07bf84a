// For callgrind: `bench_count WORKLOAD N` runs one workload once and prints
// its checksum. run.sh runs it with N = 0 (the baseline) and with N, and
// divides the difference in instructions by the number of cycles.
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include "workloads.hpp"

int main(int argc, char** argv) {
  if (argc != 3) {
    std::fprintf(stderr, "usage: %s yield|pingpong|pingpong_runtime N\n", argv[0]);
    return 2;
  }
  long n = std::atol(argv[2]);
  long r = std::strcmp(argv[1], "yield") == 0      ? run_yield(n)
           : std::strcmp(argv[1], "pingpong") == 0 ? run_pingpong(n)
                                                   : run_pingpong_runtime(n);
  std::printf("%s %s %ld %ld\n", variant_name, argv[1], n, r);
  return 0;
}
