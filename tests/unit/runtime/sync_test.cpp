// Synchronisation primitives polled by hand (C++17, the way lowered frames
// poll them): semaphore, signal, mutex, rw_lock, channel, oneshot, watch.
// Checks FIFO hand-off, no barging, and that cancelled waiters (destroyed
// futures) never lose a permit, a message or a wake-up.
#include "test_support.hpp"

#include <bcsc/channel.hpp>
#include <bcsc/mutex.hpp>
#include <bcsc/semaphore.hpp>
#include <bcsc/watch.hpp>

#include <memory>
#include <optional>
#include <string>
#include <vector>

using namespace bcsc_test;

namespace {

// A future under manual control, with its own counting waker.
template <class F>
struct probe {
  std::optional<F> fut;
  counting_waker w;
  explicit probe(F f) {
    fut.emplace(std::move(f));
  }
  // Polls; returns true and stores the output if ready.
  bool poll() {
    bcsc::context cx(w.get());
    auto r = fut->poll(cx);
    if (r.is_pending()) return false;
    if constexpr (std::is_void_v<bcsc::output_t<F>>) out.emplace();
    else out.emplace(r.take());
    fut.reset();
    return true;
  }
  void cancel() { fut.reset(); }
  std::optional<bcsc::unit_if_void<bcsc::output_t<F>>> out;
};
template <class F>
probe<F> make_probe(F f) {
  return probe<F>(std::move(f));
}

}  // namespace

// ---------------------------------------------------------------- semaphore

TEST(Semaphore, FastPathAndRaiiRelease) {
  bcsc::semaphore s(2);
  auto a = make_probe(s.acquire());
  ASSERT_TRUE(a.poll());
  EXPECT_EQ(a.out->count(), 1u);
  EXPECT_EQ(s.available(), 1u);
  a.out.reset();  // guard released
  EXPECT_EQ(s.available(), 2u);
  EXPECT_TRUE(s.try_acquire(2));
  EXPECT_FALSE(s.try_acquire());
  s.release(2);
  EXPECT_EQ(s.available(), 2u);
}

TEST(Semaphore, FifoHandOffWithoutBarging) {
  bcsc::semaphore s(0);
  auto a = make_probe(s.acquire());
  auto b = make_probe(s.acquire());
  EXPECT_FALSE(a.poll());
  EXPECT_FALSE(b.poll());
  s.release();
  EXPECT_EQ(a.w.wakes, 1);
  EXPECT_EQ(b.w.wakes, 0);
  // A newcomer cannot take the permit handed to `a`.
  auto c = make_probe(s.acquire());
  EXPECT_FALSE(c.poll());
  EXPECT_FALSE(s.try_acquire());
  EXPECT_FALSE(b.poll());
  ASSERT_TRUE(a.poll());
  a.out->forget();
  s.release();
  EXPECT_EQ(b.w.wakes, 1);
  EXPECT_EQ(c.w.wakes, 0);
  ASSERT_TRUE(b.poll());
}

TEST(Semaphore, BigRequestIsNotStarvedBySmallOnes) {
  bcsc::semaphore s(1);
  auto big = make_probe(s.acquire(3));
  auto small = make_probe(s.acquire(1));
  EXPECT_FALSE(big.poll());
  EXPECT_FALSE(small.poll());  // one permit free, but big is first
  s.release(1);
  EXPECT_EQ(big.w.wakes, 0);
  s.release(1);
  EXPECT_EQ(big.w.wakes, 1);
  ASSERT_TRUE(big.poll());
  EXPECT_EQ(s.available(), 0u);
  big.out.reset();  // releases 3
  EXPECT_EQ(small.w.wakes, 1);
  ASSERT_TRUE(small.poll());
  EXPECT_EQ(s.available(), 2u);
}

TEST(Semaphore, CancelledGrantedWaiterPassesThePermitOn) {
  bcsc::semaphore s(0);
  auto a = make_probe(s.acquire());
  auto b = make_probe(s.acquire());
  EXPECT_FALSE(a.poll());
  EXPECT_FALSE(b.poll());
  s.release();          // granted to a
  EXPECT_EQ(a.w.wakes, 1);
  a.cancel();           // a never saw it
  EXPECT_EQ(b.w.wakes, 1);
  ASSERT_TRUE(b.poll());
  b.out.reset();
  EXPECT_EQ(s.available(), 1u);
}

TEST(Semaphore, CancelledFrontWaiterUnblocksSmallerOnes) {
  bcsc::semaphore s(1);
  auto big = make_probe(s.acquire(5));
  auto small = make_probe(s.acquire(1));
  EXPECT_FALSE(big.poll());
  EXPECT_FALSE(small.poll());
  big.cancel();
  EXPECT_EQ(small.w.wakes, 1);
  EXPECT_TRUE(small.poll());
}

TEST(Semaphore, NeverPolledFutureDestroyedIsHarmless) {
  bcsc::semaphore s(1);
  { auto f = s.acquire(); }
  EXPECT_EQ(s.available(), 1u);
}

// ------------------------------------------------------------------- signal

TEST(Signal, StoredRaiseIsConsumedOnceAndSaturates) {
  bcsc::signal sig;
  sig.raise();
  sig.raise();
  EXPECT_TRUE(sig.is_raised());
  auto a = make_probe(sig.wait());
  EXPECT_TRUE(a.poll());
  auto b = make_probe(sig.wait());
  EXPECT_FALSE(b.poll());
  EXPECT_FALSE(sig.is_raised());
}

TEST(Signal, WakesOneWaiterInFifoOrder) {
  bcsc::signal sig;
  auto a = make_probe(sig.wait());
  auto b = make_probe(sig.wait());
  EXPECT_FALSE(a.poll());
  EXPECT_FALSE(b.poll());
  sig.raise();
  EXPECT_EQ(a.w.wakes, 1);
  EXPECT_EQ(b.w.wakes, 0);
  EXPECT_FALSE(sig.is_raised());  // handed to a, not stored
  EXPECT_FALSE(b.poll());
  EXPECT_TRUE(a.poll());
  sig.raise();
  EXPECT_TRUE(b.poll());
}

TEST(Signal, CancelledWokenWaiterDoesNotLoseTheWakeUp) {
  bcsc::signal sig;
  auto a = make_probe(sig.wait());
  auto b = make_probe(sig.wait());
  EXPECT_FALSE(a.poll());
  EXPECT_FALSE(b.poll());
  sig.raise();
  a.cancel();
  EXPECT_EQ(b.w.wakes, 1);
  EXPECT_TRUE(b.poll());
  // With no waiter left, a cancelled grant is stored again.
  auto c = make_probe(sig.wait());
  EXPECT_FALSE(c.poll());
  sig.raise();
  c.cancel();
  EXPECT_TRUE(sig.is_raised());
}

// -------------------------------------------------------------------- mutex

TEST(Mutex, GuardGivesAccessAndUnlocks) {
  bcsc::mutex<std::string> m("a");
  {
    auto g = make_probe(m.lock());
    ASSERT_TRUE(g.poll());
    **g.out += "b";
    EXPECT_TRUE(m.is_locked());
    EXPECT_FALSE(m.try_lock().has_value());
  }
  EXPECT_FALSE(m.is_locked());
  auto t = m.try_lock();
  ASSERT_TRUE(t.has_value());
  EXPECT_EQ(**t, "ab");
  EXPECT_EQ((*t)->size(), 2u);
}

TEST(Mutex, WaitersGetTheLockInArrivalOrder) {
  bcsc::mutex<std::vector<int>> m;
  auto holder = make_probe(m.lock());
  ASSERT_TRUE(holder.poll());
  auto a = make_probe(m.lock());
  auto b = make_probe(m.lock());
  auto c = make_probe(m.lock());
  EXPECT_FALSE(c.poll());  // c queued first
  EXPECT_FALSE(a.poll());
  EXPECT_FALSE(b.poll());
  holder.out.reset();
  EXPECT_EQ(c.w.wakes, 1);
  EXPECT_EQ(a.w.wakes, 0);
  EXPECT_FALSE(a.poll());
  ASSERT_TRUE(c.poll());
  c.out.reset();
  EXPECT_EQ(a.w.wakes, 1);
  ASSERT_TRUE(a.poll());
}

TEST(Mutex, CancelledLockerThatWasHandedTheLockPassesItOn) {
  bcsc::mutex<int> m(0);
  auto holder = make_probe(m.lock());
  ASSERT_TRUE(holder.poll());
  auto a = make_probe(m.lock());
  auto b = make_probe(m.lock());
  EXPECT_FALSE(a.poll());
  EXPECT_FALSE(b.poll());
  holder.out.reset();
  a.cancel();
  EXPECT_EQ(b.w.wakes, 1);
  ASSERT_TRUE(b.poll());
  b.out.reset();
  EXPECT_FALSE(m.is_locked());
}

// A task that locks, yields while holding the guard, then increments.
struct locked_increment {
  using output_type = void;
  bcsc::mutex<int>* m;
  std::vector<int>* order;
  int id;
  std::optional<bcsc::mutex<int>::lock_future> lk;
  std::optional<bcsc::mutex<int>::guard> g;
  bcsc::yield_future y;
  int saved = 0;
  bcsc::poll_result<void> poll(bcsc::context& cx) {
    if (!g) {
      if (!lk) lk.emplace(m->lock());
      auto r = lk->poll(cx);
      if (r.is_pending()) return bcsc::pending;
      g.emplace(r.take());
      saved = **g;
      **g = -1;  // "in use": anybody else getting in would clobber the count
    }
    if (y.poll(cx).is_pending()) return bcsc::pending;  // suspended, still locked
    EXPECT_EQ(**g, -1);
    **g = saved + 1;
    order->push_back(id);
    g.reset();
    return bcsc::ready();
  }
};

TEST(Mutex, GuardHeldAcrossSuspensionExcludesOtherTasks) {
  bcsc::mutex<int> m(0);
  std::vector<int> order;
  bcsc::executor<3, 512> exec;
  for (int id : {1, 2, 3}) ASSERT_TRUE(exec.spawn(locked_increment{&m, &order, id, {}, {}, {}, 0}));
  exec.run();
  EXPECT_EQ(order, (std::vector<int>{1, 2, 3}));
  EXPECT_EQ(m.get_unchecked(), 3);
}

// ------------------------------------------------------------------ rw_lock

TEST(RwLock, ReadersShareWritersExclude) {
  bcsc::rw_lock<int> l(5);
  auto r1 = make_probe(l.read());
  auto r2 = make_probe(l.read());
  ASSERT_TRUE(r1.poll());
  ASSERT_TRUE(r2.poll());
  EXPECT_EQ(**r1.out + **r2.out, 10);
  EXPECT_EQ(l.readers(), 2u);
  auto w = make_probe(l.write());
  EXPECT_FALSE(w.poll());
  r1.out.reset();
  EXPECT_EQ(w.w.wakes, 0);
  r2.out.reset();
  EXPECT_EQ(w.w.wakes, 1);
  ASSERT_TRUE(w.poll());
  **w.out = 7;
  EXPECT_TRUE(l.is_write_locked());
  EXPECT_FALSE(l.try_read().has_value());
  w.out.reset();
  auto r = l.try_read();
  ASSERT_TRUE(r.has_value());
  EXPECT_EQ(**r, 7);
}

TEST(RwLock, FifoPolicyQueuedWriterBlocksLaterReaders) {
  bcsc::rw_lock<int> l(0);
  auto r1 = make_probe(l.read());
  ASSERT_TRUE(r1.poll());
  auto w = make_probe(l.write());
  EXPECT_FALSE(w.poll());
  auto r2 = make_probe(l.read());
  EXPECT_FALSE(r2.poll());  // would share with r1, but w arrived first
  r1.out.reset();
  ASSERT_TRUE(w.poll());
  EXPECT_EQ(r2.w.wakes, 0);
  w.out.reset();
  ASSERT_TRUE(r2.poll());
}

TEST(RwLock, PreferWritersQueuesWritersAheadOfWaitingReaders) {
  bcsc::rw_lock<int, bcsc::rw_policy::prefer_writers> l(0);
  auto w0 = make_probe(l.write());
  ASSERT_TRUE(w0.poll());
  auto r1 = make_probe(l.read());
  auto r2 = make_probe(l.read());
  auto w1 = make_probe(l.write());
  auto w2 = make_probe(l.write());
  EXPECT_FALSE(r1.poll());
  EXPECT_FALSE(r2.poll());
  EXPECT_FALSE(w1.poll());
  EXPECT_FALSE(w2.poll());
  w0.out.reset();
  EXPECT_EQ(w1.w.wakes, 1);  // writer first, although readers came earlier
  EXPECT_EQ(r1.w.wakes, 0);
  ASSERT_TRUE(w1.poll());
  w1.out.reset();
  EXPECT_EQ(w2.w.wakes, 1);  // FIFO among writers
  ASSERT_TRUE(w2.poll());
  w2.out.reset();
  EXPECT_EQ(r1.w.wakes, 1);  // then both readers together
  EXPECT_EQ(r2.w.wakes, 1);
  ASSERT_TRUE(r1.poll());
  ASSERT_TRUE(r2.poll());
  EXPECT_EQ(l.readers(), 2u);
}

TEST(RwLock, CancelledWriterReleasesWaitingReaders) {
  bcsc::rw_lock<int> l(0);
  auto r1 = make_probe(l.read());
  ASSERT_TRUE(r1.poll());
  auto w = make_probe(l.write());
  auto r2 = make_probe(l.read());
  EXPECT_FALSE(w.poll());
  EXPECT_FALSE(r2.poll());
  w.cancel();  // front waiter leaves: r2 can share with r1 now
  EXPECT_EQ(r2.w.wakes, 1);
  ASSERT_TRUE(r2.poll());
}

// ------------------------------------------------------------------ channel

TEST(Channel, SendsAndReceivesInOrder) {
  bcsc::channel<int, 4> ch;
  auto [tx, rx] = ch.split();
  for (int i = 1; i <= 3; ++i) {
    auto s = make_probe(tx.send(i));
    ASSERT_TRUE(s.poll());
    EXPECT_TRUE(*s.out);
  }
  EXPECT_EQ(ch.size(), 3u);
  for (int i = 1; i <= 3; ++i) {
    auto r = make_probe(rx.recv());
    ASSERT_TRUE(r.poll());
    ASSERT_TRUE(r.out->has_value());
    EXPECT_EQ(**r.out, i);
  }
  EXPECT_FALSE(rx.try_recv().has_value());
}

TEST(Channel, BoundedSendersWaitInFifoOrder) {
  bcsc::channel<int, 1> ch;
  auto [tx, rx] = ch.split();
  EXPECT_TRUE(tx.try_send(1));
  EXPECT_FALSE(tx.try_send(9));
  auto s2 = make_probe(tx.send(2));
  auto s3 = make_probe(tx.send(3));
  EXPECT_FALSE(s2.poll());
  EXPECT_FALSE(s3.poll());
  EXPECT_EQ(*rx.try_recv(), 1);
  EXPECT_EQ(s2.w.wakes, 1);  // the freed slot is handed to s2
  EXPECT_EQ(s3.w.wakes, 0);
  EXPECT_FALSE(tx.try_send(9));  // no barging into s2's slot
  EXPECT_FALSE(s3.poll());
  ASSERT_TRUE(s2.poll());
  EXPECT_EQ(*rx.try_recv(), 2);
  ASSERT_TRUE(s3.poll());
  EXPECT_EQ(*rx.try_recv(), 3);
}

TEST(Channel, ReceiversWaitInFifoOrderAndAreHandedMessages) {
  bcsc::channel<int, 2> ch;
  auto [tx, rx] = ch.split();
  auto r1 = make_probe(rx.recv());
  auto r2 = make_probe(rx.recv());
  EXPECT_FALSE(r1.poll());
  EXPECT_FALSE(r2.poll());
  EXPECT_TRUE(tx.try_send(10));
  EXPECT_EQ(r1.w.wakes, 1);
  EXPECT_EQ(r2.w.wakes, 0);
  EXPECT_FALSE(rx.try_recv().has_value());  // reserved for r1
  EXPECT_FALSE(r2.poll());
  ASSERT_TRUE(r1.poll());
  EXPECT_EQ(**r1.out, 10);
}

TEST(Channel, CancelledReceiverNeverLosesAMessage) {
  bcsc::channel<int, 2> ch;
  auto [tx, rx] = ch.split();
  auto r1 = make_probe(rx.recv());
  auto r2 = make_probe(rx.recv());
  EXPECT_FALSE(r1.poll());
  EXPECT_FALSE(r2.poll());
  EXPECT_TRUE(tx.try_send(10));  // handed to r1
  r1.cancel();                    // r1 is cancelled before it took it
  EXPECT_EQ(r2.w.wakes, 1);
  ASSERT_TRUE(r2.poll());
  EXPECT_EQ(**r2.out, 10);
  // No waiter left: a cancelled grant stays in the buffer.
  auto r3 = make_probe(rx.recv());
  EXPECT_FALSE(r3.poll());
  EXPECT_TRUE(tx.try_send(11));
  r3.cancel();
  EXPECT_EQ(*rx.try_recv(), 11);
}

TEST(Channel, CancelledSenderHandsItsSlotOnAndSendsNothing) {
  bcsc::channel<int, 1> ch;
  auto [tx, rx] = ch.split();
  EXPECT_TRUE(tx.try_send(1));
  auto s2 = make_probe(tx.send(2));
  auto s3 = make_probe(tx.send(3));
  EXPECT_FALSE(s2.poll());
  EXPECT_FALSE(s3.poll());
  EXPECT_EQ(*rx.try_recv(), 1);  // slot granted to s2
  s2.cancel();
  EXPECT_EQ(s3.w.wakes, 1);
  ASSERT_TRUE(s3.poll());
  EXPECT_EQ(*rx.try_recv(), 3);
  EXPECT_FALSE(rx.try_recv().has_value());
}

TEST(Channel, CloseDrainsThenEnds) {
  bcsc::channel<int, 4> ch;
  auto [tx, rx] = ch.split();
  EXPECT_TRUE(tx.try_send(1));
  EXPECT_TRUE(tx.try_send(2));
  tx.close();
  EXPECT_TRUE(rx.is_closed());
  EXPECT_FALSE(tx.try_send(3));
  auto s = make_probe(tx.send(4));
  ASSERT_TRUE(s.poll());
  EXPECT_FALSE(*s.out);
  EXPECT_EQ(*rx.try_recv(), 1);
  auto r = make_probe(rx.recv());
  ASSERT_TRUE(r.poll());
  EXPECT_EQ(**r.out, 2);
  auto end = make_probe(rx.recv());
  ASSERT_TRUE(end.poll());
  EXPECT_FALSE(end.out->has_value());
}

TEST(Channel, CloseWakesPendingSendersAndReceivers) {
  bcsc::channel<int, 1> a;
  auto r = make_probe(a.get_receiver().recv());
  EXPECT_FALSE(r.poll());
  a.close();
  EXPECT_EQ(r.w.wakes, 1);
  ASSERT_TRUE(r.poll());
  EXPECT_FALSE(r.out->has_value());

  bcsc::channel<int, 1> b;
  EXPECT_TRUE(b.try_send(1));
  auto s = make_probe(b.get_sender().send(2));
  EXPECT_FALSE(s.poll());
  b.get_receiver().close();
  EXPECT_EQ(s.w.wakes, 1);
  ASSERT_TRUE(s.poll());
  EXPECT_FALSE(*s.out);
  EXPECT_EQ(*b.try_recv(), 1);
}

TEST(Channel, TrySendLeavesTheValueOnFailureAndMoveOnlyTypesWork) {
  bcsc::channel<std::unique_ptr<int>, 1> ch;
  auto p = std::make_unique<int>(5);
  EXPECT_TRUE(ch.try_send(std::move(p)));
  auto q = std::make_unique<int>(6);
  EXPECT_FALSE(ch.try_send(std::move(q)));
  ASSERT_NE(q, nullptr);  // untouched
  auto s = make_probe(ch.get_sender().send(std::move(q)));
  EXPECT_FALSE(s.poll());
  EXPECT_EQ(**ch.try_recv(), 5);
  ASSERT_TRUE(s.poll());
  EXPECT_EQ(**ch.try_recv(), 6);
}

TEST(Channel, DestroyingTheChannelDestroysBufferedMessages) {
  counted::reset();
  {
    bcsc::channel<counted, 3> ch;
    EXPECT_TRUE(ch.try_send(counted{}));
    EXPECT_TRUE(ch.try_send(counted{}));
  }
  EXPECT_EQ(counted::alive(), 0);
}

// Producer/consumer tasks on an executor, written as plain futures.
struct producer {
  using output_type = void;
  bcsc::channel<int, 2>::sender tx;
  int next, last;
  std::optional<bcsc::channel<int, 2>::send_future> s;
  bcsc::poll_result<void> poll(bcsc::context& cx) {
    for (;;) {
      if (!s) {
        if (next > last) return bcsc::ready();
        s.emplace(tx.send(next));
      }
      auto r = s->poll(cx);
      if (r.is_pending()) return bcsc::pending;
      EXPECT_TRUE(r.value());
      s.reset();
      ++next;
    }
  }
};
struct consumer {
  using output_type = void;
  bcsc::channel<int, 2>::receiver rx;
  std::vector<int>* got;
  std::optional<bcsc::channel<int, 2>::recv_future> r;
  bcsc::poll_result<void> poll(bcsc::context& cx) {
    for (;;) {
      if (!r) r.emplace(rx.recv());
      auto v = r->poll(cx);
      if (v.is_pending()) return bcsc::pending;
      r.reset();
      if (!v.value()) return bcsc::ready();
      got->push_back(*v.value());
    }
  }
};
struct closer {
  using output_type = void;
  bcsc::channel<int, 2>* ch;
  std::optional<bcsc::join_future<producer, producer>> j;
  bcsc::poll_result<void> poll(bcsc::context& cx) {
    if (j->poll(cx).is_pending()) return bcsc::pending;
    ch->close();
    return bcsc::ready();
  }
};

TEST(Channel, ProducersAndConsumersOnAnExecutor) {
  bcsc::channel<int, 2> ch;
  std::vector<int> got1, got2;
  bcsc::executor<3, 512> exec;
  closer c{&ch, {}};
  c.j.emplace(bcsc::join(producer{ch.get_sender(), 1, 50, {}}, producer{ch.get_sender(), 101, 150, {}}));
  ASSERT_TRUE(exec.spawn(std::move(c)));
  ASSERT_TRUE(exec.spawn(consumer{ch.get_receiver(), &got1, {}}));
  ASSERT_TRUE(exec.spawn(consumer{ch.get_receiver(), &got2, {}}));
  exec.run();
  std::vector<int> all = got1;
  all.insert(all.end(), got2.begin(), got2.end());
  EXPECT_EQ(all.size(), 100u);
  EXPECT_FALSE(got1.empty());
  EXPECT_FALSE(got2.empty());
  // Each producer's values arrive in order at every consumer.
  for (auto* g : {&got1, &got2}) {
    int last_low = 0, last_high = 100;
    for (int v : *g) {
      int& last = v > 100 ? last_high : last_low;
      EXPECT_GT(v, last);
      last = v;
    }
  }
}

// ------------------------------------------------------------------ oneshot

TEST(Oneshot, DeliversOnceAndSurvivesACancelledReceiver) {
  bcsc::oneshot<std::string> os;
  auto r1 = make_probe(os.recv());
  EXPECT_FALSE(r1.poll());
  EXPECT_TRUE(os.send("hi"));
  EXPECT_FALSE(os.send("again"));
  EXPECT_EQ(r1.w.wakes, 1);
  r1.cancel();
  auto r2 = make_probe(os.recv());
  ASSERT_TRUE(r2.poll());
  EXPECT_EQ(**r2.out, "hi");
  auto r3 = make_probe(os.recv());
  ASSERT_TRUE(r3.poll());
  EXPECT_FALSE(r3.out->has_value());
}

TEST(Oneshot, CloseWithoutValue) {
  bcsc::oneshot<int> os;
  auto r = make_probe(os.recv());
  EXPECT_FALSE(r.poll());
  os.close();
  EXPECT_EQ(r.w.wakes, 1);
  ASSERT_TRUE(r.poll());
  EXPECT_FALSE(r.out->has_value());
  EXPECT_FALSE(os.send(1));
}

// -------------------------------------------------------------------- watch

TEST(Watch, ReceiversSeeTheLatestValue) {
  bcsc::watch<int> w(1);
  auto rx = w.subscribe();
  EXPECT_FALSE(rx.has_changed());
  auto c = make_probe(rx.changed());
  EXPECT_FALSE(c.poll());
  w.send(2);
  w.send(3);  // 2 is skipped: only the latest is kept
  EXPECT_EQ(c.w.wakes, 1);
  ASSERT_TRUE(c.poll());
  EXPECT_EQ(**c.out, 3);
  auto c2 = make_probe(rx.changed());
  EXPECT_FALSE(c2.poll());
  EXPECT_EQ(rx.borrow(), 3);
}

TEST(Watch, EveryReceiverIsNotifiedAndCancellationLosesNothing) {
  bcsc::watch<int> w(0);
  auto a = w.subscribe();
  auto b = w.subscribe();
  auto ca = make_probe(a.changed());
  auto cb = make_probe(b.changed());
  EXPECT_FALSE(ca.poll());
  EXPECT_FALSE(cb.poll());
  w.send(5);
  EXPECT_EQ(ca.w.wakes, 1);
  EXPECT_EQ(cb.w.wakes, 1);
  ca.cancel();  // a did not observe 5 ...
  auto ca2 = make_probe(a.changed());
  ASSERT_TRUE(ca2.poll());  // ... so it still sees it
  EXPECT_EQ(**ca2.out, 5);
  ASSERT_TRUE(cb.poll());
  w.close();
  auto end = make_probe(a.changed());
  ASSERT_TRUE(end.poll());
  EXPECT_FALSE(end.out->has_value());
}

// ------------------------------------------------------------------- option

TEST(Option, BasicsAndFailureConvention) {
  bcsc::option<int> e;
  EXPECT_FALSE(e);
  EXPECT_EQ(e, bcsc::none);
  bcsc::option<int> v(3);
  EXPECT_TRUE(v);
  EXPECT_EQ(*v, 3);
  EXPECT_EQ(e.value_or(9), 9);
  bcsc::result<int, std::string> good = bcsc::ok(4);
  bcsc::result<int, std::string> bad = bcsc::err(std::string("boom"));
  bcsc::result<void, int> vgood = bcsc::ok();
  EXPECT_TRUE(good.is_ok());
  EXPECT_EQ(good.value(), 4);
  EXPECT_EQ(bad.error(), "boom");
  EXPECT_FALSE(bcsc::is_failure(good));
  EXPECT_TRUE(bcsc::is_failure(bad));
  EXPECT_FALSE(bcsc::is_failure(vgood));
  EXPECT_TRUE(bcsc::is_failure(e));          // explicit operator bool
  EXPECT_FALSE(bcsc::is_failure(0));         // integers are values
  EXPECT_FALSE(bcsc::can_fail_v<int>);
  EXPECT_FALSE(bcsc::can_fail_v<bool>);
  EXPECT_TRUE((bcsc::can_fail_v<bcsc::result<void, int>>));
}
