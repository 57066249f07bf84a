// A small robot control loop, written sequentially with [[bcsc::async]]
// functions and lowered by bcsc into fixed-size frames (no heap, no threads).
//
//   control_loop  every 5 ms (bcsc::interval): reads both wheel-speed
//                 sensors concurrently (bcsc::join of two ADC conversions,
//                 guarded by bcsc::timeout), filters them (fixed-point
//                 low-pass), runs a PI speed controller and sends a
//                 motor_command into a bcsc::channel. At sample
//                 `adc_fails_at` the ADC hangs: the conversion times out and
//                 the loop reports a sensor fault and stops sending.
//   motor_task    receives commands and applies them to the (simulated)
//                 drive; a watchdog -- bcsc::race(next command, 300 ms
//                 timer) -- stops the motors when commands stop arriving.
//
// Target-independent: only <bcsc/bcsc.hpp> and the platform's put()
// (robot.hpp). The trace depends only on the order in which the executor
// runs tasks, never on wall-clock time, so the host run and the Cortex-M3
// run print the same lines (the memory budget, "budget: ...", differs by
// target). Build and run: tests/integration/robot.sh, scripts/demo.sh.
#include "robot.hpp"

#include <bcsc/bcsc.hpp>

#include <cstddef>
#include <tuple>
#include <type_traits>

namespace robot {

// ------------------------------------------------------------- printing ---
void print(const char* s) { put(s); }
void print_number(long v) {
  char buf[24];
  char* p = buf + sizeof buf;
  *--p = '\0';
  unsigned long u = v < 0 ? 0ul - static_cast<unsigned long>(v) : static_cast<unsigned long>(v);
  do {
    *--p = static_cast<char>('0' + u % 10);
    u /= 10;
  } while (u != 0);
  if (v < 0) *--p = '-';
  put(p);
}
template <class T>
void print_part(const T& v) {
  if constexpr (std::is_integral_v<T>) {
    print_number(static_cast<long>(v));
  } else {
    print(v);
  }
}
// say("a=", 1, " b=", 2) prints one line.
template <class... A>
void say(const A&... parts) {
  (print_part(parts), ...);
  print("\n");
}

// ------------------------------------------------------ simulated drive ---
// The plant: wheel speeds in mm/s respond to the commanded duty (per mille)
// with a first-order lag. The sensors see the speed plus a fixed,
// repeatable noise pattern. Integer arithmetic only: identical on every
// target.
struct drive {
  int speed[2] = {0, 0};  // mm/s, left and right wheel
  int duty[2] = {0, 0};   // per mille, as last applied
  void apply(int left, int right) {
    duty[0] = left;
    duty[1] = right;
    for (int w = 0; w < 2; ++w) speed[w] += (duty[w] * 2 - speed[w]) / 4;  // 1000 per mille -> 2000 mm/s
  }
  int measure(int wheel, int sample) const {
    static const int noise[7] = {3, -5, 1, 6, -2, -4, 2};
    return speed[wheel] + noise[(sample + 3 * wheel) % 7];
  }
};
drive plant;

// One ADC conversion: 200 us after it starts, the value is ready -- until
// sample `adc_fails_at`, from which on the converter hangs (it waits for an
// end-of-conversion event that never comes).
constexpr int adc_fails_at = 24;
bcsc::event adc_end_of_conversion_never;

[[bcsc::async]] bcsc::task<int> read_wheel_speed(int wheel, int sample) {
  if (sample >= adc_fails_at) {
    co_await adc_end_of_conversion_never.wait();
  } else {
    co_await bcsc::sleep_for(bcsc::microseconds(200));
  }
  co_return plant.measure(wheel, sample);
}

// ---------------------------------------------------------- the control ---
// Exponential moving average, alpha = 1/4, in 1/16 mm/s fixed point.
struct low_pass {
  long state = 0;
  bool primed = false;
  int update(int x) {
    long scaled = static_cast<long>(x) * 16;
    if (!primed) {
      state = scaled;
      primed = true;
    } else {
      state += (scaled - state) / 4;
    }
    return static_cast<int>(state / 16);
  }
};

// PI speed controller: output duty per mille, clamped to [-1000, 1000].
struct pi_controller {
  int setpoint;  // mm/s
  long integral = 0;
  int update(int measured) {
    int error = setpoint - measured;
    integral += error;
    long out = static_cast<long>(error) * 3 / 10 + integral / 8;
    if (out > 1000) out = 1000;
    if (out < -1000) out = -1000;
    return static_cast<int>(out);
  }
};

struct motor_command {
  int seq;
  int measured;  // filtered mean wheel speed, mm/s
  int left;      // duty per mille
  int right;
};
using command_channel = bcsc::channel<motor_command, 4>;

constexpr int period_ms = 5;
constexpr int adc_timeout_ms = 2;
constexpr int watchdog_ms = 300;  // long against the 5 ms period: a stalled host must not trip it

// Both wheels at once: two conversions run concurrently.
[[bcsc::async]] bcsc::task<std::tuple<int, int>> read_both_wheels(int sample) {
  std::tuple<int, int> speeds = co_await bcsc::join(read_wheel_speed(0, sample), read_wheel_speed(1, sample));
  co_return speeds;
}

// Runs until the sensor fails; returns the number of commands sent.
[[bcsc::async]] bcsc::task<int> control_loop(command_channel::sender commands, int setpoint) {
  bcsc::interval every(bcsc::milliseconds(period_ms));
  low_pass left_filter;
  low_pass right_filter;
  pi_controller left_pi{setpoint};
  pi_controller right_pi{setpoint};
  const bcsc::duration adc_timeout = bcsc::milliseconds(adc_timeout_ms);
  int sent = 0;
  for (int k = 0;; ++k) {
    co_await every.tick();
    bcsc::option<std::tuple<int, int>> speeds = co_await bcsc::timeout(read_both_wheels(k), adc_timeout);
    if (!speeds) {
      say("control: ADC timeout at sample ", k, ", sensor fault: no more commands");
      co_return sent;
    }
    int left = left_filter.update(std::get<0>(*speeds));
    int right = right_filter.update(std::get<1>(*speeds));
    // Steer straight: the faster wheel gets a little less.
    int trim = (left - right) / 8;
    motor_command cmd{k, (left + right) / 2, left_pi.update(left) - trim, right_pi.update(right) + trim};
    bool delivered = co_await commands.send(cmd);
    if (!delivered) co_return sent;  // the channel was closed
    ++sent;
  }
}

// --------------------------------------------------------- the watchdog ---
struct motor_event {
  bool timed_out;
  motor_command cmd;
};

// A closed channel (never closed here) counts as silence: the watchdog fires.
[[bcsc::async]] bcsc::task<motor_event> next_command(command_channel::receiver commands) {
  bcsc::option<motor_command> cmd = co_await commands.recv();
  if (!cmd) co_await bcsc::sleep_for(bcsc::seconds(3600));
  co_return motor_event{false, *cmd};
}

[[bcsc::async]] bcsc::task<motor_event> watchdog_timeout(int ms) {
  co_await bcsc::sleep_for(bcsc::milliseconds(static_cast<unsigned>(ms)));
  co_return motor_event{true, motor_command{-1, 0, 0, 0}};
}

int motor_commands_applied = 0;
bool motors_stopped_by_watchdog = false;

[[bcsc::async]] bcsc::task<int> motor_task(command_channel::receiver commands) {
  for (;;) {
    motor_event ev = co_await bcsc::race(next_command(commands), watchdog_timeout(watchdog_ms));
    if (ev.timed_out) {
      plant.apply(0, 0);
      motors_stopped_by_watchdog = true;
      say("watchdog: no command for ", watchdog_ms, " ms, motors stopped after ", motor_commands_applied,
          " commands");
      co_return motor_commands_applied;
    }
    plant.apply(ev.cmd.left, ev.cmd.right);
    ++motor_commands_applied;
    say("motor #", ev.cmd.seq, ": speed ", ev.cmd.measured, " mm/s -> duty L ", ev.cmd.left, " R ",
        ev.cmd.right);
  }
}

// ------------------------------------------------------------ the app ---
constexpr int setpoint = 400;  // mm/s

using control_frame = decltype(control_loop(std::declval<command_channel::sender>(), 0));
using motor_frame = decltype(motor_task(std::declval<command_channel::receiver>()));
using both_frame = decltype(read_both_wheels(0));
using wheel_frame = decltype(read_wheel_speed(0, 0));
using next_frame = decltype(next_command(std::declval<command_channel::receiver>()));
using watchdog_frame = decltype(watchdog_timeout(0));

#ifndef __cpp_impl_coroutine
// Lowered by bcsc: every frame has a compile-time size.
constexpr std::size_t max2(std::size_t a, std::size_t b) { return a > b ? a : b; }
constexpr std::size_t slot_size = max2(sizeof(control_frame), sizeof(motor_frame));
constexpr std::size_t slot_align = max2(alignof(control_frame), alignof(motor_frame));
using robot_executor = bcsc::executor<2, slot_size, slot_align>;

void print_budget(const robot_executor& exec, const command_channel& commands) {
  say("budget: frame control_loop   ", control_frame::frame_size,
      " B (holds timeout(read_both_wheels ", both_frame::frame_size, " B = join(2 x read_wheel_speed ",
      wheel_frame::frame_size, " B)))");
  say("budget: frame motor_task     ", motor_frame::frame_size, " B (holds race of next_command ",
      next_frame::frame_size, " B + watchdog_timeout ", watchdog_frame::frame_size, " B)");
  say("budget: executor<2, ", slot_size, ", ", slot_align, "> ", sizeof(exec), " B (2 slots of ",
      sizeof(bcsc::detail::raw_slot<slot_size, slot_align>), " B incl. task header)");
  say("budget: channel<motor_command, 4> ", sizeof(commands), " B");
  say("budget: frames ", control_frame::frame_size + motor_frame::frame_size, " B, total task memory ",
      sizeof(exec) + sizeof(commands), " B (executor with its slots + channel), heap 0 B");
}
#else
// C++20 fallback build (no bcsc): coroutine frames come from the heap.
using robot_executor = bcsc::executor<2>;
void print_budget(const robot_executor&, const command_channel&) {
  say("budget: fallback mode (C++20 coroutines): frames are heap-allocated");
}
#endif

int run() {
  command_channel commands;
  robot_executor exec;
  print_budget(exec, commands);
  say("robot: setpoint ", setpoint, " mm/s, period ", period_ms, " ms, ADC timeout ", adc_timeout_ms,
      " ms, watchdog ", watchdog_ms, " ms");
  auto handles = commands.split();
  if (!exec.spawn(control_loop(handles.first, setpoint)) || !exec.spawn(motor_task(handles.second))) {
    say("FAIL: spawn refused");
    return 1;
  }
  exec.run();
  int failures = 0;
  if (motor_commands_applied != adc_fails_at) {
    say("FAIL: applied ", motor_commands_applied, " commands, expected ", adc_fails_at);
    ++failures;
  }
  if (!motors_stopped_by_watchdog || plant.duty[0] != 0 || plant.duty[1] != 0) {
    say("FAIL: the watchdog did not stop the motors");
    ++failures;
  }
  say("robot: final wheel speeds ", plant.speed[0], " / ", plant.speed[1], " mm/s, ",
      failures == 0 ? "ok" : "FAILED");
  return failures == 0 ? 0 : 1;
}

}  // namespace robot
