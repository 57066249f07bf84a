// The new primitives used from C++20 fallback tasks (co_await), end to end
// on executors: channels, mutex guards held across suspension, semaphores,
// signals, watch, oneshot, rw_lock, scope (nursery), timeout, interval.
#include "test_support.hpp"

#include <bcsc/host/idle.hpp>

#include <string>
#include <vector>

using namespace bcsc_test;

namespace {

using chan = bcsc::channel<int, 2>;

bcsc::task<void> produce(chan::sender tx, int from, int to) {
  for (int i = from; i <= to; ++i) EXPECT_TRUE(co_await tx.send(i));
}

bcsc::task<void> produce_then_close(chan::sender tx, int from, int to) {
  co_await produce(tx, from, to);
  tx.close();
}

bcsc::task<void> consume(chan::receiver rx, std::vector<int>* got) {
  while (auto v = co_await rx.recv()) got->push_back(*v);
}

bcsc::task<void> locker(bcsc::mutex<std::vector<std::string>>* m, std::string name) {
  auto g = co_await m->lock();
  g->push_back(name + "+");
  co_await bcsc::yield_now();  // the guard stays held across the suspension
  co_await bcsc::yield_now();
  g->push_back(name + "-");
}

bcsc::task<void> limited(bcsc::semaphore* sem, int* running, int* peak) {
  auto permit = co_await sem->acquire();
  ++*running;
  if (*running > *peak) *peak = *running;
  co_await bcsc::yield_now();
  --*running;
}

bcsc::task<void> await_signal(bcsc::signal* s, std::vector<int>* order, int id) {
  co_await s->wait();
  order->push_back(id);
}

bcsc::task<void> raise_n(bcsc::signal* s, int n) {
  for (int i = 0; i < n; ++i) {
    co_await bcsc::yield_now();
    s->raise();
  }
}

bcsc::task<bcsc::result<int, std::string>> step(int yields, bool fail) {
  for (int i = 0; i < yields; ++i) co_await bcsc::yield_now();
  if (fail) co_return bcsc::err(std::string("step failed"));
  co_return bcsc::ok(yields);
}

bcsc::task<std::string> nursery(bool fail, int* finished) {
  bcsc::scope<3, 64, std::string> s;  // a task<T> is one pointer
  EXPECT_TRUE(s.spawn(step(1, false)));
  EXPECT_TRUE(s.spawn(step(2, fail)));
  EXPECT_TRUE(s.spawn([](int* f) -> bcsc::task<void> {
    for (int i = 0; i < 5; ++i) co_await bcsc::yield_now();
    ++*f;
  }(finished)));
  auto r = co_await s.join();
  co_return r.is_ok() ? std::string("ok") : r.error();
}

}  // namespace

TEST(SyncTask, ChannelManyProducersOneConsumer) {
  chan ch;
  auto [tx, rx] = ch.split();
  std::vector<int> got;
  bcsc::executor<4, 64> exec;
  ASSERT_TRUE(exec.spawn(consume(rx, &got)));
  ASSERT_TRUE(exec.spawn(produce(tx, 1, 20)));
  ASSERT_TRUE(exec.spawn(produce_then_close(tx, 101, 120)));
  exec.run();
  // the consumer stops at close; the first producer may finish before or after
  EXPECT_GE(got.size(), 20u);
  int lo = 0, hi = 100;
  for (int v : got) {
    int& last = v > 100 ? hi : lo;
    EXPECT_EQ(v, last + 1);
    last = v;
  }
  EXPECT_EQ(hi, 120);
}

TEST(SyncTask, MutexGuardHeldAcrossSuspensionPoints) {
  bcsc::mutex<std::vector<std::string>> m;
  bcsc::executor<3, 64> exec;
  ASSERT_TRUE(exec.spawn(locker(&m, "a")));
  ASSERT_TRUE(exec.spawn(locker(&m, "b")));
  ASSERT_TRUE(exec.spawn(locker(&m, "c")));
  exec.run();
  EXPECT_EQ(m.get_unchecked(), (std::vector<std::string>{"a+", "a-", "b+", "b-", "c+", "c-"}));
}

TEST(SyncTask, SemaphoreLimitsConcurrency) {
  bcsc::semaphore sem(2);
  int running = 0, peak = 0;
  bcsc::executor<6, 64> exec;
  for (int i = 0; i < 6; ++i) ASSERT_TRUE(exec.spawn(limited(&sem, &running, &peak)));
  exec.run();
  EXPECT_EQ(peak, 2);
  EXPECT_EQ(sem.available(), 2u);
}

TEST(SyncTask, SignalWakesWaitersOneAtATimeInOrder) {
  bcsc::signal s;
  std::vector<int> order;
  bcsc::executor<4, 64> exec;
  for (int id = 1; id <= 3; ++id) ASSERT_TRUE(exec.spawn(await_signal(&s, &order, id)));
  exec.run_until_idle();
  ASSERT_TRUE(exec.spawn(raise_n(&s, 3)));
  exec.run();
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
}

TEST(SyncTask, ScopeJoinsChildrenAndPropagatesFailure) {
  int finished = 0;
  EXPECT_EQ(bcsc::block_on(nursery(false, &finished)), "ok");
  EXPECT_EQ(finished, 1);
  finished = 0;
  EXPECT_EQ(bcsc::block_on(nursery(true, &finished)), "step failed");
  EXPECT_EQ(finished, 0);  // the slow sibling was cancelled
}

TEST(SyncTask, WatchOneshotRwLock) {
  bcsc::watch<int> w(0);
  bcsc::oneshot<std::string> os;
  bcsc::rw_lock<int> rw(1);
  std::vector<int> seen;
  auto watcher = [](bcsc::watch<int>* w, std::vector<int>* seen) -> bcsc::task<void> {
    auto rx = w->subscribe();
    while (auto v = co_await rx.changed()) seen->push_back(*v);
  };
  auto updater = [](bcsc::watch<int>* w, bcsc::oneshot<std::string>* os, bcsc::rw_lock<int>* rw) -> bcsc::task<void> {
    for (int i = 1; i <= 3; ++i) {
      w->send(i);
      co_await bcsc::yield_now();
    }
    {
      auto g = co_await rw->write();
      *g = 99;
    }
    w->close();
    os->send("done");
  };
  auto reader = [](bcsc::oneshot<std::string>* os, bcsc::rw_lock<int>* rw) -> bcsc::task<std::string> {
    auto v = co_await os->recv();
    auto r = co_await rw->read();
    co_return *v + std::to_string(*r);
  };
  bcsc::executor<2, 64> exec;
  ASSERT_TRUE(exec.spawn(watcher(&w, &seen)));
  ASSERT_TRUE(exec.spawn(updater(&w, &os, &rw)));
  auto rd = reader(&os, &rw);
  exec.run();
  EXPECT_EQ(seen, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(bcsc::block_on(std::move(rd)), "done99");
}

TEST(SyncTask, TimeoutAndIntervalWithAFakeClock) {
  fake_clock_scope fc;
  auto body = [](bcsc::signal* s) -> bcsc::task<int> {
    auto first = co_await bcsc::timeout(s->wait(), bcsc::milliseconds(5));
    EXPECT_FALSE(first.has_value());
    bcsc::interval iv(bcsc::now() + bcsc::milliseconds(1), bcsc::milliseconds(1));
    int ticks = 0;
    for (int i = 0; i < 3; ++i) {
      co_await iv.tick();
      ++ticks;
    }
    auto second = co_await bcsc::timeout(s->wait(), bcsc::milliseconds(5));
    co_return ticks + (second.has_value() ? 10 : 0);
  };
  bcsc::signal s;
  auto t = body(&s);
  counting_waker w;
  bcsc::context cx(w.get());
  EXPECT_TRUE(t.poll(cx).is_pending());
  fc.clock.advance_by(bcsc::milliseconds(5));  // first timeout expires
  for (int i = 0; i < 3; ++i) {
    EXPECT_TRUE(t.poll(cx).is_pending());
    fc.clock.advance_by(bcsc::milliseconds(1));
  }
  EXPECT_TRUE(t.poll(cx).is_pending());
  s.raise();  // wins against the second timeout
  auto r = t.poll(cx);
  ASSERT_TRUE(r.is_ready());
  EXPECT_EQ(r.value(), 13);
  EXPECT_TRUE(bcsc::timer_queue::global().empty());
  EXPECT_FALSE(s.is_raised());
}
