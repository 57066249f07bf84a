// Timers: deadline ordering, alarm programming, cancellation, with a fake
// clock driver; plus one real-time smoke test of the host steady clock.
#include "test_support.hpp"

#include <bcsc/host/clock.hpp>
#include <bcsc/host/idle.hpp>

#include <vector>

using namespace bcsc_test;

namespace {

// Sleeps until `deadline`, then records `id`.
struct sleeper {
  using output_type = void;
  bcsc::sleep_future sleep;
  int id;
  std::vector<int>* order;
  bcsc::poll_result<void> poll(bcsc::context& cx) {
    if (sleep.poll(cx).is_pending()) return bcsc::pending;
    order->push_back(id);
    return bcsc::ready();
  }
};

sleeper sleep_then_record(std::uint64_t at_us, int id, std::vector<int>& order) {
  return sleeper{bcsc::sleep_until(bcsc::instant{at_us}), id, &order};
}

}  // namespace

TEST(Timer, DurationsAndInstants) {
  EXPECT_EQ(bcsc::milliseconds(3).us, 3000u);
  EXPECT_EQ(bcsc::seconds(2).us, 2000000u);
  EXPECT_EQ((bcsc::instant{5} + bcsc::microseconds(7)).us, 12u);
  EXPECT_EQ(bcsc::instant::max() + bcsc::seconds(1), bcsc::instant::max());  // saturates
  EXPECT_EQ(bcsc::instant{9} - bcsc::instant{4}, bcsc::microseconds(5));
}

TEST(Timer, FiresInDeadlineOrderNotSpawnOrder) {
  fake_clock_scope fc;
  std::vector<int> order;
  bcsc::executor<5> exec;
  ASSERT_TRUE(exec.spawn(sleep_then_record(300, 3, order)));
  ASSERT_TRUE(exec.spawn(sleep_then_record(100, 1, order)));
  ASSERT_TRUE(exec.spawn(sleep_then_record(200, 2, order)));
  ASSERT_TRUE(exec.spawn(sleep_then_record(100, 11, order)));  // ties keep registration order
  ASSERT_TRUE(exec.spawn(sleep_then_record(250, 25, order)));
  exec.run_until_idle();
  EXPECT_TRUE(order.empty());
  EXPECT_EQ(fc.clock.alarm, bcsc::instant{100});  // armed for the earliest

  fc.clock.advance_to(bcsc::instant{150});
  exec.run_until_idle();
  EXPECT_EQ(order, (std::vector<int>{1, 11}));
  EXPECT_EQ(fc.clock.alarm, bcsc::instant{200});

  fc.clock.advance_to(bcsc::instant{1000});  // several expire at once
  exec.run_until_idle();
  EXPECT_EQ(order, (std::vector<int>{1, 11, 2, 25, 3}));
  EXPECT_EQ(fc.clock.alarm, bcsc::instant::max());
  EXPECT_TRUE(bcsc::timer_queue::global().empty());
  EXPECT_EQ(exec.live_tasks(), 0u);
}

TEST(Timer, EarlierSleeperReArmsTheAlarm) {
  fake_clock_scope fc;
  counting_waker w;
  bcsc::context cx(w.get());
  auto late = bcsc::sleep_until(bcsc::instant{500});
  auto early = bcsc::sleep_until(bcsc::instant{50});
  EXPECT_TRUE(late.poll(cx).is_pending());
  EXPECT_EQ(fc.clock.alarm, bcsc::instant{500});
  EXPECT_TRUE(early.poll(cx).is_pending());
  EXPECT_EQ(fc.clock.alarm, bcsc::instant{50});
  fc.clock.advance_to(bcsc::instant{50});
  EXPECT_EQ(w.wakes, 1);
  EXPECT_EQ(fc.clock.alarm, bcsc::instant{500});
  EXPECT_TRUE(early.poll(cx).is_ready());
  EXPECT_TRUE(late.poll(cx).is_pending());
}

TEST(Timer, AlreadyExpiredDeadlineIsReadyWithoutQueueing) {
  fake_clock_scope fc;
  fc.clock.t = bcsc::instant{10};
  counting_waker w;
  bcsc::context cx(w.get());
  auto s = bcsc::sleep_until(bcsc::instant{10});
  EXPECT_TRUE(s.poll(cx).is_ready());
  EXPECT_TRUE(bcsc::timer_queue::global().empty());
}

TEST(Timer, SleepForCountsFromCreation) {
  fake_clock_scope fc;
  fc.clock.t = bcsc::instant{1000};
  auto s = bcsc::sleep_for(bcsc::microseconds(20));
  EXPECT_EQ(s.deadline(), bcsc::instant{1020});
}

TEST(Timer, DestroyingAPendingSleepUnlinksItsNode) {
  fake_clock_scope fc;
  counting_waker w;
  bcsc::context cx(w.get());
  {
    auto s = bcsc::sleep_until(bcsc::instant{100});
    EXPECT_TRUE(s.poll(cx).is_pending());
    EXPECT_FALSE(bcsc::timer_queue::global().empty());
  }
  EXPECT_TRUE(bcsc::timer_queue::global().empty());
  fc.clock.advance_to(bcsc::instant{200});  // stale alarm: harmless, wakes no one
  EXPECT_EQ(w.wakes, 0);
}

TEST(Timer, RaceWithTimeoutCancelsTheLoser) {
  fake_clock_scope fc;
  std::vector<int> order;
  struct timeout {
    using output_type = int;
    bcsc::sleep_future s;
    bcsc::poll_result<int> poll(bcsc::context& cx) {
      if (s.poll(cx).is_pending()) return bcsc::pending;
      return -1;
    }
  };
  auto r = bcsc::race(forever{}, timeout{bcsc::sleep_until(bcsc::instant{30})});
  counting_waker w;
  bcsc::context cx(w.get());
  EXPECT_TRUE(r.poll(cx).is_pending());
  fc.clock.advance_to(bcsc::instant{30});
  EXPECT_EQ(w.wakes, 1);
  auto out = r.poll(cx);
  ASSERT_TRUE(out.is_ready());
  EXPECT_EQ(out.value(), -1);
  EXPECT_TRUE(bcsc::timer_queue::global().empty());
}

TEST(TimerDeathTest, SleepWithoutADriverPanics) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  bcsc::clock_driver* old = bcsc::set_clock_driver(nullptr);
  EXPECT_DEATH(bcsc::sleep_for(bcsc::milliseconds(1)), "");
  bcsc::set_clock_driver(old);
}

TEST(HostClock, SleepForWaitsAtLeastTheDuration) {
  bcsc::host::steady_clock_driver clock;
  bcsc::clock_driver* old = bcsc::set_clock_driver(&clock);
  const bcsc::instant start = bcsc::now();
  bcsc::block_on(bcsc::join(bcsc::sleep_for(bcsc::milliseconds(20)), bcsc::sleep_for(bcsc::milliseconds(5))));
  const bcsc::duration took = bcsc::now() - start;
  EXPECT_GE(took, bcsc::milliseconds(20));
  EXPECT_LT(took, bcsc::seconds(2));
  bcsc::set_clock_driver(old);
}
