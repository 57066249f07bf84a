// The frame-size corpus: 25 async functions (23 definitions, one template
// instantiated twice, one member function) of the kind embedded code is made
// of. bench/frames/corpus.rs holds the same functions in Rust; both print
// "name result" so run.sh can check that every build computes the same.
//
// Builds (see bench/run.sh):
//   bcsc lower corpus.cpp                                  -> frame_size
//   clang++-19 -std=c++20 -DBENCH_MIN_TASK -O0 / -Os       -> operator new size
//   g++-12     -std=c++20 -DBENCH_MIN_TASK -O2             -> operator new size
#include "support.hpp"

// --- the three functions of the lowering issue ---------------------------
[[bcsc::async]] bcsc::task<int> two_phases() {
  int total = 0;
  { char a[256]; std::memset(a, 1, sizeof a); use(a); total += co_await tick(); use(a); total += a[3]; }
  { char b[256]; std::memset(b, 2, sizeof b); use(b); total += co_await tick(); use(b); total += b[5]; }
  co_return total;
}

[[bcsc::async]] bcsc::task<int> sensor_loop() {
  float stats[16] = {};
  for (int i = 0; i < 10; ++i) {
    { float scratch[64]; for (int k = 0; k < 64; ++k) scratch[k] = k * i; use(scratch); stats[i] = scratch[i]; }
    co_await tick();
  }
  use(stats);
  co_return (int)stats[3];
}

[[bcsc::async]] bcsc::task<int> small() { int a = co_await tick(); int b = co_await tick(); co_return a + b; }

// --- more shapes ------------------------------------------------------------
// Three awaits in a row; each value is used after the next await.
[[bcsc::async]] bcsc::task<int> straight_line() {
  int a = co_await tick();
  int b = co_await tick();
  int c = co_await tick();
  co_return a + b * 2 + c * 3;
}

// A counted loop of awaits.
[[bcsc::async]] bcsc::task<int> count_ticks(int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i) sum += co_await tick();
  co_return sum;
}

// Awaiting another async function twice.
[[bcsc::async]] bcsc::task<int> nested_small() {
  int x = co_await small();
  int y = co_await small();
  co_return x * 10 + y;
}

// A 512-byte message alive across one await.
[[bcsc::async]] bcsc::task<int> big_buffer() {
  char msg[512];
  std::memset(msg, 7, sizeof msg);
  use(msg);
  int t = co_await tick();
  use(msg);
  co_return msg[100] + t;
}

// Three disjoint 128-byte phases.
[[bcsc::async]] bcsc::task<int> three_phases() {
  int total = 0;
  { int a[32]; for (int k = 0; k < 32; ++k) a[k] = k; use(a); total += co_await tick(); use(a); total += a[1]; }
  { int b[32]; for (int k = 0; k < 32; ++k) b[k] = 2 * k; use(b); total += co_await tick(); use(b); total += b[2]; }
  { int c[32]; for (int k = 0; k < 32; ++k) c[k] = 3 * k; use(c); total += co_await tick(); use(c); total += c[3]; }
  co_return total;
}

// Different buffers in the two branches of an if.
[[bcsc::async]] bcsc::task<int> branchy(int mode) {
  int r = 0;
  if (mode > 0) {
    char big[200]; std::memset(big, 3, sizeof big); use(big);
    r = co_await tick();
    use(big); r += big[0];
  } else {
    short s[20]; for (int k = 0; k < 20; ++k) s[k] = (short)k; use(s);
    r = co_await tick();
    use(s); r += s[4];
  }
  co_return r;
}

// A while loop until a target is reached.
[[bcsc::async]] bcsc::task<int> wait_until(int target) {
  int seen = 0;
  while (seen < target) seen += co_await tick();
  co_return seen;
}

// Awaits inside the cases of a switch.
[[bcsc::async]] bcsc::task<int> dispatch(int cmd) {
  int out = 0;
  switch (cmd) {
    case 0: {
      out = co_await tick();
      break;
    }
    case 1: {
      int buf[8] = {1, 2, 3, 4, 5, 6, 7, 8};
      use(buf);
      out = co_await tick();
      out += buf[7];
      break;
    }
    default: {
      out = -1;
      break;
    }
  }
  co_return out;
}

// A struct alive across a loop of awaits.
struct reading {
  int id;
  float value;
  float min;
  float max;
  long long stamp;
};
[[bcsc::async]] bcsc::task<int> struct_local() {
  reading r{1, 0.f, 1e9f, -1e9f, 0};
  for (int i = 0; i < 4; ++i) {
    int t = co_await tick();
    float v = (float)(t * i);
    r.value = v;
    if (v < r.min) r.min = v;
    if (v > r.max) r.max = v;
    r.stamp += i;
  }
  co_return (int)(r.max - r.min) + (int)r.stamp + r.id;
}

// co_return from inside a loop.
[[bcsc::async]] bcsc::task<int> early_exit(int limit) {
  int acc = 0;
  for (int i = 0; i < 100; ++i) {
    acc += co_await tick();
    if (acc >= limit) co_return acc;
  }
  co_return -1;
}

// Parameters used after awaits.
[[bcsc::async]] bcsc::task<int> with_params(int a, int b, int c) {
  int x = co_await tick();
  int y = co_await tick();
  co_return a * x + b * y + c;
}

// A function template (instantiated with 16 and 64).
template <int N>
[[bcsc::async]] bcsc::task<int> fill_and_wait() {
  int data[N];
  for (int k = 0; k < N; ++k) data[k] = k;
  use(data);
  int t = co_await tick();
  use(data);
  co_return data[N - 1] + t;
}

// A member function.
struct sensor_dev {
  int bias;
  [[bcsc::async]] bcsc::task<int> read(int samples);
};
[[bcsc::async]] bcsc::task<int> sensor_dev::read(int samples) {
  int sum = 0;
  for (int i = 0; i < samples; ++i) {
    int t = co_await tick();
    sum += t + bias;
  }
  co_return sum;
}

// A do-while retry loop.
[[bcsc::async]] bcsc::task<int> retry_loop() {
  int tries = 0;
  int got = 0;
  do {
    got += co_await tick();
    ++tries;
  } while (got < 3);
  co_return tries;
}

// RAII guards alive across awaits.
int guards_alive = 0;
struct guard {
  int* counter;
  explicit guard(int* c) : counter(c) { ++*counter; }
  guard(const guard&) = delete;
  guard& operator=(const guard&) = delete;
  ~guard() { --*counter; }
};
[[bcsc::async]] bcsc::task<int> raii_guard() {
  guard g(&guards_alive);
  int a = co_await tick();
  {
    guard inner(&guards_alive);
    a += co_await tick();
    a += guards_alive;
  }
  co_return a;
}

// Three levels of nesting.
[[bcsc::async]] bcsc::task<int> nested_deep() {
  int r = co_await nested_small();
  r += co_await with_params(1, 2, 3);
  co_return r;
}

// A pointer to a local, used after an await.
[[bcsc::async]] bcsc::task<int> pointer_to_local() {
  int x = 5;
  int* p = &x;
  use(p);
  int t = co_await tick();
  *p += t;
  co_return x;
}

// Scratch buffers on both sides of an await, inside a loop.
[[bcsc::async]] bcsc::task<int> filter_loop() {
  int acc = 0;
  for (int i = 0; i < 4; ++i) {
    { int window[32]; for (int k = 0; k < 32; ++k) window[k] = k + i; use(window); acc += window[i]; }
    int t = co_await tick();
    { int out[32]; for (int k = 0; k < 32; ++k) out[k] = k * t; use(out); acc += out[i]; }
  }
  co_return acc;
}

// Values that accumulate: each crosses the following awaits.
[[bcsc::async]] bcsc::task<int> staggered_locals() {
  int a = co_await tick();
  int b = co_await tick();
  b += a;
  int c = co_await tick();
  c += b;
  int d = co_await tick();
  d += c;
  co_return a + b + c + d;
}

// Bytes of a frame received one await at a time.
[[bcsc::async]] bcsc::task<int> parse_frame() {
  unsigned char frame[32];
  int len = 0;
  while (len < 8) {
    int byte = co_await tick();
    frame[len] = (unsigned char)(byte + len);
    ++len;
  }
  use(frame);
  int sum = 0;
  for (int k = 0; k < len; ++k) sum += frame[k];
  co_return sum;
}

// A ring buffer alive across every await of a loop.
[[bcsc::async]] bcsc::task<int> moving_average() {
  int window[8] = {};
  int sum = 0;
  for (int i = 0; i < 12; ++i) {
    int v = co_await tick();
    sum += v * i - window[i % 8];
    window[i % 8] = v * i;
  }
  co_return sum;
}

// ---------------------------------------------------------------------------
sensor_dev dev{3};

// X(name, call): every function of the corpus, in the order of corpus.rs.
#define BENCH_CORPUS(X)                       \
  X(two_phases, two_phases())                 \
  X(sensor_loop, sensor_loop())               \
  X(small, small())                           \
  X(straight_line, straight_line())           \
  X(count_ticks, count_ticks(5))              \
  X(nested_small, nested_small())             \
  X(big_buffer, big_buffer())                 \
  X(three_phases, three_phases())             \
  X(branchy, branchy(1))                      \
  X(wait_until, wait_until(4))                \
  X(dispatch, dispatch(1))                    \
  X(struct_local, struct_local())             \
  X(early_exit, early_exit(3))                \
  X(with_params, with_params(4, 5, 6))        \
  X(fill_and_wait_16, fill_and_wait<16>())    \
  X(fill_and_wait_64, fill_and_wait<64>())    \
  X(sensor_dev_read, dev.read(3))             \
  X(retry_loop, retry_loop())                 \
  X(raii_guard, raii_guard())                 \
  X(nested_deep, nested_deep())               \
  X(pointer_to_local, pointer_to_local())     \
  X(filter_loop, filter_loop())               \
  X(staggered_locals, staggered_locals())     \
  X(parse_frame, parse_frame())               \
  X(moving_average, moving_average())

#include <cstdio>

#if defined(BENCH_MIN_TASK)
// Prints "name result bytes allocations": peak live frame bytes of one run.
#define BENCH_RUN(name, call)                                                                  \
  {                                                                                            \
    bench::live_bytes = bench::peak_bytes = bench::allocations = 0;                            \
    int result;                                                                                \
    {                                                                                          \
      auto t = call;                                                                           \
      result = t.run();                                                                        \
    }                                                                                          \
    std::printf("%s %d %zu %zu\n", #name, result, bench::peak_bytes, bench::allocations);     \
  }
#elif !defined(__cpp_impl_coroutine)
// Lowered by bcsc: "name result frame_size 0".
#define BENCH_RUN(name, call) \
  std::printf("%s %d %zu 0\n", #name, bcsc::block_on(call), (std::size_t)decltype(call)::frame_size);
#else
// The runtime's own C++20 fallback (bcsc::task on the heap): results only.
#define BENCH_RUN(name, call) std::printf("%s %d 0 0\n", #name, bcsc::block_on(call));
#endif

int main() {
  BENCH_CORPUS(BENCH_RUN)
  return guards_alive;
}
