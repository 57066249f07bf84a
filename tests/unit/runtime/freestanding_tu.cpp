// Compiled by arm-none-eabi-g++ for a Cortex-M3 (see CMakeLists.txt): the
// umbrella header and a few instantiations must build freestanding.
#include <bcsc/bcsc.hpp>

namespace {
struct countdown {
  using output_type = int;
  int n;
  bcsc::poll_result<int> poll(bcsc::context& cx) {
    if (n == 0) return 42;
    --n;
    cx.get_waker().wake();
    return bcsc::pending;
  }
};
struct blink {
  using output_type = void;
  bcsc::poll_result<void> poll(bcsc::context& cx) {
    auto r = bcsc::race(countdown{3}, countdown{1}).poll(cx);
    (void)r;
    return bcsc::ready();
  }
};
#if defined(__cpp_impl_coroutine)
bcsc::task<int> coro() {
  auto [a, b] = co_await bcsc::join(countdown{1}, bcsc::yield_now());
  (void)b;
  co_return a;
}
#endif
bcsc::executor<2, 64, 8> exec;
bcsc::task_pool<blink, 2> blinkers;
bcsc::event ev;
}  // namespace

int firmware_main() {
  bool ok = exec.spawn(blink{}) && exec.spawn(blinkers, blink{});
  exec.run();
  ev.set();
  auto [v, unit] = bcsc::block_on(bcsc::join(countdown{2}, ev.wait()));
  (void)unit;
#if defined(__cpp_impl_coroutine)
  v += bcsc::block_on(coro());
#endif
  return ok ? v : -1;
}
