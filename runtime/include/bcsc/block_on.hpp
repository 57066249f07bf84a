// bcsc::block_on(fut): run one future to completion on the calling thread.
//
//   int v = bcsc::block_on(compute(3));      // polls the temporary in place
//   auto f = compute(3); bcsc::block_on(f);  // or an lvalue, in place too
//
// The waker handed to the future sets an atomic "woken" flag and calls
// idle_hook::notify(); between polls block_on sleeps in idle_hook::wait()
// until the flag is set (host: condition variable parker from
// <bcsc/host/idle.hpp>; Cortex-M: the port's WFE hook; default: spin).
// Waking is therefore safe from interrupt handlers and other threads, for as
// long as the future is alive.
//
// Nesting: calling block_on while block_on or an executor run loop is
// polling on the same thread would deadlock (the outer future can only make
// progress on this thread); it panics with a message instead.
#pragma once

#include <atomic>
#include <type_traits>
#include <utility>

#include "detail/runtime_scope.hpp"
#include "future.hpp"
#include "idle.hpp"

namespace bcsc {
namespace detail {

struct block_on_parker {
  std::atomic<bool> woken{false};
  idle_hook* hook;

  static void wake(void* p) noexcept {
    auto* self = static_cast<block_on_parker*>(p);
    idle_hook* hook = self->hook;  // read first: block_on may return right after the store
    self->woken.store(true, std::memory_order_release);
    hook->notify();
  }
  void sleep_until_woken() noexcept {
    while (!woken.exchange(false, std::memory_order_acquire)) hook->wait();
  }
};

template <class F>
output_t<F> drive_to_completion(F& fut, idle_hook& hook) noexcept {
  runtime_scope scope("bcsc::block_on",
                      "bcsc: nested block_on: block_on called while block_on or an executor is "
                      "polling on this thread (would deadlock); co_await the future instead");
  block_on_parker parker;
  parker.hook = &hook;
  context cx(waker(&parker, &block_on_parker::wake));
  for (;;) {
    auto r = fut.poll(cx);
    if (r.is_ready()) return r.take();
    parker.sleep_until_woken();
  }
}

}  // namespace detail

template <class F>
output_t<F> block_on(F&& fut, idle_hook& hook = default_idle_hook()) noexcept {
  static_assert(is_future_v<F>, "block_on: argument is not a bcsc future");
  // Polled where it is, never moved: a temporary argument lives until the
  // end of the caller's full-expression anyway, and moving an unstarted
  // lowered frame would move its by-value parameters (an observable move
  // that the C++20 fallback, which moves a coroutine handle, does not make).
  return detail::drive_to_completion(fut, hook);
}

}  // namespace bcsc
