// event and the intrusive wait list underneath it.
#include "test_support.hpp"

#include <bcsc/host/idle.hpp>

#include <atomic>
#include <thread>

using namespace bcsc_test;

TEST(WaitList, WakesInRegistrationOrderAndUnlinksOnDestruction) {
  bcsc::wait_list list;
  counting_waker a, b, c;
  bcsc::wait_node na, nc;
  {
    bcsc::wait_node nb;
    list.register_waiter(na, a.get());
    list.register_waiter(nb, b.get());
    list.register_waiter(nc, c.get());
    list.register_waiter(na, a.get());  // re-registering does not duplicate
    EXPECT_TRUE(nb.linked());
  }  // nb destroyed: unlinked
  EXPECT_TRUE(list.wake_one());
  EXPECT_EQ(a.wakes, 1);
  EXPECT_FALSE(na.linked());
  EXPECT_EQ(list.wake_all(), 1u);
  EXPECT_EQ(b.wakes, 0);
  EXPECT_EQ(c.wakes, 1);
  EXPECT_FALSE(list.wake_one());
}

TEST(Event, WaitCompletesAfterSet) {
  bcsc::event ev;
  counting_waker w;
  bcsc::context cx(w.get());
  auto f = ev.wait();
  EXPECT_TRUE(f.poll(cx).is_pending());
  EXPECT_TRUE(f.poll(cx).is_pending());  // still one registration
  ev.set();
  EXPECT_EQ(w.wakes, 1);
  EXPECT_TRUE(f.poll(cx).is_ready());
  EXPECT_TRUE(ev.wait().poll(cx).is_ready());  // stays set until reset
  ev.reset();
  EXPECT_TRUE(ev.wait().poll(cx).is_pending());
}

TEST(Event, CancelledWaiterIsNotWoken) {
  bcsc::event ev;
  counting_waker w1, w2;
  bcsc::context c1(w1.get()), c2(w2.get());
  auto kept = ev.wait();
  {
    auto dropped = ev.wait();
    EXPECT_TRUE(dropped.poll(c1).is_pending());
    EXPECT_TRUE(kept.poll(c2).is_pending());
  }
  ev.set();
  EXPECT_EQ(w1.wakes, 0);
  EXPECT_EQ(w2.wakes, 1);
}

TEST(Event, SetFromAnotherThreadWakesBlockOn) {
  bcsc::event ev;
  std::thread t([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    ev.set();
  });
  bcsc::block_on(ev.wait());
  t.join();
  EXPECT_TRUE(ev.is_set());
}

TEST(Event, JoinOfWaitersAllComplete) {
  bcsc::event ev;
  bcsc::executor<1> exec;
  int done = 0;
  struct both {
    using output_type [[maybe_unused]] = void;  // local class: gcc misreports it unused
    bcsc::join_future<bcsc::event_wait_future, bcsc::event_wait_future> j;
    int* done;
    bcsc::poll_result<void> poll(bcsc::context& cx) {
      if (j.poll(cx).is_pending()) return bcsc::pending;
      ++*done;
      return bcsc::ready();
    }
  };
  ASSERT_TRUE(exec.spawn(both{bcsc::join(ev.wait(), ev.wait()), &done}));
  exec.run_until_idle();
  EXPECT_EQ(done, 0);
  ev.set();
  exec.run_until_idle();
  EXPECT_EQ(done, 1);
}
