// bcsc::executor<N>: a heap-free, single-threaded task executor.
//
//   bcsc::executor<4> exec;                 // 4 inline slots of 256 bytes
//   if (!exec.spawn(blink(led))) { ... }    // false: no free slot
//   exec.run();                             // until every task finished
//
//   bcsc::executor<2, 64, 8> small;         // 2 slots of 64 bytes, align 8
//
// Slots. executor<N, SlotSize, SlotAlign> owns N type-erased slots, each
// SlotSize bytes aligned to SlotAlign -- compile-time constants, so the whole
// executor is a fixed-size object you place in static storage or on the
// stack. spawn() static_asserts that the future fits. For futures of very
// different sizes, declare exactly-sized typed slots instead (embassy style)
// and spawn into them:
//
//   static bcsc::task_pool<decltype(worker(0)), 3> workers;   // 3 slots
//   exec.spawn(workers, worker(1));                            // bool
//
// A pool/slot binds to the first executor it is spawned on.
//
// Spawning takes the future by value (moved in before its first poll; a
// spawned future's output is discarded). A full executor or pool makes
// spawn() return false; nothing allocates and nothing crashes.
//
// Run queue. Each task has an intrusive header (run-queue link + atomic
// "queued" flag). A task's waker is {header, wake fn}; waking sets "queued"
// with one atomic fetch_or and, if it was clear, pushes the header onto a
// lock-free stack and calls idle_hook::notify(). The run loop takes the
// whole stack at once, restores FIFO order and polls each task once.
//
// API and where it may be called:
//   spawn(...)         executor thread only (also from inside a task).
//   run_until_idle()   executor thread; polls until no task is queued;
//                      returns the number of polls made.
//   run()              executor thread; loops until no task is alive,
//                      calling idle_hook::wait() whenever the queue is empty.
//   live_tasks()       executor thread.
//   waking a task      ANY context: interrupt handlers, other threads.
// Running an executor loop from inside a poll (or inside block_on) panics.
// Destroying the executor destroys (cancels) every unfinished task.
//
// Idle hook: executor(idle_hook&) or the default from set_default_idle_hook
// (looked up when needed). See idle.hpp.
#pragma once

#include <atomic>
#include <cstddef>
#include <cstdint>
#include <new>
#include <type_traits>
#include <utility>

#include "detail/runtime_scope.hpp"
#include "future.hpp"
#include "idle.hpp"

namespace bcsc {

class executor_core;

namespace detail {

struct task_header {
  static constexpr std::uint8_t queued_bit = 1;

  std::atomic<std::uint8_t> flags{0};
  bool live = false;                   // owned by the executor thread
  task_header* next_ready = nullptr;   // run-queue link
  task_header* next_external = nullptr;  // typed slots registered with an executor
  executor_core* owner = nullptr;
  void* storage = nullptr;             // where the future lives
  // Polls the future once; on completion destroys it and returns true.
  bool (*poll_fn)(task_header&, context&) noexcept = nullptr;
  // Destroys a live, unfinished future (cancellation).
  void (*drop_fn)(task_header&) noexcept = nullptr;
};

// Type-erased poll/drop for a future of type F stored at `storage`.
template <class F>
struct task_ops {
  static F& future_at(void* storage) noexcept { return *std::launder(static_cast<F*>(storage)); }
};

}  // namespace detail

class executor_core {
 public:
  executor_core(const executor_core&) = delete;
  executor_core& operator=(const executor_core&) = delete;

  std::size_t run_until_idle() noexcept {
    detail::runtime_scope scope("bcsc::executor",
                                "bcsc: executor run loop entered while block_on or another run loop "
                                "is polling on this thread (nested run loops deadlock)");
    std::size_t polls = 0;
    while (task_header* batch = take_ready_fifo()) polls += poll_batch(batch);
    return polls;
  }

  void run() noexcept {
    while (live_ != 0) {
      run_until_idle();
      if (live_ != 0 && ready_.load(std::memory_order_acquire) == nullptr) hook().wait();
    }
  }

  std::size_t live_tasks() const noexcept { return live_; }

 protected:
  using task_header = detail::task_header;

  explicit executor_core(idle_hook* hook) noexcept : hook_(hook) {}
  ~executor_core() = default;

  idle_hook& hook() const noexcept { return hook_ ? *hook_ : default_idle_hook(); }

  // Construct F in the header's storage and queue it.
  template <class F>
  void start(task_header& h, void* storage, F&& fut) noexcept {
    using T = std::decay_t<F>;
    ::new (storage) T(std::move(fut));
    h.owner = this;
    h.storage = storage;
    h.poll_fn = [](task_header& t, context& cx) noexcept {
      T& f = detail::task_ops<T>::future_at(t.storage);
      if (f.poll(cx).is_pending()) return false;
      f.~T();
      return true;
    };
    h.drop_fn = [](task_header& t) noexcept { detail::task_ops<T>::future_at(t.storage).~T(); };
    h.live = true;
    ++live_;
    wake_header(&h);
  }

  // Cancel a live task (executor destruction).
  void drop(task_header& h) noexcept {
    if (!h.live) return;
    h.live = false;
    --live_;
    h.drop_fn(h);
  }

  void register_external(task_header& h) noexcept {
    h.next_external = external_;
    external_ = &h;
  }
  void drop_external() noexcept {
    for (task_header* h = external_; h != nullptr; h = h->next_external) {
      drop(*h);
      h->owner = nullptr;
      // A wake may have queued it on this (dying) run queue; clear the flag
      // so the next executor to use the slot can queue it again.
      h->flags.store(0, std::memory_order_relaxed);
    }
    external_ = nullptr;
  }

  static void wake_header(void* p) noexcept {
    auto* h = static_cast<task_header*>(p);
    if (h->flags.fetch_or(task_header::queued_bit, std::memory_order_acq_rel) & task_header::queued_bit) return;
    executor_core* ex = h->owner;
    idle_hook& hk = ex->hook();  // read before the push: the loop may finish right after it
    task_header* head = ex->ready_.load(std::memory_order_relaxed);
    do {
      h->next_ready = head;
    } while (!ex->ready_.compare_exchange_weak(head, h, std::memory_order_release, std::memory_order_relaxed));
    hk.notify();
  }

 private:
  task_header* take_ready_fifo() noexcept {
    task_header* lifo = ready_.exchange(nullptr, std::memory_order_acquire);
    task_header* fifo = nullptr;
    while (lifo != nullptr) {
      task_header* next = lifo->next_ready;
      lifo->next_ready = fifo;
      fifo = lifo;
      lifo = next;
    }
    return fifo;
  }

  std::size_t poll_batch(task_header* t) noexcept {
    std::size_t polls = 0;
    while (t != nullptr) {
      task_header* next = t->next_ready;  // read before clearing: a wake may reuse the link
      t->flags.fetch_and(static_cast<std::uint8_t>(~task_header::queued_bit), std::memory_order_acq_rel);
      if (t->live) {
        ++polls;
        poll_one(*t);
      }
      t = next;
    }
    return polls;
  }

  void poll_one(task_header& t) noexcept {
    context cx(waker(&t, &wake_header));
    if (t.poll_fn(t, cx)) {
      t.live = false;
      --live_;
    }
  }

  std::atomic<task_header*> ready_{nullptr};
  task_header* external_ = nullptr;
  idle_hook* hook_;
  std::size_t live_ = 0;
};

namespace detail {
// A task header followed by raw storage for the future.
template <std::size_t Size, std::size_t Align>
struct raw_slot {
  task_header header;
  alignas(Align) unsigned char storage[Size];
};
}  // namespace detail

// An exactly-sized slot for futures of type F. Declare it static (or in any
// storage that outlives the executor), then exec.spawn(slot, f(...)).
template <class F>
class task_slot {
  static_assert(is_future_v<F>, "task_slot<F>: F must be a bcsc future");
  static_assert(!std::is_reference_v<F> && !std::is_const_v<F>, "task_slot<F>: F must be a plain type");

 public:
  task_slot() noexcept = default;
  task_slot(const task_slot&) = delete;
  task_slot& operator=(const task_slot&) = delete;
  ~task_slot() {
    if (slot_.header.live) slot_.header.drop_fn(slot_.header);
  }
  bool busy() const noexcept { return slot_.header.live; }

 private:
  friend class executor_core;
  template <std::size_t, std::size_t, std::size_t>
  friend class executor;
  detail::raw_slot<sizeof(F), alignof(F)> slot_;
};

// K exactly-sized slots for futures of type F.
template <class F, std::size_t K>
class task_pool {
 public:
  static constexpr std::size_t capacity = K;
  task_slot<F>* free_slot() noexcept {
    for (auto& s : slots_)
      if (!s.busy()) return &s;
    return nullptr;
  }
  std::size_t busy_count() const noexcept {
    std::size_t n = 0;
    for (auto& s : slots_) n += s.busy() ? 1 : 0;
    return n;
  }

 private:
  task_slot<F> slots_[K];
};

template <std::size_t N, std::size_t SlotSize = 256, std::size_t SlotAlign = alignof(std::max_align_t)>
class executor : public executor_core {
  static_assert(N > 0, "executor<N>: N must be at least 1");

 public:
  static constexpr std::size_t slot_count = N;
  static constexpr std::size_t slot_size = SlotSize;
  static constexpr std::size_t slot_align = SlotAlign;

  executor() noexcept : executor_core(nullptr) {}
  explicit executor(idle_hook& hook) noexcept : executor_core(&hook) {}
  ~executor() {
    for (auto& s : slots_) drop(s.header);
    drop_external();
  }

  // Spawn into one of the executor's own slots. False if all are busy.
  template <class F>
  [[nodiscard]] bool spawn(F&& fut) noexcept {
    using T = std::decay_t<F>;
    check_spawnable<F>();
    static_assert(sizeof(T) <= SlotSize,
                  "future too large for this executor's slots: raise SlotSize or use a task_pool");
    static_assert(alignof(T) <= SlotAlign, "future over-aligned for this executor's slots");
    for (auto& s : slots_) {
      if (s.header.live) continue;
      start(s.header, s.storage, std::move(fut));
      return true;
    }
    return false;
  }

  // Spawn into a typed slot. False if the slot is busy.
  template <class F>
  [[nodiscard]] bool spawn(task_slot<std::decay_t<F>>& slot, F&& fut) noexcept {
    check_spawnable<F>();
    auto& h = slot.slot_.header;
    if (h.live) return false;
    if (h.owner == nullptr) {
      register_external(h);
    } else if (h.owner != this) {
      panic("bcsc: a task_slot was spawned on two different executors");
    }
    start(h, slot.slot_.storage, std::move(fut));
    return true;
  }

  // Spawn into any free slot of a typed pool. False if the pool is full.
  template <class F, std::size_t K>
  [[nodiscard]] bool spawn(task_pool<std::decay_t<F>, K>& pool, F&& fut) noexcept {
    task_slot<std::decay_t<F>>* s = pool.free_slot();
    return s != nullptr && spawn(*s, std::forward<F>(fut));
  }

 private:
  template <class F>
  static constexpr void check_spawnable() noexcept {
    static_assert(is_future_v<F>, "spawn: argument is not a bcsc future");
    static_assert(!std::is_lvalue_reference_v<F>,
                  "spawn takes ownership: pass a temporary or std::move the future");
  }
  detail::raw_slot<SlotSize, SlotAlign> slots_[N];
};

}  // namespace bcsc
