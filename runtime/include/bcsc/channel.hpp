// bcsc::channel<T, N> (bounded MPMC) and bcsc::oneshot<T>.
//
//   bcsc::channel<int, 8> ch;              // storage for 8 ints, inline
//   auto [tx, rx] = ch.split();            // handles borrow the channel
//   bool sent = co_await tx.send(42);      // false: channel closed
//   bcsc::option<int> v = co_await rx.recv();   // empty: closed and drained
//   tx.try_send(7);  rx.try_recv();        // non-blocking, ISR-safe
//   ch.close();                            // or tx.close() / rx.close()
//
// Storage. The ring buffer of N elements is inside the channel; waiting
// senders keep their value inside the send future until there is room;
// wait nodes live in the futures. Nothing allocates. Handles are plain
// pointers to the channel: copy them freely (many senders, many receivers);
// the channel must outlive them and their futures.
//
// Fairness. Free slots are permits for senders, queued messages are
// permits for receivers (detail::permit_queue): a slot or message is handed
// to the longest-waiting sender/receiver (FIFO), never to a later arrival.
// Messages come out in the order their sends completed.
//
// Cancellation. A cancelled send() never delivered its value (it is
// destroyed with the future) and a slot it had been granted is handed on.
// A cancelled recv() never took a message: a message it had been granted
// stays in the buffer and goes to the next receiver. Nothing is lost.
//
// Closing. close() (on the channel or any handle) is permanent:
//   * pending and later send()s complete with false (value destroyed);
//     try_send returns false and leaves the argument untouched;
//   * receivers still get every message already in the buffer; once it is
//     empty, recv() completes with an empty option and try_recv() returns
//     empty.
// Dropping handles does not close the channel.
//
// Interrupt safety: try_send, try_recv, close, is_closed, size are
// ISR-safe (one critical section; T is moved inside it, so keep T cheap to
// move). send()/recv() futures are polled in task context.
//
// oneshot<T>: one value, once. send(v) (ISR-safe) stores it and wakes the
// receiver; `co_await os.recv()` yields option<T> (empty if closed without
// a value). A cancelled recv() leaves the value in the oneshot.
#pragma once

#include <cstddef>
#include <new>
#include <utility>

#include "critical_section.hpp"
#include "future.hpp"
#include "option.hpp"
#include "semaphore.hpp"
#include "wait_list.hpp"

namespace bcsc {

template <class T, std::size_t N>
class channel {
  static_assert(N > 0, "channel<T, N>: N must be at least 1");

 public:
  class send_future {
   public:
    using output_type = bool;
    template <class U>
    send_future(channel& ch, U&& v) : ch_(&ch), acq_(ch.space_, 1), value_(std::forward<U>(v)) {}
    send_future(send_future&&) = default;
    poll_result<bool> poll(context& cx) {
      critical_section cs;
      if (ch_->closed_) {
        acq_.abandon_locked();
        return false;
      }
      if (!acq_.poll_locked(cx)) return pending;
      ch_->push_locked(std::move(value_));
      ch_->items_.release_locked(1);
      return true;
    }

   private:
    channel* ch_;
    detail::permit_acquire acq_;
    T value_;
  };

  class recv_future {
   public:
    using output_type = option<T>;
    explicit recv_future(channel& ch) noexcept : ch_(&ch), acq_(ch.items_, 1) {}
    recv_future(recv_future&&) noexcept = default;
    poll_result<option<T>> poll(context& cx) {
      critical_section cs;
      if (acq_.poll_locked(cx)) return option<T>(ch_->pop_and_free_locked());
      if (ch_->closed_) {
        acq_.abandon_locked();
        return option<T>();
      }
      return pending;
    }

   private:
    channel* ch_;
    detail::permit_acquire acq_;
  };

  class sender {
   public:
    explicit sender(channel& ch) noexcept : ch_(&ch) {}
    template <class U = T>
    send_future send(U&& v) {
      return send_future(*ch_, std::forward<U>(v));
    }
    bool try_send(T&& v) noexcept { return ch_->try_send(std::move(v)); }
    bool try_send(const T& v) noexcept { return ch_->try_send(v); }
    void close() noexcept { ch_->close(); }
    bool is_closed() const noexcept { return ch_->is_closed(); }

   private:
    channel* ch_;
  };

  class receiver {
   public:
    explicit receiver(channel& ch) noexcept : ch_(&ch) {}
    recv_future recv() noexcept { return recv_future(*ch_); }
    option<T> try_recv() noexcept { return ch_->try_recv(); }
    void close() noexcept { ch_->close(); }
    bool is_closed() const noexcept { return ch_->is_closed(); }

   private:
    channel* ch_;
  };

  constexpr channel() noexcept = default;
  channel(const channel&) = delete;
  channel& operator=(const channel&) = delete;
  ~channel() {
    while (count_ != 0) pop_locked();
  }

  std::pair<sender, receiver> split() noexcept { return {sender(*this), receiver(*this)}; }
  sender get_sender() noexcept { return sender(*this); }
  receiver get_receiver() noexcept { return receiver(*this); }

  // ISR-safe. Moves from `v` only on success.
  template <class U>
  bool try_send(U&& v) noexcept {
    critical_section cs;
    if (closed_ || !space_.try_take_locked(1)) return false;
    push_locked(std::forward<U>(v));
    items_.release_locked(1);
    return true;
  }
  // ISR-safe.
  option<T> try_recv() noexcept {
    critical_section cs;
    if (!items_.try_take_locked(1)) return option<T>();
    return option<T>(pop_and_free_locked());
  }
  // ISR-safe.
  void close() noexcept {
    critical_section cs;
    if (closed_) return;
    closed_ = true;
    space_.close_locked();
    items_.close_locked();
  }
  bool is_closed() const noexcept {
    critical_section cs;
    return closed_;
  }
  // Messages in the buffer (including ones already handed to a woken
  // receiver that has not yet been polled).
  std::size_t size() const noexcept {
    critical_section cs;
    return count_;
  }
  static constexpr std::size_t capacity() noexcept { return N; }

 private:
  T* slot(std::size_t i) noexcept { return std::launder(reinterpret_cast<T*>(&buf_[i % N])); }
  template <class U>
  void push_locked(U&& v) {
    ::new (static_cast<void*>(&buf_[(head_ + count_) % N])) T(std::forward<U>(v));
    ++count_;
  }
  T pop_locked() {
    T* p = slot(head_);
    T v(std::move(*p));
    p->~T();
    head_ = (head_ + 1) % N;
    --count_;
    return v;
  }
  T pop_and_free_locked() {
    T v = pop_locked();
    space_.release_locked(1);
    return v;
  }

  struct alignas(T) raw {
    unsigned char bytes[sizeof(T)];
  };
  detail::permit_queue items_{0};
  detail::permit_queue space_{N};
  raw buf_[N];
  std::size_t head_ = 0;
  std::size_t count_ = 0;
  bool closed_ = false;
};

// ------------------------------------------------------------- oneshot ----
template <class T>
class oneshot {
 public:
  class recv_future {
   public:
    using output_type = option<T>;
    explicit recv_future(oneshot& o) noexcept : o_(&o) {}
    recv_future(recv_future&&) noexcept = default;
    poll_result<option<T>> poll(context& cx) {
      critical_section cs;
      if (o_->value_.has_value()) {
        option<T> v(std::move(o_->value_));
        o_->value_.reset();
        return v;
      }
      if (o_->closed_ || o_->sent_) return option<T>();
      o_->waiters_.push_back_locked(node_, cx.get_waker());
      return pending;
    }
    ~recv_future() {
      critical_section cs;
      o_->waiters_.remove_locked(node_);
    }

   private:
    oneshot* o_;
    wait_node node_;
  };

  constexpr oneshot() noexcept = default;
  oneshot(const oneshot&) = delete;
  oneshot& operator=(const oneshot&) = delete;

  // ISR-safe (T is moved inside a critical section). False if a value was
  // already sent or the oneshot is closed; `v` is then untouched.
  template <class U>
  bool send(U&& v) {
    critical_section cs;
    if (sent_ || closed_) return false;
    value_.emplace(std::forward<U>(v));
    sent_ = true;
    waiters_.wake_all_locked();
    return true;
  }
  // ISR-safe. A receiver waiting (or arriving later) gets an empty option,
  // unless a value was sent before.
  void close() noexcept {
    critical_section cs;
    closed_ = true;
    waiters_.wake_all_locked();
  }
  recv_future recv() noexcept { return recv_future(*this); }
  // ISR-safe.
  option<T> try_recv() {
    critical_section cs;
    option<T> v(std::move(value_));
    value_.reset();
    return v;
  }
  bool is_sent() const noexcept {
    critical_section cs;
    return sent_;
  }

 private:
  option<T> value_;
  wait_list waiters_;
  bool sent_ = false;
  bool closed_ = false;
};

}  // namespace bcsc
