// join and race: ordering, outputs, inline storage, cancellation.
#include "test_support.hpp"

#include <string>
#include <vector>

using namespace bcsc_test;

namespace {

// Polls `f` by hand until ready, at most `max_polls` times.
template <class F>
bcsc::poll_result<bcsc::output_t<F>> poll_until_ready(F& f, int max_polls, int* polls_made = nullptr) {
  counting_waker w;
  bcsc::context cx(w.get());
  for (int i = 1; i <= max_polls; ++i) {
    auto r = f.poll(cx);
    if (r.is_ready() || i == max_polls) {
      if (polls_made) *polls_made = i;
      return r;
    }
  }
  return bcsc::pending;
}

}  // namespace

// ------------------------------------------------------------------ join ----

TEST(Join, OutputIsATupleInArgumentOrderWithUnitForVoid) {
  auto [a, nothing, b] =
      bcsc::block_on(bcsc::join(countdown<int>{3, 1}, countdown<void>{1}, countdown<int>{0, 2}));
  EXPECT_EQ(a, 1);
  EXPECT_EQ(b, 2);
  EXPECT_EQ(nothing, bcsc::unit{});
  static_assert(std::is_same_v<decltype(nothing), bcsc::unit>);
}

TEST(Join, PollsChildrenInOrderAndNeverAgainAfterTheyComplete) {
  std::vector<std::string> log;
  auto j = bcsc::join(logged{&log, "a", 1}, logged{&log, "bb", 0}, logged{&log, "ccc", 2});
  int polls = 0;
  auto r = poll_until_ready(j, 10, &polls);
  ASSERT_TRUE(r.is_ready());
  EXPECT_EQ(polls, 3);
  std::vector<std::string> expected = {
      "poll a",   "poll bb", "done bb", "poll ccc",               // round 1
      "poll a",   "done a",  "poll ccc",                          // round 2: bb not polled
      "poll ccc", "done ccc"};                                    // round 3: only ccc
  EXPECT_EQ(log, expected);
  auto [a, b, c] = r.take();
  EXPECT_EQ(a, 1);
  EXPECT_EQ(b, 2);
  EXPECT_EQ(c, 3);
}

TEST(Join, OwnedChildIsDestroyedAsSoonAsItCompletes) {
  counted::reset();
  auto j = bcsc::join(countdown<int>{0, 1}, forever{});
  const int alive_before = counted::alive();  // the two children inside j
  EXPECT_EQ(alive_before, 2);
  counting_waker w;
  bcsc::context cx(w.get());
  EXPECT_TRUE(j.poll(cx).is_pending());
  EXPECT_EQ(counted::alive(), 1);  // the finished countdown is gone already
}

TEST(Join, DestroyingAPendingJoinCancelsEveryRunningChildExactlyOnce) {
  counted::reset();
  {
    auto j = bcsc::join(forever{}, countdown<int>{5, 0}, forever{});
    counting_waker w;
    bcsc::context cx(w.get());
    EXPECT_TRUE(j.poll(cx).is_pending());
    EXPECT_EQ(counted::alive(), 3);
  }
  EXPECT_EQ(counted::alive(), 0);
  EXPECT_GE(counted::destroyed, 3);
}

TEST(Join, LvalueChildrenAreBorrowedNotCopied) {
  counted::reset();
  countdown<int> a{2, 10};
  countdown<int> b{1, 20};
  const int before = counted::constructed;
  auto [x, y] = bcsc::block_on(bcsc::join(a, b));
  EXPECT_EQ(counted::constructed, before);  // no copy or move of a or b
  EXPECT_EQ(x + y, 30);
  EXPECT_TRUE(a.done);
  EXPECT_TRUE(b.done);
}

TEST(Join, EmptyJoinIsReadyAtOnce) {
  auto j = bcsc::join();
  auto r = poll_until_ready(j, 1);
  EXPECT_TRUE(r.is_ready());
}

struct big_future {
  using output_type = int;
  char payload[128];
  bcsc::poll_result<int> poll(bcsc::context&) { return 1; }
};

TEST(Join, StoresOwnedChildrenInlineAndBorrowedOnesByPointer) {
  using owned = decltype(bcsc::join(big_future{}, big_future{}));
  EXPECT_GE(sizeof(owned), 2 * sizeof(big_future));
  EXPECT_LT(sizeof(owned), 2 * sizeof(big_future) + 64);
  using borrowed = bcsc::join_future<big_future&, big_future&>;
  EXPECT_LT(sizeof(borrowed), sizeof(big_future));  // pointers + outputs only
}

TEST(JoinDeathTest, PollingAfterCompletionPanics) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  auto j = bcsc::join(countdown<int>{0});
  ASSERT_TRUE(poll_until_ready(j, 1).is_ready());
  EXPECT_DEATH(poll_until_ready(j, 1), "");
}

// ------------------------------------------------------------------ race ----

TEST(Race, FirstReadyWinsAndLosersAreDestroyedRightThen) {
  counted::reset();
  auto r = bcsc::race(countdown<int>{3, 1}, countdown<int>{1, 2}, forever{});
  EXPECT_EQ(counted::alive(), 3);
  int polls = 0;
  auto out = poll_until_ready(r, 10, &polls);
  ASSERT_TRUE(out.is_ready());
  EXPECT_EQ(out.value(), 2);
  EXPECT_EQ(polls, 2);
  EXPECT_EQ(counted::alive(), 0);  // destroyed on completion, before r dies
}

TEST(Race, EarlierArgumentWinsTies) {
  EXPECT_EQ(bcsc::block_on(bcsc::race(countdown<int>{1, 1}, countdown<int>{1, 2})), 1);
}

TEST(Race, PollsInOrderAndStopsAtTheWinner) {
  std::vector<std::string> log;
  auto r = bcsc::race(logged{&log, "a", 5}, logged{&log, "bb", 0}, logged{&log, "ccc", 0});
  auto out = poll_until_ready(r, 1);
  ASSERT_TRUE(out.is_ready());
  EXPECT_EQ(out.value(), 2);
  std::vector<std::string> expected = {"poll a", "poll bb", "done bb"};
  EXPECT_EQ(log, expected);  // ccc never polled
}

TEST(Race, DestroyingAPendingRaceCancelsAllChildren) {
  counted::reset();
  {
    auto r = bcsc::race(forever{}, forever{});
    counting_waker w;
    bcsc::context cx(w.get());
    EXPECT_TRUE(r.poll(cx).is_pending());
  }
  EXPECT_EQ(counted::alive(), 0);
}

TEST(Race, BorrowedLoserStaysAliveAndIsNotPolledAgain) {
  counted::reset();
  int loser_polls = 0;
  forever loser{};
  loser.polls = &loser_polls;
  EXPECT_EQ(bcsc::block_on(bcsc::race(loser, countdown<int>{2, 9})), 9);
  EXPECT_EQ(loser_polls, 3);
  EXPECT_EQ(counted::alive(), 1);  // the borrowed loser belongs to us
}

TEST(Race, VoidOutput) {
  countdown<void> a{1};
  bcsc::block_on(bcsc::race(a, countdown<void>{3}));
  EXPECT_TRUE(a.done);
}

TEST(Race, NestedInJoin) {
  auto [x, y] = bcsc::block_on(
      bcsc::join(bcsc::race(forever{}, countdown<int>{2, 4}), countdown<int>{5, 6}));
  EXPECT_EQ(x, 4);
  EXPECT_EQ(y, 6);
}

// ------------------------------------------------------------- yield_now ----

TEST(YieldNow, PendingOnceAndWakesItself) {
  auto y = bcsc::yield_now();
  counting_waker w;
  bcsc::context cx(w.get());
  EXPECT_TRUE(y.poll(cx).is_pending());
  EXPECT_EQ(w.wakes, 1);
  EXPECT_TRUE(y.poll(cx).is_ready());
}

// ---------------------------------------------------------------- moving ----

TEST(JoinDeathTest, MovingAfterTheFirstPollPanics) {
  GTEST_FLAG_SET(death_test_style, "threadsafe");
  auto j = bcsc::join(forever{});
  counting_waker w;
  bcsc::context cx(w.get());
  ASSERT_TRUE(j.poll(cx).is_pending());
  EXPECT_DEATH({ auto moved = std::move(j); (void)moved; }, "");
}
