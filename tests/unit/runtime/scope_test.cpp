// bcsc::scope (nursery) with hand-written futures (C++17, like lowered
// frames): completion, failure propagation and sibling cancellation,
// capacity, cancellation by destruction, nested spawning.
#include "test_support.hpp"

#include <bcsc/scope.hpp>

#include <string>
#include <vector>

using namespace bcsc_test;

namespace {

// Completes after n polls with a result: ok, or err(code).
struct fallible {
  using output_type = bcsc::result<int, int>;
  int n;
  int code;  // 0 = success
  std::vector<std::string>* log;
  std::string name;
  counted tag{};
  bcsc::poll_result<output_type> poll(bcsc::context& cx) {
    if (n-- > 0) {
      cx.get_waker().wake();
      return bcsc::pending;
    }
    log->push_back(name);
    if (code != 0) return output_type(bcsc::err(code));
    return output_type(bcsc::ok(1));
  }
};

// Spawns `extra` more children into its own scope, then completes.
template <class S>
struct spawner {
  using output_type = void;
  S* s;
  int extra;
  std::vector<std::string>* log;
  bcsc::poll_result<void> poll(bcsc::context&) {
    for (int i = 0; i < extra; ++i)
      EXPECT_TRUE(s->spawn(fallible{i, 0, log, "child" + std::to_string(i)}));
    return bcsc::ready();
  }
};

}  // namespace

TEST(Scope, CompletesWhenEveryChildHas) {
  std::vector<std::string> log;
  bcsc::scope<3, 256> s;
  ASSERT_TRUE(s.spawn(fallible{3, 0, &log, "slow"}));
  ASSERT_TRUE(s.spawn(fallible{0, 0, &log, "fast"}));
  ASSERT_TRUE(s.spawn(countdown<void>{1}));
  EXPECT_EQ(s.live(), 3u);
  auto r = bcsc::block_on(s.join());
  EXPECT_TRUE(r.is_ok());
  EXPECT_EQ(log, (std::vector<std::string>{"fast", "slow"}));
  EXPECT_EQ(s.live(), 0u);
}

TEST(Scope, EmptyScopeJoinsAtOnce) {
  bcsc::scope<1, 16> s;
  EXPECT_TRUE(bcsc::block_on(s.join()).is_ok());
}

TEST(Scope, FailingChildCancelsSiblingsAndTheErrorReachesTheParent) {
  counted::reset();
  std::vector<std::string> log;
  bcsc::scope<4, 256> s;
  int polls = 0;
  ASSERT_TRUE(s.spawn(forever{{}, &polls}));
  ASSERT_TRUE(s.spawn(fallible{2, 42, &log, "bad"}));
  ASSERT_TRUE(s.spawn(fallible{10, 0, &log, "slow"}));
  ASSERT_TRUE(s.spawn(fallible{3, 7, &log, "bad-later"}));
  EXPECT_EQ(counted::alive(), 4);
  auto r = bcsc::block_on(s.join());
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.error(), 42);
  EXPECT_EQ(log, (std::vector<std::string>{"bad"}));
  EXPECT_EQ(counted::alive(), 0);  // every sibling destroyed
  EXPECT_EQ(s.live(), 0u);
  EXPECT_EQ(polls, 3);
  // Reusable after join.
  ASSERT_TRUE(s.spawn(fallible{0, 0, &log, "again"}));
  EXPECT_TRUE(bcsc::block_on(s.join()).is_ok());
}

TEST(Scope, BoolConvertibleOutputsFailWithADefaultOrConvertedError) {
  struct empty_option {
    using output_type = bcsc::option<int>;
    bcsc::poll_result<output_type> poll(bcsc::context&) { return output_type(); }
  };
  bcsc::scope<2, 64> s;
  ASSERT_TRUE(s.spawn(empty_option{}));
  auto r = bcsc::block_on(s.join());
  ASSERT_FALSE(r.is_ok());
  EXPECT_EQ(r.error(), 0);

  struct string_error {
    using output_type = bcsc::result<void, const char*>;
    bcsc::poll_result<output_type> poll(bcsc::context&) { return output_type(bcsc::err("disk")); }
  };
  bcsc::scope<1, 64, std::string> named;
  ASSERT_TRUE(named.spawn(string_error{}));
  auto r2 = bcsc::block_on(named.join());
  ASSERT_FALSE(r2.is_ok());
  EXPECT_EQ(r2.error(), "disk");
}

TEST(Scope, IntegerOutputsNeverFail) {
  bcsc::scope<2, 128> s;
  ASSERT_TRUE(s.spawn(countdown<int>{1, 0}));
  ASSERT_TRUE(s.spawn(countdown<bool>{0, false}));
  EXPECT_TRUE(bcsc::block_on(s.join()).is_ok());
}

TEST(Scope, FullScopeRefusesAndFailedScopeRefuses) {
  std::vector<std::string> log;
  bcsc::scope<1, 256> s;
  ASSERT_TRUE(s.spawn(fallible{0, 1, &log, "bad"}));
  EXPECT_FALSE(s.spawn(fallible{0, 0, &log, "refused"}));
  counting_waker w;
  bcsc::context cx(w.get());
  auto j = s.join();
  auto r = j.poll(cx);
  ASSERT_TRUE(r.is_ready());
  EXPECT_FALSE(r.value().is_ok());
}

TEST(Scope, DestroyingTheScopeCancelsRunningChildren) {
  counted::reset();
  {
    bcsc::scope<2, 128> s;
    ASSERT_TRUE(s.spawn(forever{}));
    ASSERT_TRUE(s.spawn(forever{}));
    counting_waker w;
    bcsc::context cx(w.get());
    auto j = s.join();
    EXPECT_TRUE(j.poll(cx).is_pending());
    EXPECT_EQ(counted::alive(), 2);
  }
  EXPECT_EQ(counted::alive(), 0);
}

TEST(Scope, ChildrenMaySpawnSiblings) {
  std::vector<std::string> log;
  using S = bcsc::scope<4, 256>;
  S s;
  ASSERT_TRUE(s.spawn(spawner<S>{&s, 3, &log}));
  EXPECT_TRUE(bcsc::block_on(s.join()).is_ok());
  EXPECT_EQ(log.size(), 3u);
}

TEST(Scope, ChildTimersAreUnlinkedWhenASiblingFails) {
  fake_clock_scope fc;
  std::vector<std::string> log;
  bcsc::scope<2, 256> s;
  ASSERT_TRUE(s.spawn(bcsc::sleep_for(bcsc::seconds(10))));
  ASSERT_TRUE(s.spawn(fallible{1, 5, &log, "bad"}));
  auto r = bcsc::block_on(s.join());
  EXPECT_FALSE(r.is_ok());
  EXPECT_TRUE(bcsc::timer_queue::global().empty());
}

TEST(Scope, ScopeForIsSizedFromTheChildTypes) {
  using S = bcsc::scope_for<countdown<int>, bcsc::sleep_future>;
  static_assert(S::capacity == 2);
  static_assert(S::slot_size == (sizeof(countdown<int>) > sizeof(bcsc::sleep_future) ? sizeof(countdown<int>)
                                                                                       : sizeof(bcsc::sleep_future)));
  S s;
  ASSERT_TRUE(s.spawn(countdown<int>{2, 1}));
  ASSERT_TRUE(s.spawn(countdown<int>{1, 1}));
  EXPECT_TRUE(bcsc::block_on(s.join()).is_ok());
}

// A parent task (hand-written state machine, like a lowered frame) that
// owns a scope in its own frame, spawns and joins.
struct parent {
  using output_type = int;
  bcsc::scope<2, 256> s;
  std::vector<std::string>* log;
  bool started = false;
  bcsc::poll_result<int> poll(bcsc::context& cx) {
    if (!started) {
      started = true;
      EXPECT_TRUE(s.spawn(fallible{2, 0, log, "a"}));
      EXPECT_TRUE(s.spawn(fallible{1, 0, log, "b"}));
    }
    auto j = s.join();  // join futures are stateless: re-create per poll
    auto r = j.poll(cx);
    if (r.is_pending()) return bcsc::pending;
    return r.value().is_ok() ? 1 : 0;
  }
};

TEST(Scope, InsideAParentFrameOnAnExecutor) {
  std::vector<std::string> log;
  bcsc::executor<1, 1024> exec;
  ASSERT_TRUE(exec.spawn(parent{{}, &log}));
  exec.run();
  EXPECT_EQ(log, (std::vector<std::string>{"b", "a"}));
}
