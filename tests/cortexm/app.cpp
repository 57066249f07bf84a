// The Cortex-M3 port test: hand-written futures (no coroutines, no bcsc
// compiler) on the runtime's executor, join, race, yield_now, event and
// sleep_for, driven by the SysTick clock of <bcsc/port/cortex_m3.hpp>.
//
// Runs on QEMU's mps2-an385 (see run.sh). Prints a deterministic trace that
// run.sh compares with app.expected; a failed check prints "FAIL: ..." and
// makes main return 1. Nothing here allocates: run.sh checks the ELF has no
// malloc/free/_sbrk.
#include <bcsc/bcsc.hpp>
#include <bcsc/port/cortex_m3.hpp>

#include <cstdint>
#include <tuple>
#include <utility>

#include "semihosting.hpp"

namespace cm = bcsc::port::cortex_m3;
namespace out = bcsc::port::semihost;

namespace {

// ------------------------------------------------------------ reporting ----
int failures = 0;

void print(const char* s) { out::put(s); }
void print(int v) { out::put_int(v); }
void print(unsigned v) { out::put_uint(v); }

// say("a=", 1, " b=", 2) prints one trace line.
template <class... A>
void say(const A&... parts) {
  (print(parts), ...);
  print("\n");
}

void check(bool ok, const char* what) {
  if (ok) return;
  say("FAIL: ", what);
  ++failures;
}

// A short text the tasks append to, to show in which order things ran.
class trace_buffer {
 public:
  void add(const char* s) {
    while (*s != '\0' && len_ + 1 < sizeof buf_) buf_[len_++] = *s++;
    buf_[len_] = '\0';
  }
  void add_word(const char* s) {
    if (len_ != 0) add(" ");
    add(s);
  }
  void clear() { buf_[len_ = 0] = '\0'; }
  const char* text() const { return buf_; }

 private:
  char buf_[96] = {};
  std::size_t len_ = 0;
};
trace_buffer trace;

const char* digit(unsigned d) {
  static const char* const digits[] = {"0", "1", "2", "3", "4", "5", "6", "7", "8", "9"};
  return digits[d % 10];
}

std::uint32_t ms_since(bcsc::instant start) {
  return static_cast<std::uint32_t>((bcsc::now() - start).us / 1000);
}

// -------------------------------------------------- lifetime accounting ----
// Counts the futures of one test that are alive, and those destroyed after
// their first poll but before completing (i.e. cancelled).
struct lifetimes {
  int live = 0;
  int cancelled = 0;
};

// A member that does the counting for the future that holds it; moves count
// as new objects (the moved-from one is destroyed later, uncancelled).
class counted {
 public:
  explicit counted(lifetimes& l) : l_(&l) { ++l_->live; }
  counted(counted&& o) : l_(o.l_) { ++l_->live; }
  ~counted() {
    --l_->live;
    if (polled_ && !done_) ++l_->cancelled;
  }
  void mark_polled() { polled_ = true; }
  void mark_done() { done_ = true; }

 private:
  lifetimes* l_;
  bool polled_ = false;
  bool done_ = false;
};

// ----------------------------------------------------- hand-written futures --
// Sleeps, then completes with `value`.
template <class T>
class delayed {
 public:
  using output_type = T;
  delayed(lifetimes& l, std::uint32_t ms, T value)
      : count_(l), sleep_(bcsc::sleep_for(bcsc::milliseconds(ms))), value_(value) {}

  bcsc::poll_result<T> poll(bcsc::context& cx) {
    count_.mark_polled();
    if (sleep_.poll(cx).is_pending()) return bcsc::pending;
    count_.mark_done();
    return value_;
  }

 private:
  counted count_;
  bcsc::sleep_future sleep_;
  T value_;
};

// Sleeps, then appends its id to the trace.
class ordered_sleeper {
 public:
  using output_type = void;
  ordered_sleeper(unsigned id, std::uint32_t ms) : id_(id), sleep_(bcsc::sleep_for(bcsc::milliseconds(ms))) {}

  bcsc::poll_result<void> poll(bcsc::context& cx) {
    if (sleep_.poll(cx).is_pending()) return bcsc::pending;
    trace.add_word(digit(id_));
    return bcsc::ready();
  }

 private:
  unsigned id_;
  bcsc::sleep_future sleep_;
};

// Logs "<name><step>", yields, and repeats until step `last` is logged.
class yielder {
 public:
  using output_type = void;
  yielder(const char* name, unsigned last) : name_(name), last_(last) {}

  bcsc::poll_result<void> poll(bcsc::context& cx) {
    for (;;) {
      if (!yielding_) {
        log_step();
        if (step_ == last_) return bcsc::ready();
        yield_ = bcsc::yield_now();
        yielding_ = true;
      }
      if (yield_.poll(cx).is_pending()) return bcsc::pending;
      yielding_ = false;
      ++step_;
    }
  }

 private:
  void log_step() {
    trace.add_word(name_);
    trace.add(digit(step_));
  }
  const char* name_;
  unsigned last_;
  unsigned step_ = 0;
  bool yielding_ = false;
  bcsc::yield_future yield_;
};

// Runs F and stores its output where the test can read it after exec.run().
template <class F>
class capture {
 public:
  using output_type = void;
  using value_type = bcsc::output_t<F>;
  capture(F&& f, value_type* into) : f_(std::move(f)), into_(into) {}

  bcsc::poll_result<void> poll(bcsc::context& cx) {
    auto r = f_.poll(cx);
    if (r.is_pending()) return bcsc::pending;
    *into_ = r.take();
    return bcsc::ready();
  }

 private:
  F f_;
  value_type* into_;
};
template <class F>
capture<F> capture_into(F&& f, bcsc::output_t<F>* into) {
  return capture<F>(std::move(f), into);
}

// ----------------------------------------------- signals from the SysTick ----
// State shared between thread mode and the SysTick handler. Thread mode
// touches it only with interrupts masked; the handler cannot be preempted by
// thread mode, so it needs no mask.
struct tick_signal {
  bool armed = false;
  bool fired = false;
  bcsc::instant fire_at;
  std::uint32_t fired_in_exception = 0;  // IPSR when it fired
  bcsc::waker waiter;
};
tick_signal systick_signal;

bcsc::event tick_event;  // set() from the SysTick handler
bcsc::instant tick_event_at = bcsc::instant::max();
std::uint32_t tick_event_exception = 0;

// bcsc::signal raised and bcsc::channel::try_send called from the SysTick
// handler (the documented ISR-safe operations). Thread mode writes the
// control variables with interrupts masked.
bcsc::signal isr_sig;
std::uint32_t isr_sig_raises = 0;  // raises still to do, one every 5 ms
bcsc::instant isr_sig_next = bcsc::instant::max();
std::uint32_t isr_sig_exception = 0;

bcsc::channel<std::uint32_t, 4> isr_ch;
std::uint32_t isr_ch_next = 0;  // next value to try_send, one per tick
std::uint32_t isr_ch_end = 0;
std::uint32_t isr_ch_exception = 0;
std::uint32_t isr_ch_refused = 0;  // try_send on a full channel (value kept, retried next tick)

// Installed as the port's tick hook: runs in the SysTick handler each tick.
void on_tick(bcsc::instant now) noexcept {
  if (isr_sig_raises != 0 && now >= isr_sig_next) {
    isr_sig_exception = cm::active_exception();
    --isr_sig_raises;
    isr_sig_next = now + bcsc::milliseconds(5);
    isr_sig.raise();
  }
  if (isr_ch_next < isr_ch_end) {
    if (isr_ch.try_send(isr_ch_next)) {
      ++isr_ch_next;
      isr_ch_exception = cm::active_exception();
    } else {
      ++isr_ch_refused;
    }
  }
  if (systick_signal.armed && now >= systick_signal.fire_at) {
    systick_signal.armed = false;
    systick_signal.fired = true;
    systick_signal.fired_in_exception = cm::active_exception();
    systick_signal.waiter.wake();
  }
  if (now >= tick_event_at) {
    tick_event_at = bcsc::instant::max();
    tick_event_exception = cm::active_exception();
    tick_event.set();
  }
}

// Completes when the SysTick handler fires `systick_signal`, `ms` after the first
// poll; outputs the exception number the handler ran in. Destroying it
// disarms the signal, so the handler never wakes a dead task.
class wait_for_tick_signal {
 public:
  using output_type = std::uint32_t;
  explicit wait_for_tick_signal(std::uint32_t ms) : ms_(ms) {}
  wait_for_tick_signal(wait_for_tick_signal&&) = default;
  ~wait_for_tick_signal() {
    if (!started_) return;  // never armed (e.g. a moved-from temporary)
    cm::interrupt_mask mask;
    systick_signal.armed = false;
  }

  bcsc::poll_result<std::uint32_t> poll(bcsc::context& cx) {
    cm::interrupt_mask mask;  // check-and-register must not race the handler
    if (!started_) arm();     // the first poll starts the wait
    if (systick_signal.fired) return systick_signal.fired_in_exception;
    systick_signal.waiter = cx.get_waker();
    return bcsc::pending;
  }

 private:
  void arm() {
    started_ = true;
    systick_signal.fire_at = bcsc::now() + bcsc::milliseconds(ms_);
    systick_signal.fired = false;
    systick_signal.armed = true;
  }
  std::uint32_t ms_;
  bool started_ = false;
};

// ------------------------------------------------------------------ tests ----
void test_yield() {
  trace.clear();
  bcsc::executor<2> exec;
  check(exec.spawn(yielder("a", 2)), "yield: spawn a");
  check(exec.spawn(yielder("b", 2)), "yield: spawn b");
  exec.run();
  say("yield: ", trace.text());
}

void test_timer_order() {
  trace.clear();
  const bcsc::instant start = bcsc::now();  // deadlines count from construction
  bcsc::executor<3> exec;
  // Spawned out of order; each sleeps 10 ms times its id.
  check(exec.spawn(ordered_sleeper(3, 30)), "timer: spawn 3");
  check(exec.spawn(ordered_sleeper(1, 10)), "timer: spawn 1");
  check(exec.spawn(ordered_sleeper(2, 20)), "timer: spawn 2");
  exec.run();
  check(ms_since(start) >= 30, "timer: finished before the last deadline");
  say("timer order: ", trace.text());
}

void test_join() {
  lifetimes l;
  std::tuple<int, int> result{0, 0};
  const bcsc::instant start = bcsc::now();
  {
    bcsc::executor<1> exec;
    check(exec.spawn(capture_into(bcsc::join(delayed<int>(l, 30, 1), delayed<int>(l, 10, 2)), &result)),
          "join: spawn");
    exec.run();
  }
  check(ms_since(start) >= 30, "join: completed before its slower child");
  say("join: a=", std::get<0>(result), " b=", std::get<1>(result));
  say("join: live=", l.live, " cancelled=", l.cancelled);
}

void test_race() {
  lifetimes l;
  const char* winner = "none";
  const bcsc::instant start = bcsc::now();
  {
    bcsc::executor<1> exec;
    check(exec.spawn(capture_into(
              bcsc::race(delayed<const char*>(l, 1000, "slow"), delayed<const char*>(l, 10, "fast")), &winner)),
          "race: spawn");
    exec.run();
  }
  check(ms_since(start) < 1000, "race: waited for the loser");
  say("race: winner=", winner);
  say("race: live=", l.live, " cancelled=", l.cancelled);
  // The loser's timer node was unlinked when race destroyed it.
  say("race: timer queue empty=", bcsc::timer_queue::global().empty() ? "yes" : "no");
}

void test_cancel_by_executor_drop() {
  lifetimes l;
  {
    bcsc::executor<2> exec;
    check(exec.spawn(delayed<int>(l, 1000, 0)), "cancel: spawn");
    exec.run_until_idle();  // first poll: the sleeper registers its timer
    check(!bcsc::timer_queue::global().empty(), "cancel: sleeper not in the timer queue");
  }  // executor destroyed with the task pending
  say("cancel: live=", l.live, " cancelled=", l.cancelled,
      " timer queue empty=", bcsc::timer_queue::global().empty() ? "yes" : "no");
}

void test_full_executor() {
  lifetimes l;
  bcsc::executor<1> exec;
  check(exec.spawn(delayed<int>(l, 0, 0)), "full: first spawn");
  const bool second = exec.spawn(delayed<int>(l, 0, 0));
  exec.run();
  say("full executor: second spawn ", second ? "accepted" : "refused", ", live=", l.live);
}

void test_isr_signal() {
  std::uint32_t exception = 0;
  bcsc::executor<1> exec;
  check(exec.spawn(capture_into(wait_for_tick_signal(20), &exception)), "isr: spawn");
  exec.run();
  say("isr wake: signalled from exception ", unsigned(exception),
      exception == cm::systick_exception ? " (SysTick)" : " (not SysTick)");
}

void test_isr_event() {
  {
    cm::interrupt_mask mask;
    tick_event_at = bcsc::now() + bcsc::milliseconds(15);
  }
  bcsc::block_on(tick_event.wait());
  say("isr event: set from exception ", unsigned(tick_event_exception), ", waiter woken");
}

void test_isr_race_with_timeout() {
  lifetimes l;
  std::uint32_t result = 1;
  bcsc::executor<1> exec;
  // The signal fires after 500 ms; the timeout (output 0) after 10 ms wins,
  // and destroying the losing waiter must disarm the handler's systick_signal.
  check(exec.spawn(capture_into(bcsc::race(wait_for_tick_signal(500), delayed<std::uint32_t>(l, 10, 0)),
                                &result)),
        "isr timeout: spawn");
  exec.run();
  bool armed;
  {
    cm::interrupt_mask mask;
    armed = systick_signal.armed;
  }
  say("isr timeout: winner=", result == 0 ? "timeout" : "signal", ", signal disarmed=", armed ? "no" : "yes");
}

void test_wfi_sleeps() {
  const std::uint32_t sleeps_before = cm::wfi_idle.sleeps();
  const bcsc::instant start = bcsc::now();
  bcsc::block_on(bcsc::sleep_for(bcsc::milliseconds(50)));
  const std::uint32_t elapsed = ms_since(start);
  const std::uint32_t sleeps = cm::wfi_idle.sleeps() - sleeps_before;
  check(elapsed >= 50, "wfi: block_on(sleep_for(50ms)) returned early");
  // Each WFI ends at the next SysTick: about one sleep per tick. A busy
  // loop would make thousands of idle calls; no sleep at all would mean WFI
  // was never reached.
  check(sleeps >= 1 && sleeps <= 2 * elapsed + 2, "wfi: sleep count does not match the ticks");
  say("block_on: sleep_for(50ms) done, idle in WFI");
}

// An independent stopwatch for checking now(): SysTick ticks and the
// down-counter read directly, in CPU cycles.
std::uint64_t reference_cycles() {
  cm::interrupt_mask mask;
  std::uint64_t ticks = cm::systick.ticks();
  std::uint32_t count = cm::reg::syst_cvr();
  if (cm::reg::scb_icsr() & cm::reg::icsr_pendstset) {  // wrapped, handler not run yet
    ++ticks;
    count = cm::reg::syst_cvr();
  }
  const std::uint32_t reload = cm::reg::syst_rvr();
  return ticks * (reload + 1) + (reload - count);
}

// now() has microsecond resolution, so a sleep must never be shorter than
// asked, wherever in a tick it begins (with whole-tick time, a 1 ms sleep
// begun late in a tick would end at the next tick, almost at once).
void test_sleeps_never_end_early() {
  constexpr std::uint64_t cycles_per_ms = cm::default_cpu_hz / 1000;
  unsigned early = 0;
  for (unsigned i = 0; i < 20; ++i) {
    for (volatile unsigned spin = 0; spin < i * 1500; spin = spin + 1) {
    }  // start at a different point of the 1 ms tick each time
    const std::uint64_t start = reference_cycles();
    bcsc::block_on(bcsc::sleep_for(bcsc::milliseconds(1)));
    if (reference_cycles() - start < cycles_per_ms) ++early;
  }
  check(early == 0, "clock: a 1 ms sleep ended early");
  say("clock: 20 sleeps of 1 ms, ", early == 0 ? "none" : "some", " ended early");
}

// Waits for isr_sig once, then appends its id and wake time.
class sig_waiter {
 public:
  using output_type = void;
  sig_waiter(int id, bcsc::instant* woke_at) : id_(id), woke_at_(woke_at), wait_(isr_sig.wait()) {}
  bcsc::poll_result<void> poll(bcsc::context& cx) {
    if (wait_.poll(cx).is_pending()) return bcsc::pending;
    trace.add_word(digit(static_cast<unsigned>(id_)));
    *woke_at_ = bcsc::now();
    return bcsc::ready();
  }

 private:
  int id_;
  bcsc::instant* woke_at_;
  bcsc::signal::wait_future wait_;
};

void test_isr_bcsc_signal() {
  trace.clear();
  bcsc::instant t1{}, t2{};
  bcsc::executor<2> exec;
  check(exec.spawn(sig_waiter(1, &t1)), "isr signal: spawn 1");
  check(exec.spawn(sig_waiter(2, &t2)), "isr signal: spawn 2");
  exec.run_until_idle();  // both registered, in order 1, 2
  {
    cm::interrupt_mask mask;
    isr_sig_next = bcsc::now() + bcsc::milliseconds(5);
    isr_sig_raises = 2;
  }
  exec.run();
  // One raise wakes one waiter: the second woke a raise (>= 4 ms) later.
  check((t2 - t1).us >= 4000, "isr signal: one raise woke both waiters");
  check(!isr_sig.is_raised(), "isr signal: a raise was left over");
  say("isr signal: raised from exception ", unsigned(isr_sig_exception), ", one waiter per raise: ", trace.text());
}

// Receives `count` values from isr_ch and checks they are 0, 1, 2, ...
class ch_receiver {
 public:
  using output_type = std::uint32_t;  // values received in order
  explicit ch_receiver(std::uint32_t count) : count_(count) {}
  bcsc::poll_result<std::uint32_t> poll(bcsc::context& cx) {
    while (got_ < count_) {
      if (!recv_.has_value()) recv_.emplace(isr_ch.get_receiver().recv());
      auto r = recv_->poll(cx);
      if (r.is_pending()) return bcsc::pending;
      recv_.reset();
      if (r.value().has_value() && *r.value() == got_) ++in_order_;
      ++got_;
    }
    return in_order_;
  }

 private:
  std::uint32_t count_;
  std::uint32_t got_ = 0;
  std::uint32_t in_order_ = 0;
  bcsc::option<bcsc::channel<std::uint32_t, 4>::recv_future> recv_;
};

void test_isr_channel() {
  std::uint32_t in_order = 0;
  bcsc::executor<1> exec;
  check(exec.spawn(capture_into(ch_receiver(8), &in_order)), "isr channel: spawn");
  {
    cm::interrupt_mask mask;
    isr_ch_next = 0;
    isr_ch_end = 8;
  }
  exec.run();
  say("isr channel: ", unsigned(in_order), " values try_sent from exception ", unsigned(isr_ch_exception),
      " received in order");
}

// Drift-free interval on SysTick: deadlines on the grid, nothing missed.
class interval_ticks {
 public:
  using output_type = std::uint32_t;  // ticks on the grid
  explicit interval_ticks(bcsc::instant start) : iv_(start + bcsc::milliseconds(5), bcsc::milliseconds(5)), start_(start) {}
  interval_ticks(interval_ticks&&) = default;
  bcsc::poll_result<std::uint32_t> poll(bcsc::context& cx) {
    while (n_ < 4) {
      if (!tick_.has_value()) tick_.emplace(iv_.tick());
      auto r = tick_->poll(cx);
      if (r.is_pending()) return bcsc::pending;
      tick_.reset();
      ++n_;
      if (r.value().missed == 0 && r.value().scheduled == start_ + bcsc::milliseconds(5) * n_) ++on_grid_;
      for (volatile unsigned spin = 0; spin < 20000; spin = spin + 1) {
      }  // work that makes the task late: must not shift the grid
    }
    return on_grid_;
  }

 private:
  bcsc::interval iv_;
  bcsc::instant start_;
  std::uint32_t n_ = 0;
  std::uint32_t on_grid_ = 0;
  bcsc::option<bcsc::interval::tick_future> tick_;
};

void test_interval_and_timeout() {
  const bcsc::instant start = bcsc::now();
  const std::uint32_t on_grid = bcsc::block_on(interval_ticks(start));
  say("interval: ", unsigned(on_grid), " ticks of 5 ms on the grid, none missed");
  const bcsc::instant t0 = bcsc::now();
  auto r = bcsc::block_on(bcsc::timeout(isr_sig.wait(), bcsc::milliseconds(10)));
  const std::uint32_t waited = ms_since(t0);
  check(waited >= 10, "timeout: ended early");
  say("timeout: signal wait ", r.has_value() ? "completed" : "timed out", ", timer queue empty=",
      bcsc::timer_queue::global().empty() ? "yes" : "no");
}

[[noreturn]] void report_panic(const char* what) noexcept {
  say("PANIC: ", what);
  out::exit(101);
}

}  // namespace

int main() {
  bcsc::set_panic_handler(&report_panic);
  cm::start();  // SysTick at 1 kHz from the 25 MHz core clock
  cm::systick.set_tick_hook(&on_tick);
  say("bcsc cortex-m3 port test");

  test_yield();
  test_timer_order();
  test_join();
  test_race();
  test_cancel_by_executor_drop();
  test_full_executor();
  test_isr_signal();
  test_isr_event();
  test_isr_race_with_timeout();
  test_wfi_sleeps();
  test_sleeps_never_end_early();
  test_isr_bcsc_signal();
  test_isr_channel();
  test_interval_and_timeout();

  if (failures != 0) {
    say("failed: ", failures);
    return 1;
  }
  say("ok");
  return 0;
}
