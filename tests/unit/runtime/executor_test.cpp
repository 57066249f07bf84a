// executor<N>: spawning, run loops, full slots, typed pools, cancellation,
// cross-thread wake-ups.
#include "test_support.hpp"

#include <bcsc/host/idle.hpp>
#include <bcsc/host/panic.hpp>

#include <atomic>
#include <string>
#include <thread>
#include <vector>

using namespace bcsc_test;

namespace {

// Logs each poll and completes after `n` yields.
struct yielder {
  using output_type = void;
  std::vector<std::string>* log;
  const char* name;
  int n;
  bcsc::poll_result<void> poll(bcsc::context& cx) {
    log->push_back(name);
    if (n-- == 0) return bcsc::ready();
    cx.get_waker().wake();
    return bcsc::pending;
  }
};

}  // namespace

TEST(Executor, RunsSpawnedTasksToCompletionRoundRobin) {
  std::vector<std::string> log;
  bcsc::executor<3> exec;
  ASSERT_TRUE(exec.spawn(yielder{&log, "a", 2}));
  ASSERT_TRUE(exec.spawn(yielder{&log, "b", 0}));
  ASSERT_TRUE(exec.spawn(yielder{&log, "c", 1}));
  EXPECT_EQ(exec.live_tasks(), 3u);
  exec.run();
  EXPECT_EQ(exec.live_tasks(), 0u);
  std::vector<std::string> expected = {"a", "b", "c", "a", "c", "a"};
  EXPECT_EQ(log, expected);
}

TEST(Executor, FullExecutorReportsFailureAndFreesSlotsOnCompletion) {
  std::vector<std::string> log;
  bcsc::executor<2> exec;
  EXPECT_TRUE(exec.spawn(yielder{&log, "a", 0}));
  EXPECT_TRUE(exec.spawn(yielder{&log, "b", 0}));
  EXPECT_FALSE(exec.spawn(yielder{&log, "c", 0}));  // full: refused, nothing run
  exec.run();
  EXPECT_EQ(log, (std::vector<std::string>{"a", "b"}));
  EXPECT_TRUE(exec.spawn(yielder{&log, "d", 0}));   // slots were freed
  exec.run();
  EXPECT_EQ(log.back(), "d");
}

TEST(Executor, RefusedFutureIsNotLeakedOrDoubleDestroyed) {
  counted::reset();
  {
    bcsc::executor<1> exec;
    ASSERT_TRUE(exec.spawn(forever{}));
    EXPECT_FALSE(exec.spawn(forever{}));
  }
  EXPECT_EQ(counted::alive(), 0);
}

TEST(Executor, SlotSizeIsACompileTimeConstant) {
  using small = bcsc::executor<4, 32, 8>;
  static_assert(small::slot_count == 4 && small::slot_size == 32 && small::slot_align == 8);
  // Four 32-byte slots plus a small header each: no hidden storage.
  EXPECT_LT(sizeof(small), 4 * (32 + 64) + 64);
}

TEST(Executor, DestroyingTheExecutorCancelsUnfinishedTasks) {
  counted::reset();
  {
    bcsc::executor<2> exec;
    ASSERT_TRUE(exec.spawn(forever{}));
    ASSERT_TRUE(exec.spawn(countdown<int>{100, 0}));
    EXPECT_EQ(exec.run_until_idle(), 102u);  // countdown wakes itself until done
    EXPECT_EQ(exec.live_tasks(), 1u);
    EXPECT_EQ(counted::alive(), 1);
  }
  EXPECT_EQ(counted::alive(), 0);
}

TEST(Executor, RunUntilIdleReturnsWhenNothingIsQueued) {
  bcsc::executor<1> exec;
  int polls = 0;
  forever f{};
  f.polls = &polls;
  ASSERT_TRUE(exec.spawn(std::move(f)));
  EXPECT_EQ(exec.run_until_idle(), 1u);  // polled once, never woken
  EXPECT_EQ(exec.run_until_idle(), 0u);
  EXPECT_EQ(polls, 1);
}

TEST(Executor, TypedPoolsHoldExactlySizedTasks) {
  static bcsc::task_pool<countdown<int>, 2> pool;
  bcsc::executor<1, 8, 8> exec;  // own slots too small for countdown
  EXPECT_TRUE(exec.spawn(pool, countdown<int>{1, 0}));
  EXPECT_TRUE(exec.spawn(pool, countdown<int>{2, 0}));
  EXPECT_FALSE(exec.spawn(pool, countdown<int>{0, 0}));
  EXPECT_EQ(pool.busy_count(), 2u);
  exec.run();
  EXPECT_EQ(pool.busy_count(), 0u);
  EXPECT_TRUE(exec.spawn(pool, countdown<int>{0, 0}));
  exec.run();
}

TEST(Executor, TypedSlotCancelledWhenExecutorDies) {
  counted::reset();
  bcsc::task_slot<forever> slot;
  {
    bcsc::executor<1> exec;
    ASSERT_TRUE(exec.spawn(slot, forever{}));
    EXPECT_FALSE(exec.spawn(slot, forever{}));  // busy
    exec.run_until_idle();
    EXPECT_TRUE(slot.busy());
  }
  EXPECT_FALSE(slot.busy());
  EXPECT_EQ(counted::alive(), 0);
}

TEST(Executor, TypedSlotIsReusableByANewExecutorAfterTheOldOneDied) {
  bcsc::task_slot<countdown<int>> slot;
  {
    bcsc::executor<1> first;
    ASSERT_TRUE(first.spawn(slot, countdown<int>{5, 0}));  // queued, never run
  }
  bcsc::executor<1> second;
  ASSERT_TRUE(second.spawn(slot, countdown<int>{2, 0}));
  EXPECT_EQ(second.run_until_idle(), 3u);
  EXPECT_FALSE(slot.busy());
}

// A task that spawns another task onto the same executor while running.
struct spawner {
  using output_type = void;
  bcsc::executor<2>* exec;
  std::vector<std::string>* log;
  bcsc::poll_result<void> poll(bcsc::context&) {
    EXPECT_TRUE(exec->spawn(yielder{log, "child", 1}));
    log->push_back("parent");
    return bcsc::ready();
  }
};

TEST(Executor, TasksCanSpawnTasks) {
  std::vector<std::string> log;
  bcsc::executor<2> exec;
  ASSERT_TRUE(exec.spawn(spawner{&exec, &log}));
  exec.run();
  EXPECT_EQ(log, (std::vector<std::string>{"parent", "child", "child"}));
}

// Pending until another thread sets `go`; that thread wakes the task.
struct remote_woken {
  using output_type = void;
  std::atomic<bool>* go;
  std::atomic<bcsc::waker*>* published;
  bcsc::waker* slot;
  int* polls;
  bcsc::poll_result<void> poll(bcsc::context& cx) {
    ++*polls;
    if (go->load()) return bcsc::ready();
    *slot = cx.get_waker();
    published->store(slot);
    return bcsc::pending;
  }
};

TEST(Executor, RunSleepsUntilAnotherThreadWakesATask) {
  std::atomic<bool> go{false};
  std::atomic<bcsc::waker*> published{nullptr};
  bcsc::waker w;
  int polls = 0;
  bcsc::executor<1> exec;
  ASSERT_TRUE(exec.spawn(remote_woken{&go, &published, &w, &polls}));
  std::thread t([&] {
    bcsc::waker* p;
    while ((p = published.load()) == nullptr) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    go.store(true);
    p->wake();
    p->wake();  // a second wake before the poll coalesces: queued once
  });
  exec.run();
  t.join();
  EXPECT_EQ(polls, 2);
}

// Calls run_until_idle on the executor that is polling it.
struct runs_executor_inside_poll {
  using output_type = void;
  bcsc::executor<1>* exec;
  bcsc::poll_result<void> poll(bcsc::context&) {
    exec->run_until_idle();
    return bcsc::ready();
  }
};

TEST(ExecutorDeathTest, RunLoopInsideAPollPanics) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        bcsc::set_panic_handler(&bcsc::host::print_panic);
        bcsc::executor<1> exec;
        if (exec.spawn(runs_executor_inside_poll{&exec})) exec.run();
      },
      "nested run loops deadlock");
}

// block_on inside a task polled by an executor is the same deadlock.
struct block_on_inside_task {
  using output_type = void;
  bcsc::poll_result<void> poll(bcsc::context&) {
    bcsc::block_on(bcsc::yield_now());
    return bcsc::ready();
  }
};

TEST(ExecutorDeathTest, BlockOnInsideATaskPanics) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  EXPECT_DEATH(
      {
        bcsc::set_panic_handler(&bcsc::host::print_panic);
        bcsc::executor<1> exec;
        if (exec.spawn(block_on_inside_task{})) exec.run();
      },
      "nested block_on");
}
