// block_on: completion, in-place polling, cross-thread wake-up, nesting detection.
#include "test_support.hpp"

#include <bcsc/host/idle.hpp>
#include <bcsc/host/panic.hpp>

#include <atomic>
#include <thread>

using namespace bcsc_test;

TEST(BlockOn, ReturnsTheOutputOfAnOwnedFuture) {
  EXPECT_EQ(bcsc::block_on(countdown<int>{3, 42}), 42);
}

TEST(BlockOn, PollsAnLvalueInPlaceAndLeavesItToItsOwner) {
  counted::reset();
  {
    countdown<int> f{2, 7};
    EXPECT_EQ(bcsc::block_on(f), 7);
    EXPECT_TRUE(f.done);
    EXPECT_EQ(counted::alive(), 1);  // still ours, not moved from or destroyed
  }
  EXPECT_EQ(counted::alive(), 0);
}

TEST(BlockOn, VoidFuture) {
  countdown<void> f{4};
  bcsc::block_on(f);
  EXPECT_TRUE(f.done);
}

TEST(BlockOn, DestroysTheOwnedFutureExactlyOnce) {
  counted::reset();
  bcsc::block_on(countdown<int>{1, 0});
  EXPECT_EQ(counted::alive(), 0);
}

// A temporary future is polled where it is: moving an unstarted lowered
// frame would move its by-value parameters, which C++20 coroutines do not.
TEST(BlockOn, PollsATemporaryInPlaceWithoutMovingIt) {
  counted::reset();
  EXPECT_EQ(bcsc::block_on(countdown<int>{2, 5}), 5);
  EXPECT_EQ(counted::constructed, 1);
  EXPECT_EQ(counted::destroyed, 1);
}

TEST(BlockOn, PollsAnXvalueInPlaceAndLeavesItToItsOwner) {
  counted::reset();
  {
    countdown<int> f{1, 9};
    EXPECT_EQ(bcsc::block_on(std::move(f)), 9);
    EXPECT_TRUE(f.done);
    EXPECT_EQ(counted::constructed, 1);
  }
  EXPECT_EQ(counted::alive(), 0);
}

// Pending until another thread flips a flag and wakes the stored waker.
struct wait_for_thread {
  using output_type = int;
  std::atomic<bool>* flag;
  std::atomic<bool>* waker_published;
  bcsc::waker* slot;
  int polls = 0;
  bcsc::poll_result<int> poll(bcsc::context& cx) {
    ++polls;
    if (flag->load()) return polls;
    *slot = cx.get_waker();
    waker_published->store(true);
    return bcsc::pending;
  }
};

TEST(BlockOn, SleepsUntilWokenFromAnotherThread) {
  std::atomic<bool> flag{false}, published{false};
  bcsc::waker w;
  std::thread t([&] {
    while (!published.load()) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    flag.store(true);
    w.wake();
  });
  int polls = bcsc::block_on(wait_for_thread{&flag, &published, &w});
  t.join();
  // One pending poll, then exactly one more after the wake: the parker slept
  // instead of re-polling.
  EXPECT_EQ(polls, 2);
}

// Calls block_on from inside its own poll.
struct nests_block_on {
  using output_type = int;
  bcsc::poll_result<int> poll(bcsc::context&) { return bcsc::block_on(countdown<int>{0, 1}); }
};

TEST(BlockOnDeathTest, NestedBlockOnPanicsWithAClearMessage) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        bcsc::set_panic_handler(&bcsc::host::print_panic);
        bcsc::block_on(nests_block_on{});
      },
      "nested block_on");
}

// block_on consults this per-thread marker to detect nesting.
struct observes_run_loop {
  using output_type = bool;
  bcsc::poll_result<bool> poll(bcsc::context&) { return bcsc::in_run_loop(); }
};

TEST(BlockOn, MarksTheThreadAsInsideARunLoopWhilePolling) {
  EXPECT_FALSE(bcsc::in_run_loop());
  EXPECT_TRUE(bcsc::block_on(observes_run_loop{}));
  EXPECT_FALSE(bcsc::in_run_loop());
}

// block_on on another thread while this thread is inside block_on is not
// nesting: each thread has its own marker.
struct block_on_in_other_thread {
  using output_type = int;
  bcsc::poll_result<int> poll(bcsc::context&) {
    int from_other = 0;
    std::thread t([&] { from_other = bcsc::block_on(countdown<int>{1, 5}); });
    t.join();
    return from_other;
  }
};

TEST(BlockOn, BlockOnInAnotherThreadIsNotNesting) {
  EXPECT_EQ(bcsc::block_on(block_on_in_other_thread{}), 5);
}
