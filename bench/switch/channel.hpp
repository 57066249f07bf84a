// bench::channel<T>: a one-slot channel between two tasks, stored inline
// (the runtime has no channel yet). Single producer, single consumer, task
// context only (no critical section: the benchmarks run one executor on one
// thread). send() completes once the value is in the slot; recv() once it
// took a value. Each side keeps at most one waker, refreshed on every
// pending poll (protocol rule 3).
#pragma once

#include <bcsc/future.hpp>

namespace bench {

template <class T>
class channel {
 public:
  class send_future {
   public:
    using output_type = void;
    send_future(channel* ch, T v) noexcept : ch_(ch), value_(v) {}
    bcsc::poll_result<void> poll(bcsc::context& cx) noexcept {
      channel& c = *ch_;
      if (c.full_) {
        c.sender_ = cx.get_waker();
        return bcsc::pending;
      }
      c.value_ = value_;
      c.full_ = true;
      c.wake(c.receiver_);
      return bcsc::ready();
    }

   private:
    channel* ch_;
    T value_;
  };

  class recv_future {
   public:
    using output_type = T;
    explicit recv_future(channel* ch) noexcept : ch_(ch) {}
    bcsc::poll_result<T> poll(bcsc::context& cx) noexcept {
      channel& c = *ch_;
      if (!c.full_) {
        c.receiver_ = cx.get_waker();
        return bcsc::pending;
      }
      c.full_ = false;
      c.wake(c.sender_);
      return c.value_;
    }

   private:
    channel* ch_;
  };

  send_future send(T v) noexcept { return send_future(this, v); }
  recv_future recv() noexcept { return recv_future(this); }

 private:
  static void wake(bcsc::waker& w) noexcept {
    bcsc::waker taken = w;
    w = bcsc::waker();
    taken.wake();
  }

  T value_{};
  bool full_ = false;
  bcsc::waker sender_;
  bcsc::waker receiver_;
};

}  // namespace bench
