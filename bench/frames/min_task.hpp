// A minimal lazy C++20 task used to measure the coroutine frames that clang
// and GCC build for the corpus. Its promise is only the result (an int), so
// the frame is the compiler's own layout plus 4 bytes of promise.
//
// Size: promise_type::operator new records every frame allocation; the
// driver reports the peak of live frame bytes during a run (for a function
// that awaits no other async function this is exactly the size passed to
// operator new; for nested ones it adds the callee frames, which bcsc and
// rustc store inline).
// Heap elision is prevented: every handle is written to a volatile global
// and frames are destroyed out of line (bench::destroy_frame).
//
// Nested awaits use a global stack of continuations instead of a pointer in
// the promise, to keep the promise minimal.
#pragma once

#include <coroutine>
#include <cstddef>
#include <cstdlib>

namespace bench {
inline std::coroutine_handle<> leaf;         // where the driver resumes
inline std::coroutine_handle<> parents[64];  // continuations of nested awaits
inline int depth = 0;
inline std::size_t live_bytes = 0, peak_bytes = 0, allocations = 0;
inline void* volatile escape;
// Out of line, so that clang's CoroElide never sees the destroy of a frame
// and cannot prove it safe to put the frame on the caller's stack or frame.
[[gnu::noinline]] inline void destroy_frame(void* address) {
  escape = address;
  std::coroutine_handle<>::from_address(address).destroy();
}
}  // namespace bench

namespace bcsc {
template <class T>
class task {
 public:
  struct promise_type {
    T value;
    static void* operator new(std::size_t n) {
      bench::live_bytes += n;
      ++bench::allocations;
      if (bench::live_bytes > bench::peak_bytes) bench::peak_bytes = bench::live_bytes;
      return std::malloc(n);
    }
    static void operator delete(void* p, std::size_t n) noexcept {
      bench::live_bytes -= n;
      std::free(p);
    }
    task get_return_object() noexcept { return task(std::coroutine_handle<promise_type>::from_promise(*this)); }
    std::suspend_always initial_suspend() noexcept { return {}; }
    struct final_awaiter {
      bool await_ready() noexcept { return false; }
      std::coroutine_handle<> await_suspend(std::coroutine_handle<>) noexcept {
        if (bench::depth == 0) return std::noop_coroutine();
        return bench::parents[--bench::depth];
      }
      void await_resume() noexcept {}
    };
    final_awaiter final_suspend() noexcept { return {}; }
    void return_value(T v) noexcept { value = v; }
    void unhandled_exception() noexcept { std::abort(); }
  };
  using handle = std::coroutine_handle<promise_type>;

  explicit task(handle h) noexcept : h_(h) { bench::escape = h.address(); }
  task(task&& o) noexcept : h_(o.h_) { o.h_ = {}; }
  ~task() {
    if (h_) bench::destroy_frame(h_.address());
  }

  // Awaiting a task: run it until it completes, then come back here.
  bool await_ready() noexcept { return false; }
  std::coroutine_handle<> await_suspend(std::coroutine_handle<> parent) noexcept {
    bench::parents[bench::depth++] = parent;
    return h_;
  }
  T await_resume() noexcept { return h_.promise().value; }

  // Top level: resume the innermost suspended coroutine until done.
  T run() {
    bench::leaf = h_;
    while (!h_.done()) bench::leaf.resume();
    return h_.promise().value;
  }

 private:
  handle h_;
};
}  // namespace bcsc
