// The Cortex-M3 benchmark app (QEMU mps2-an385, run with -icount shift=0 so
// that virtual time counts instructions). It links the switch-cost workloads
// of bench/switch/workloads.cpp, either lowered by bcsc (C++17) or compiled
// as C++20 coroutines (arm-none-eabi-g++ -std=c++20 -fcoroutines), and
// prints raw SysTick counts that run.sh turns into instructions per task
// switch:
//   calib <loop iterations> <counts>      a loop of 2 instructions per iteration
//   run <workload> <n> <counts> <checksum>
//   heap <peak live frame bytes> <sbrk high-water bytes>
//   stack <peak stack bytes>             from the top of RAM, by painting
// SysTick runs free (no interrupt) from the 25 MHz core clock; under
// -icount shift=0 one count is 40 instructions, which the calibration loop
// confirms rather than assumes.
#include <bcsc/bcsc.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <new>

#include "semihosting.hpp"
#include "workloads.hpp"

namespace out = bcsc::port::semihost;

extern "C" std::uint32_t _estack;  // top of RAM (link.ld)

namespace {

volatile std::uint32_t& reg(std::uintptr_t a) { return *reinterpret_cast<volatile std::uint32_t*>(a); }
volatile std::uint32_t& syst_csr() { return reg(0xE000E010); }
volatile std::uint32_t& syst_rvr() { return reg(0xE000E014); }
volatile std::uint32_t& syst_cvr() { return reg(0xE000E018); }

void start_counter() {
  syst_csr() = 0;
  syst_rvr() = 0x00FFFFFFu;
  syst_cvr() = 0;
  syst_csr() = (1u << 2) | 1u;  // core clock, enabled, no interrupt
}
// SysTick counts down; elapsed counts modulo 2^24.
std::uint32_t elapsed(std::uint32_t from, std::uint32_t to) { return (from - to) & 0x00FFFFFFu; }

[[gnu::noinline]] void spin(std::uint32_t iterations) {
  asm volatile(
      "1: subs %0, %0, #1\n\t"
      "bne 1b"
      : "+r"(iterations)
      :
      : "cc");
}

void print_line(const char* tag, const char* name, long n, std::uint32_t counts, long checksum) {
  out::put(tag);
  out::put(" ");
  out::put(name);
  out::put(" ");
  out::put_int(static_cast<std::int32_t>(n));
  out::put(" ");
  out::put_uint(counts);
  out::put(" ");
  out::put_int(static_cast<std::int32_t>(checksum));
  out::put("\n");
}

template <class F>
void measure(const char* name, F run, long n) {
  std::uint32_t t0 = syst_cvr();
  long r = run(n);
  std::uint32_t t1 = syst_cvr();
  print_line("run", name, n, elapsed(t0, t1), r);
}

#if defined(__cpp_impl_coroutine)
// The coroutine build's frames come from the heap: malloc, with the peak of
// live frame bytes recorded.
std::size_t live_bytes = 0, peak_bytes = 0;
void* frame_alloc(std::size_t n) noexcept {
  live_bytes += n;
  if (live_bytes > peak_bytes) peak_bytes = live_bytes;
  return std::malloc(n);
}
void frame_free(void* p, std::size_t n) noexcept {
  live_bytes -= n;
  std::free(p);
}
#endif

// Stack high-water mark: paint the stack below the current frame, scan for
// the lowest word that changed at the end. The bcsc build keeps its task
// frames in executors on the stack, so RAM must include the stack.
constexpr std::uint32_t paint = 0xC0DEC0DEu;
constexpr std::uint32_t paint_bytes = 32 * 1024;
std::uint32_t* paint_low = nullptr;

[[gnu::noinline]] void paint_stack() {
  std::uint32_t* sp;
  asm volatile("mov %0, sp" : "=r"(sp));
  paint_low = sp - paint_bytes / 4;
  for (std::uint32_t* p = paint_low; p < sp - 64; ++p) *p = paint;  // 256 bytes of margin for this frame
}
std::uint32_t stack_peak() {
  std::uint32_t* p = paint_low;
  while (*p == paint) ++p;
  return static_cast<std::uint32_t>(reinterpret_cast<std::uintptr_t>(&_estack) - reinterpret_cast<std::uintptr_t>(p));
}

}  // namespace

#if defined(__cpp_impl_coroutine)
extern "C" char end;  // start of the heap (link.ld)
extern "C" void* sbrk(std::ptrdiff_t);

#if defined(BENCH_LEAN_HEAP)
// What a careful embedded user of the coroutine fallback writes: a bump
// _sbrk for newlib's malloc (instead of librdimon's, which links its stdio
// support) and nothrow operator new/delete on malloc (instead of
// libstdc++'s, which link the C++ unwinder: the runtime's default fallback
// allocator references operator new(size_t, nothrow_t)).
namespace {
char* heap_top = &end;
}
extern "C" void* _sbrk(std::ptrdiff_t incr) {
  char* old = heap_top;
  heap_top += incr;
  return old;
}
void* operator new(std::size_t n, const std::nothrow_t&) noexcept { return std::malloc(n); }
void* operator new(std::size_t n) { return std::malloc(n); }
void operator delete(void* p) noexcept { std::free(p); }
void operator delete(void* p, std::size_t) noexcept { std::free(p); }
#endif
#endif

int main() {
  paint_stack();
#if defined(__cpp_impl_coroutine)
  bcsc::set_fallback_allocator(&frame_alloc, &frame_free);
#endif
  start_counter();
  // Calibration: 2 instructions per iteration (+ a few for call/return).
  for (std::uint32_t iters : {0u, 1000000u}) {
    std::uint32_t t0 = syst_cvr();
    spin(iters == 0 ? 1 : iters);
    std::uint32_t t1 = syst_cvr();
    out::put("calib ");
    out::put_uint(iters);
    out::put(" ");
    out::put_uint(elapsed(t0, t1));
    out::put("\n");
  }
  for (long n : {0L, 20000L}) {
    measure("yield", run_yield, n);
    measure("pingpong", run_pingpong, n);
  }
#if defined(__cpp_impl_coroutine)
  out::put("heap ");
  out::put_uint(peak_bytes);
  out::put(" ");
  out::put_uint(static_cast<std::uint32_t>(static_cast<char*>(sbrk(0)) - &end));
  out::put("\n");
#else
  out::put("heap 0 0\n");
#endif
  out::put("stack ");
  out::put_uint(stack_peak());
  out::put("\n");
  return 0;
}
