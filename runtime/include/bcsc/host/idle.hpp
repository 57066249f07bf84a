// Host idle hook: parks the calling thread on a condition variable.
//
// bcsc::host::thread_parker implements bcsc::idle_hook for hosted builds:
//   notify()  bumps a generation counter (one atomic add) and, only if some
//             thread is parked, wakes the parked threads. Safe from any
//             thread; never blocks for long.
//   wait()    parks until the generation differs from the one this thread
//             saw when its previous wait() returned (per-thread memory), so
//             a notify() that races the caller's "nothing to do" check is
//             never lost. A notify meant for another thread may wake this one
//             (a spurious return, which idle hooks allow).
// Including this header installs the parker as bcsc's default idle hook
// (block_on and executors then sleep instead of spinning).
#pragma once

#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <mutex>

#include "../idle.hpp"

namespace bcsc {
namespace host {

class thread_parker final : public idle_hook {
 public:
  static thread_parker& instance() noexcept {
    static thread_parker p;
    return p;
  }

  void wait() noexcept override {
    std::uint64_t& seen = last_seen();
    std::unique_lock<std::mutex> lock(mutex_);
    parked_.fetch_add(1, std::memory_order_seq_cst);
    while (generation_.load(std::memory_order_seq_cst) == seen) cv_.wait(lock);
    parked_.fetch_sub(1, std::memory_order_relaxed);
    seen = generation_.load(std::memory_order_seq_cst);
  }

  void notify() noexcept override {
    generation_.fetch_add(1, std::memory_order_seq_cst);
    // Dekker pairing with wait(): either the parked thread sees the new
    // generation, or we see it parked and take the lock (which it holds
    // until it is inside cv_.wait) before notifying.
    if (parked_.load(std::memory_order_seq_cst) == 0) return;
    { std::lock_guard<std::mutex> lock(mutex_); }
    cv_.notify_all();
  }

 private:
  static std::uint64_t& last_seen() noexcept {
    static thread_local std::uint64_t seen = 0;
    return seen;
  }

  std::mutex mutex_;
  std::condition_variable cv_;
  std::atomic<std::uint64_t> generation_{0};
  std::atomic<int> parked_{0};
};

namespace detail {
// Installed during static initialisation of any TU including this header.
inline const bool parker_installed = [] {
  if (bcsc::detail::default_idle_hook_slot().load() == nullptr) set_default_idle_hook(&thread_parker::instance());
  return true;
}();
}  // namespace detail

}  // namespace host
}  // namespace bcsc
