// Local stand-ins for runtime primitives the robot example needs and the
// runtime did not have yet when the example was written: a bounded channel
// and a periodic interval. Both follow docs/protocol.md (wait nodes live in
// the futures, register-then-recheck, destruction unlinks) and use only the
// runtime's public pieces: wait_list, sleep_until, now(). Single-threaded
// (task context only): send/recv must not be called from an interrupt.
//
// If <bcsc/channel.hpp> / <bcsc/interval.hpp> exist, prefer them; these
// live in namespace robot:: so they never clash.
#pragma once

#include <bcsc/bcsc.hpp>

#include <cstddef>
#include <new>
#include <utility>

namespace robot {

// ------------------------------------------------------------- channel ---
// A bounded FIFO of N values of T stored inline. send() waits while full,
// recv() while empty. No close(): a receiver that must not wait forever
// races recv() with a timeout (see the watchdog in robot.cpp).
template <class T, std::size_t N>
class channel {
  static_assert(N > 0, "channel<T, N>: N must be at least 1");

 public:
  channel() noexcept = default;
  channel(const channel&) = delete;
  channel& operator=(const channel&) = delete;
  ~channel() {
    while (count_ != 0) pop();
  }

  class send_future {
   public:
    using output_type = void;
    send_future(channel& ch, T value) : ch_(&ch), value_(std::move(value)) {}
    send_future(send_future&&) = default;  // wait_node panics if moved while linked

    bcsc::poll_result<void> poll(bcsc::context& cx) {
      if (ch_->try_push(value_)) return done();
      ch_->senders_.register_waiter(node_, cx.get_waker());
      if (ch_->try_push(value_)) return done();  // a receiver made room meanwhile
      return bcsc::pending;
    }

   private:
    bcsc::poll_result<void> done() {
      node_.unlink();
      return bcsc::ready();
    }
    channel* ch_;
    T value_;
    bcsc::wait_node node_;
  };

  class recv_future {
   public:
    using output_type = T;
    explicit recv_future(channel& ch) noexcept : ch_(&ch) {}
    recv_future(recv_future&&) = default;

    bcsc::poll_result<T> poll(bcsc::context& cx) {
      if (ch_->count_ != 0) return take();
      ch_->receivers_.register_waiter(node_, cx.get_waker());
      if (ch_->count_ != 0) return take();
      return bcsc::pending;
    }

   private:
    bcsc::poll_result<T> take() {
      node_.unlink();
      return ch_->pop();
    }
    channel* ch_;
    bcsc::wait_node node_;
  };

  send_future send(T value) { return send_future(*this, std::move(value)); }
  recv_future recv() noexcept { return recv_future(*this); }
  std::size_t size() const noexcept { return count_; }
  static constexpr std::size_t capacity = N;

 private:
  bool try_push(T& value) {
    if (count_ == N) return false;
    ::new (static_cast<void*>(&buf_[(head_ + count_) % N])) T(std::move(value));
    ++count_;
    receivers_.wake_one();
    return true;
  }
  T pop() {
    T* p = std::launder(reinterpret_cast<T*>(&buf_[head_]));
    T v(std::move(*p));
    p->~T();
    head_ = (head_ + 1) % N;
    --count_;
    senders_.wake_one();
    return v;
  }

  struct alignas(T) cell {
    unsigned char bytes[sizeof(T)];
  };
  cell buf_[N];
  std::size_t head_ = 0;
  std::size_t count_ = 0;
  bcsc::wait_list senders_;
  bcsc::wait_list receivers_;
};

// ------------------------------------------------------------ interval ---
// Ticks at start + k * period (k = 1, 2, ...): the schedule does not drift
// with the time the loop body takes. A tick that is already due when next()
// is polled still yields once (it wakes itself and returns pending), so a
// late loop lets the other ready tasks run before it catches up -- output
// order then does not depend on how late the host scheduled us.
class interval {
 public:
  explicit interval(bcsc::duration period) noexcept : period_(period), next_(bcsc::now() + period) {}

  class tick_future {
   public:
    using output_type = void;
    explicit tick_future(bcsc::instant deadline) noexcept : sleep_(bcsc::sleep_until(deadline)) {}
    tick_future(tick_future&&) noexcept = default;

    bcsc::poll_result<void> poll(bcsc::context& cx) noexcept {
      if (!polled_) {
        polled_ = true;
        if (bcsc::now() >= sleep_.deadline()) {  // overdue: yield once
          cx.get_waker().wake();
          return bcsc::pending;
        }
      }
      return sleep_.poll(cx);
    }

   private:
    bcsc::sleep_future sleep_;
    bool polled_ = false;
  };

  // The next tick; every call advances the schedule by one period.
  tick_future next() noexcept {
    bcsc::instant deadline = next_;
    next_ = next_ + period_;
    return tick_future(deadline);
  }

 private:
  bcsc::duration period_;
  bcsc::instant next_;
};

}  // namespace robot
