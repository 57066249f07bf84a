// The limit: the switch-cost workloads as hand-written state machines, the
// code one would write without any compiler help (a switch on a small state
// index; the awaited future stored in the struct). Same executor, same
// yield_now, same channel as workloads.cpp.
#include <bcsc/bcsc.hpp>

#include <cstdint>
#include <new>
#include <utility>

#include "channel.hpp"
#include "workloads.hpp"

namespace {

struct yield_loop_sm {
  using output_type = void;
  long n;
  long* count;
  long i = 0;
  bcsc::yield_future y;
  std::uint8_t state = 0;

  bcsc::poll_result<void> poll(bcsc::context& cx) {
    switch (state) {
      case 0: i = 0; goto check;
      case 1: goto resume;
      default: __builtin_trap();
    }
  check:
    if (i >= n) {
      state = 2;
      return bcsc::ready();
    }
    y = bcsc::yield_now();
  resume:
    if (y.poll(cx).is_pending()) {
      state = 1;
      return bcsc::pending;
    }
    ++*count;
    ++i;
    goto check;
  }
};

// Tx has send(long), Rx has recv(): bench::channel, or the runtime
// channel's handles.
template <class Tx, class Rx>
struct ping_sm {
  using send_f = decltype(std::declval<Tx&>().send(0L));
  using recv_f = decltype(std::declval<Rx&>().recv());
  using output_type = void;
  Tx* tx;
  Rx* rx;
  long n;
  long* sum;
  long i = 0;
  union {
    send_f send;
    recv_f recv;
  };
  std::uint8_t state = 0;

  ping_sm(Tx* t, Rx* r, long n_, long* sum_) : tx(t), rx(r), n(n_), sum(sum_) {}
  ping_sm(ping_sm&& o) : tx(o.tx), rx(o.rx), n(o.n), sum(o.sum) {}  // before the first poll only
  ~ping_sm() {
    if (state == 1) send.~send_f();
    if (state == 2) recv.~recv_f();
  }

  bcsc::poll_result<void> poll(bcsc::context& cx) {
    switch (state) {
      case 0: i = 0; goto check;
      case 1: goto resume_send;
      case 2: goto resume_recv;
      default: __builtin_trap();
    }
  check:
    if (i >= n) {
      state = 3;
      return bcsc::ready();
    }
    ::new (&send) send_f(tx->send(i));
  resume_send:
    if (send.poll(cx).is_pending()) {
      state = 1;
      return bcsc::pending;
    }
    send.~send_f();
    ::new (&recv) recv_f(rx->recv());
  resume_recv: {
    auto r = recv.poll(cx);
    if (r.is_pending()) {
      state = 2;
      return bcsc::pending;
    }
    recv.~recv_f();
    *sum += bench::unwrap(r.take());
  }
    ++i;
    goto check;
  }
};

template <class Tx, class Rx>
struct pong_sm {
  using send_f = decltype(std::declval<Tx&>().send(0L));
  using recv_f = decltype(std::declval<Rx&>().recv());
  using output_type = void;
  Tx* tx;
  Rx* rx;
  long n;
  long i = 0;
  union {
    send_f send;
    recv_f recv;
  };
  std::uint8_t state = 0;

  pong_sm(Tx* t, Rx* r, long n_) : tx(t), rx(r), n(n_) {}
  pong_sm(pong_sm&& o) : tx(o.tx), rx(o.rx), n(o.n) {}  // before the first poll only
  ~pong_sm() {
    if (state == 1) recv.~recv_f();
    if (state == 2) send.~send_f();
  }

  bcsc::poll_result<void> poll(bcsc::context& cx) {
    switch (state) {
      case 0: i = 0; goto check;
      case 1: goto resume_recv;
      case 2: goto resume_send;
      default: __builtin_trap();
    }
  check:
    if (i >= n) {
      state = 3;
      return bcsc::ready();
    }
    ::new (&recv) recv_f(rx->recv());
  resume_recv: {
    auto r = recv.poll(cx);
    if (r.is_pending()) {
      state = 1;
      return bcsc::pending;
    }
    recv.~recv_f();
    ::new (&send) send_f(tx->send(bench::unwrap(r.take()) + 1));
  }
  resume_send:
    if (send.poll(cx).is_pending()) {
      state = 2;
      return bcsc::pending;
    }
    send.~send_f();
    ++i;
    goto check;
  }
};

}  // namespace

long run_yield(long n) {
  long count = 0;
  bcsc::executor<1> exec;
  if (!exec.spawn(yield_loop_sm{n, &count})) return -1;
  exec.run();
  return count;
}

long run_pingpong(long n) {
  bench::channel<long> a, b;
  long sum = 0;
  bcsc::executor<2> exec;
  using chan = bench::channel<long>;
  if (!exec.spawn(ping_sm<chan, chan>(&a, &b, n, &sum)) || !exec.spawn(pong_sm<chan, chan>(&b, &a, n))) return -1;
  exec.run();
  return sum;
}

long run_pingpong_runtime(long n) {
#if defined(BENCH_HAVE_RUNTIME_CHANNEL)
  bench::rt_channel a, b;
  auto a_tx = a.get_sender();
  auto a_rx = a.get_receiver();
  auto b_tx = b.get_sender();
  auto b_rx = b.get_receiver();
  long sum = 0;
  bcsc::executor<2> exec;
  using tx = bench::rt_channel::sender;
  using rx = bench::rt_channel::receiver;
  if (!exec.spawn(ping_sm<tx, rx>(&a_tx, &b_rx, n, &sum)) || !exec.spawn(pong_sm<tx, rx>(&b_tx, &a_rx, n)))
    return -1;
  exec.run();
  return sum;
#else
  (void)n;
  return -2;
#endif
}

const char* const variant_name = "handwritten";
