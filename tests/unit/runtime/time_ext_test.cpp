// Timer queue (pairing heap) order and removal against a reference model;
// timeout(); interval (drift-free, skip policy, cancellation). Fake clock.
#include "test_support.hpp"

#include <bcsc/host/clock.hpp>
#include <bcsc/host/idle.hpp>

#include <algorithm>
#include <memory>
#include <optional>
#include <random>
#include <utility>
#include <vector>

using namespace bcsc_test;

namespace {

struct id_waker {
  std::vector<int>* fired;
  int id;
  static void wake_fn(void* p) noexcept {
    auto* self = static_cast<id_waker*>(p);
    self->fired->push_back(self->id);
  }
};

}  // namespace

TEST(TimerHeap, RandomInsertRemoveFireMatchesASortedModel) {
  fake_clock_scope fc;
  std::mt19937 rng(1234);
  for (int round = 0; round < 20; ++round) {
    const int n = 200;
    std::vector<int> fired;
    std::vector<id_waker> wakers(n);
    std::vector<std::unique_ptr<bcsc::sleep_future>> sleeps(n);
    std::vector<std::pair<std::uint64_t, int>> model;  // (deadline, id), insertion order = id
    for (int i = 0; i < n; ++i) {
      wakers[i] = {&fired, i};
      const std::uint64_t at = 1 + rng() % 50;  // many equal deadlines
      sleeps[i] = std::make_unique<bcsc::sleep_future>(bcsc::sleep_until(bcsc::instant{fc.clock.t.us + at}));
      bcsc::context cx(bcsc::waker(&wakers[i], &id_waker::wake_fn));
      ASSERT_TRUE(sleeps[i]->poll(cx).is_pending());
      model.emplace_back(fc.clock.t.us + at, i);
    }
    EXPECT_EQ(bcsc::timer_queue::global().size(), static_cast<std::size_t>(n));
    // Cancel a third of them, in random order.
    std::vector<int> ids(n);
    for (int i = 0; i < n; ++i) ids[i] = i;
    std::shuffle(ids.begin(), ids.end(), rng);
    for (int k = 0; k < n / 3; ++k) {
      sleeps[ids[k]].reset();
      model.erase(std::find_if(model.begin(), model.end(), [&](auto& m) { return m.second == ids[k]; }));
    }
    std::sort(model.begin(), model.end());  // (deadline, id): id = registration order
    EXPECT_EQ(bcsc::timer_queue::global().next_deadline().us, model.front().first);
    // Advance step by step: fire order = (deadline, registration) order.
    for (std::uint64_t step = 0; step <= 60; ++step) fc.clock.advance_by(bcsc::microseconds(1));
    std::vector<int> expected;
    for (auto& m : model) expected.push_back(m.second);
    EXPECT_EQ(fired, expected) << "round " << round;
    EXPECT_TRUE(bcsc::timer_queue::global().empty());
    EXPECT_EQ(fc.clock.alarm, bcsc::instant::max());
  }
}

TEST(TimerHeap, ManySleepersInsertAndExpireQuickly) {
  fake_clock_scope fc;
  const int n = 20000;
  std::vector<int> fired;
  std::vector<id_waker> wakers(n);
  std::vector<bcsc::sleep_future> sleeps;
  sleeps.reserve(n);
  for (int i = 0; i < n; ++i) {
    wakers[i] = {&fired, i};
    sleeps.push_back(bcsc::sleep_until(bcsc::instant{static_cast<std::uint64_t>(n - i)}));  // descending
    bcsc::context cx(bcsc::waker(&wakers[i], &id_waker::wake_fn));
    ASSERT_TRUE(sleeps.back().poll(cx).is_pending());
  }
  fc.clock.advance_to(bcsc::instant{static_cast<std::uint64_t>(n)});
  ASSERT_EQ(fired.size(), static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) ASSERT_EQ(fired[i], n - 1 - i);
}

TEST(TimerHeap, MovingAScheduledTimerPanics) {
  fake_clock_scope fc;
  EXPECT_DEATH(
      {
        counting_waker w;
        bcsc::context cx(w.get());
        auto s = bcsc::sleep_until(bcsc::instant{10});
        (void)s.poll(cx);
        auto moved = std::move(s);
      },
      "");
}

// ------------------------------------------------------------------ timeout

TEST(Timeout, FutureFirstGivesItsOutputAndUnlinksTheTimer) {
  fake_clock_scope fc;
  counting_waker w;
  bcsc::context cx(w.get());
  auto t = bcsc::timeout(countdown<int>{2, 7}, bcsc::milliseconds(5));
  EXPECT_TRUE(t.poll(cx).is_pending());
  EXPECT_FALSE(bcsc::timer_queue::global().empty());
  EXPECT_TRUE(t.poll(cx).is_pending());
  auto r = t.poll(cx);
  ASSERT_TRUE(r.is_ready());
  ASSERT_TRUE(r.value().has_value());
  EXPECT_EQ(*r.value(), 7);
  EXPECT_TRUE(bcsc::timer_queue::global().empty());
}

TEST(Timeout, DeadlineFirstCancelsTheFuture) {
  fake_clock_scope fc;
  counted::reset();
  counting_waker w;
  bcsc::context cx(w.get());
  int polls = 0;
  auto t = bcsc::timeout(forever{{}, &polls}, bcsc::milliseconds(5));
  EXPECT_TRUE(t.poll(cx).is_pending());
  EXPECT_EQ(counted::alive(), 1);
  fc.clock.advance_by(bcsc::milliseconds(5));
  EXPECT_EQ(w.wakes, 1);
  auto r = t.poll(cx);
  ASSERT_TRUE(r.is_ready());
  EXPECT_FALSE(r.value().has_value());
  EXPECT_EQ(counted::alive(), 0);  // destroyed at once, not with the timeout
  EXPECT_EQ(polls, 2);
}

TEST(Timeout, VoidFuturesAndBorrowedFutures) {
  fake_clock_scope fc;
  bcsc::event ev;
  auto wait = ev.wait();
  auto t = bcsc::timeout(wait, bcsc::milliseconds(1));  // borrowed
  static_assert(std::is_same_v<bcsc::output_t<decltype(t)>, bcsc::option<bcsc::unit>>);
  ev.set();
  auto r = bcsc::block_on(t);
  EXPECT_TRUE(r.has_value());
}

TEST(Timeout, DestroyingAPendingTimeoutUnlinksEverything) {
  fake_clock_scope fc;
  counted::reset();
  counting_waker w;
  bcsc::context cx(w.get());
  {
    auto t = bcsc::timeout(forever{}, bcsc::seconds(1));
    EXPECT_TRUE(t.poll(cx).is_pending());
  }
  EXPECT_EQ(counted::alive(), 0);
  EXPECT_TRUE(bcsc::timer_queue::global().empty());
}

// ----------------------------------------------------------------- interval

TEST(Interval, DeadlinesStayOnTheGridEvenWhenPolledLate) {
  fake_clock_scope fc;
  counting_waker w;
  bcsc::context cx(w.get());
  bcsc::interval iv(bcsc::instant{100}, bcsc::microseconds(100));
  std::vector<std::uint64_t> scheduled;
  for (int k = 0; k < 5; ++k) {
    auto t = iv.tick();
    EXPECT_TRUE(t.poll(cx).is_pending());
    // The task gets to run 30 us after each deadline (late, but < 1 period).
    fc.clock.advance_to(bcsc::instant{iv.next_deadline().us + 30});
    auto r = t.poll(cx);
    ASSERT_TRUE(r.is_ready());
    EXPECT_EQ(r.value().missed, 0u);
    scheduled.push_back(r.value().scheduled.us);
  }
  // now()+period would have drifted to 100,230,360,...; the grid does not.
  EXPECT_EQ(scheduled, (std::vector<std::uint64_t>{100, 200, 300, 400, 500}));
  EXPECT_EQ(iv.next_deadline().us, 600u);
}

TEST(Interval, MissedTicksAreSkippedNotBurst) {
  fake_clock_scope fc;
  counting_waker w;
  bcsc::context cx(w.get());
  bcsc::interval iv(bcsc::instant{100}, bcsc::microseconds(100));
  fc.clock.advance_to(bcsc::instant{420});  // deadlines 100, 200, 300, 400 passed
  auto t = iv.tick();
  auto r = t.poll(cx);
  ASSERT_TRUE(r.is_ready());
  EXPECT_EQ(r.value().scheduled.us, 100u);
  EXPECT_EQ(r.value().missed, 3u);           // 200, 300, 400 skipped
  EXPECT_EQ(iv.next_deadline().us, 500u);    // still on the grid
  auto t2 = iv.tick();
  EXPECT_TRUE(t2.poll(cx).is_pending());     // no catch-up burst
  fc.clock.advance_to(bcsc::instant{500});
  auto r2 = t2.poll(cx);
  ASSERT_TRUE(r2.is_ready());
  EXPECT_EQ(r2.value().scheduled.us, 500u);
  EXPECT_EQ(r2.value().missed, 0u);
}

TEST(Interval, CancelledTickConsumesNothing) {
  fake_clock_scope fc;
  counting_waker w;
  bcsc::context cx(w.get());
  bcsc::interval iv(bcsc::instant{50}, bcsc::microseconds(50));
  {
    auto t = iv.tick();
    EXPECT_TRUE(t.poll(cx).is_pending());
  }
  EXPECT_TRUE(bcsc::timer_queue::global().empty());
  EXPECT_EQ(iv.next_deadline().us, 50u);
  fc.clock.advance_to(bcsc::instant{60});
  auto t = iv.tick();
  auto r = t.poll(cx);
  ASSERT_TRUE(r.is_ready());
  EXPECT_EQ(r.value().scheduled.us, 50u);
}

TEST(Interval, RealClockTicksAreDriftFree) {
  // Host steady clock: 10 ticks of 2 ms must end ~20 ms after the start,
  // on the grid, whatever the per-tick overhead.
  bcsc::host::steady_clock_driver clock;
  bcsc::clock_driver* previous = bcsc::set_clock_driver(&clock);
  const bcsc::instant start = bcsc::now();
  bcsc::interval iv(start + bcsc::milliseconds(2), bcsc::milliseconds(2));
  bcsc::instant last{};
  std::uint64_t missed = 0;
  for (int k = 0; k < 10; ++k) {
    auto r = bcsc::block_on(iv.tick());
    missed += r.missed;
    last = r.scheduled;
  }
  // Every tick stands for 1 + missed grid points; the grid never shifts.
  EXPECT_EQ((iv.next_deadline() - start).us, 2000u * (11 + missed));
  EXPECT_EQ((last - start).us % 2000u, 0u);
  EXPECT_GE(bcsc::now().us, last.us);
  bcsc::set_clock_driver(previous);
}
