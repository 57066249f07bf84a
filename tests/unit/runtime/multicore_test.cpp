// Cross-thread and cross-executor signalling (label "tsan"):
//  * executors pinned to cores, tasks on one waking tasks on the other
//    through channels (ping-pong: every wake is needed);
//  * "ISR" threads calling the ISR-safe operations (signal::raise,
//    channel::try_send, semaphore::release) while tasks wait.
// A lost wake-up would hang; each wait is bounded and reported instead.
#include "test_support.hpp"

#include <bcsc/host/clock.hpp>
#include <bcsc/host/idle.hpp>
#include <bcsc/host/multicore.hpp>

#include <atomic>
#include <chrono>
#include <optional>
#include <thread>
#include <vector>

namespace {

#if defined(__SANITIZE_THREAD__) || defined(__SANITIZE_ADDRESS__)
constexpr bool sanitized = true;
#elif defined(__has_feature)
#if __has_feature(thread_sanitizer) || __has_feature(address_sanitizer)
constexpr bool sanitized = true;
#else
constexpr bool sanitized = false;
#endif
#else
constexpr bool sanitized = false;
#endif
constexpr int scaled(int n, int divisor = 10) { return sanitized ? n / divisor : n; }

using chan = bcsc::channel<int, 4>;

// Sends i, waits for i back, `rounds` times (plain future, C++17).
struct pinger {
  using output_type = void;
  chan::sender tx;
  chan::receiver rx;
  int rounds;
  int* errors;
  int i = 0;
  std::optional<chan::send_future> s;
  std::optional<chan::recv_future> r;
  bcsc::poll_result<void> poll(bcsc::context& cx) {
    while (i < rounds) {
      if (!s && !r) s.emplace(tx.send(i));
      if (s) {
        auto sr = s->poll(cx);
        if (sr.is_pending()) return bcsc::pending;
        s.reset();
        r.emplace(rx.recv());
      }
      auto v = r->poll(cx);
      if (v.is_pending()) return bcsc::pending;
      r.reset();
      if (!v.value() || *v.value() != i) ++*errors;
      ++i;
    }
    return bcsc::ready();
  }
};

// Echoes every value back until the channel closes.
struct echo {
  using output_type = void;
  chan::receiver rx;
  chan::sender tx;
  int* count;
  std::optional<chan::recv_future> r;
  std::optional<chan::send_future> s;
  bcsc::poll_result<void> poll(bcsc::context& cx) {
    for (;;) {
      if (!r && !s) r.emplace(rx.recv());
      if (r) {
        auto v = r->poll(cx);
        if (v.is_pending()) return bcsc::pending;
        r.reset();
        if (!v.value()) return bcsc::ready();
        ++*count;
        s.emplace(tx.send(*v.value()));
      }
      if (s->poll(cx).is_pending()) return bcsc::pending;
      s.reset();
    }
  }
};

struct then_close {
  using output_type = void;
  pinger p;
  chan* ch;
  bcsc::poll_result<void> poll(bcsc::context& cx) {
    if (p.poll(cx).is_pending()) return bcsc::pending;
    ch->close();
    return bcsc::ready();
  }
};

}  // namespace

TEST(Multicore, ExecutorsArePinnedToTheirCores) {
  const unsigned cores = bcsc::host::core_count();
  bcsc::host::core_executor<1> a(0), b(cores > 1 ? 1 : 0);
  std::atomic<int> core_a{-2}, core_b{-2};
  a.start([&](auto&) { core_a = bcsc::host::current_core(); });
  b.start([&](auto&) { core_b = bcsc::host::current_core(); });
  a.join();
  b.join();
  if (a.pin_error() != 0 || b.pin_error() != 0)
    GTEST_SKIP() << "pthread_setaffinity_np failed: " << a.pin_error() << "/" << b.pin_error();
  EXPECT_EQ(core_a.load(), 0);
  EXPECT_EQ(core_b.load(), static_cast<int>(cores > 1 ? 1 : 0));
}

TEST(Multicore, CrossExecutorPingPongThroughChannels) {
  const unsigned cores = bcsc::host::core_count();
  const int rounds = scaled(1000, 5);
  chan ab, ba;
  int errors = 0, echoed = 0;
  {
    bcsc::host::core_executor<1, 512> a(0), b(cores > 1 ? 1 : 0);
    b.start([&](auto& exec) { ASSERT_TRUE(exec.spawn(echo{ab.get_receiver(), ba.get_sender(), &echoed, {}, {}})); });
    a.start([&](auto& exec) {
      ASSERT_TRUE(exec.spawn(then_close{pinger{ab.get_sender(), ba.get_receiver(), rounds, &errors, 0, {}, {}}, &ab}));
    });
    a.join();
    b.join();
  }
  EXPECT_EQ(errors, 0);
  EXPECT_EQ(echoed, rounds);
}

TEST(Multicore, SignalRaisedFromAnotherThreadNeverLosesAWakeUp) {
  const int rounds = scaled(300, 3);
  bcsc::signal sig;
  std::atomic<int> consumed{0};
  std::atomic<int> lost{0};
  std::thread isr([&] {
    for (int i = 0; i < rounds; ++i) {
      sig.raise();
      // Wait for the task to consume it (raises coalesce otherwise).
      auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
      while (consumed.load(std::memory_order_acquire) <= i) {
        if (std::chrono::steady_clock::now() > deadline) {
          ++lost;
          sig.raise();
          deadline = std::chrono::steady_clock::now() + std::chrono::seconds(2);
        }
        std::this_thread::sleep_for(std::chrono::microseconds(5));  // give the CPU away
      }
    }
  });
  struct waiter {
    using output_type = void;
    bcsc::signal* sig;
    std::atomic<int>* consumed;
    int rounds;
    std::optional<bcsc::signal::wait_future> w;
    bcsc::poll_result<void> poll(bcsc::context& cx) {
      while (consumed->load(std::memory_order_relaxed) < rounds) {
        if (!w) w.emplace(sig->wait());
        if (w->poll(cx).is_pending()) return bcsc::pending;
        w.reset();
        consumed->fetch_add(1, std::memory_order_release);
      }
      return bcsc::ready();
    }
  };
  bcsc::block_on(waiter{&sig, &consumed, rounds, {}});
  isr.join();
  EXPECT_EQ(lost.load(), 0);
  EXPECT_EQ(consumed.load(), rounds);
}

TEST(Multicore, TrySendFromThreadsReachesAWaitingTaskInOrder) {
  const int per_thread = scaled(1000, 4);
  bcsc::channel<std::uint64_t, 8> ch;
  auto producer = [&](std::uint64_t id) {
    for (int i = 0; i < per_thread; ++i) {
      while (!ch.try_send((id << 32) | static_cast<std::uint64_t>(i)))
        std::this_thread::sleep_for(std::chrono::microseconds(5));
    }
  };
  struct collector {
    using output_type = void;
    bcsc::channel<std::uint64_t, 8>::receiver rx;
    int total;
    std::vector<int> next;  // expected next sequence per producer
    int bad = 0;
    std::optional<bcsc::channel<std::uint64_t, 8>::recv_future> r;
    bcsc::poll_result<void> poll(bcsc::context& cx) {
      while (total > 0) {
        if (!r) r.emplace(rx.recv());
        auto v = r->poll(cx);
        if (v.is_pending()) return bcsc::pending;
        r.reset();
        const std::uint64_t x = *v.value();
        int& expected = next[x >> 32];
        if (static_cast<int>(x & 0xffffffffu) != expected) ++bad;
        expected = static_cast<int>(x & 0xffffffffu) + 1;
        --total;
      }
      EXPECT_EQ(bad, 0);
      return bcsc::ready();
    }
  };
  std::thread t1(producer, 0), t2(producer, 1);
  bcsc::block_on(collector{ch.get_receiver(), 2 * per_thread, {0, 0}, 0, {}});
  t1.join();
  t2.join();
  EXPECT_EQ(ch.size(), 0u);
}

TEST(Multicore, SemaphoreReleasedFromThreadsHandsEveryPermitToATask) {
  const int permits = scaled(5000, 5);
  bcsc::semaphore sem(0);
  std::thread isr([&] {
    for (int i = 0; i < permits; ++i) {
      sem.release();
      if (i % 64 == 0) std::this_thread::yield();
    }
  });
  struct taker {
    using output_type = int;
    bcsc::semaphore* sem;
    int want;
    int got = 0;
    std::optional<bcsc::semaphore::acquire_future> a;
    bcsc::poll_result<int> poll(bcsc::context& cx) {
      while (got < want) {
        if (!a) a.emplace(sem->acquire());
        auto r = a->poll(cx);
        if (r.is_pending()) return bcsc::pending;
        r.value().forget();
        a.reset();
        ++got;
      }
      return got;
    }
  };
  EXPECT_EQ(bcsc::block_on(taker{&sem, permits, 0, {}}), permits);
  isr.join();
  EXPECT_EQ(sem.available(), 0u);
}

TEST(Multicore, MutexSharedByTasksOnTwoExecutors) {
  const int per_task = scaled(5000, 5);
  bcsc::mutex<long> m(0);
  struct adder {
    using output_type = void;
    bcsc::mutex<long>* m;
    int n;
    std::optional<bcsc::mutex<long>::lock_future> l;
    bcsc::poll_result<void> poll(bcsc::context& cx) {
      while (n > 0) {
        if (!l) l.emplace(m->lock());
        auto g = l->poll(cx);
        if (g.is_pending()) return bcsc::pending;
        l.reset();
        long v = *g.value();
        *g.value() = v + 1;
        --n;
      }
      return bcsc::ready();
    }
  };
  {
    bcsc::host::core_executor<2, 256> a(0), b(bcsc::host::core_count() > 1 ? 1 : 0);
    a.start([&](auto& exec) {
      ASSERT_TRUE(exec.spawn(adder{&m, per_task, {}}));
      ASSERT_TRUE(exec.spawn(adder{&m, per_task, {}}));
    });
    b.start([&](auto& exec) { ASSERT_TRUE(exec.spawn(adder{&m, per_task, {}})); });
  }
  EXPECT_EQ(m.get_unchecked(), 3L * per_task);
}
