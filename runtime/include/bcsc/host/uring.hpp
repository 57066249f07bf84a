// Linux io_uring reactor (host only; link with liburing: pkg-config liburing).
//
//   bcsc::host::uring_reactor io;                 // io.init_error(): 0 or -errno
//   bcsc::executor<4> exec(io);                   // the reactor IS the idle hook
//   ... in a task:
//   int n = co_await io.read(fd, offset, buf, len);   // bytes, or -errno
//   n = co_await io.write(fd, offset, buf, len);
//   int c = co_await io.accept(listen_fd);             // new fd, or -errno
//   n = co_await io.recv(sock, buf, len);  n = co_await io.send(sock, buf, len);
//   int t = co_await io.sleep_for(bcsc::milliseconds(5));  // 0, or -errno
//   bcsc::block_on(io.read(...), io);              // block_on with the reactor
//
// Buffers belong to the caller and must stay valid until the future
// completes or is destroyed. Each operation's state (result, waker, timer
// spec) lives in its future: nothing allocates per operation.
//
// How it runs. The first poll of an I/O future fills a submission entry
// (user_data = the future's op state) and submits it. Completions are reaped
// (result stored, waker woken) whenever the executor/block_on idles in the
// reactor's wait(), and whenever an I/O future of this reactor is polled.
// wait() blocks in io_uring_submit_and_wait; notify() (ISR-safe: any thread)
// sets a flag and, if the loop is asleep, writes an eventfd whose read is
// always armed in the ring -- so wake-ups from other threads, timers of the
// bcsc clock driver, etc. end the wait.
//
// Cancellation. Destroying a submitted future submits IORING_OP_ASYNC_CANCEL
// and then waits (synchronously, reaping other completions normally) for
// the operation's completion, because the kernel may still write into the
// caller's buffer until then. So destruction is safe but may block briefly.
//
// Threading: one reactor per executor thread; its futures are polled and
// destroyed on that thread. notify() may be called from anywhere.
#pragma once

#include <liburing.h>
#include <sys/eventfd.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstddef>
#include <cstdint>

#include "../future.hpp"
#include "../idle.hpp"
#include "../time.hpp"

namespace bcsc {
namespace host {

class uring_reactor;

namespace detail {
struct uring_op {
  enum class state : unsigned char { idle, submitted, done };
  uring_reactor* reactor = nullptr;
  waker w;
  int res = 0;
  state st = state::idle;
  __kernel_timespec ts{};  // for timeouts
};
}  // namespace detail

class uring_reactor final : public idle_hook {
 public:
  // Kind of operation a future performs.
  enum class kind : unsigned char { read, write, accept, recv, send, timeout };

  class io_future {
   public:
    using output_type = int;
    io_future(uring_reactor& r, kind k, int fd, std::uint64_t off, void* buf, std::size_t len) noexcept
        : k_(k), fd_(fd), off_(off), buf_(buf), len_(len) {
      op_.reactor = &r;
    }
    io_future(io_future&& o) noexcept : op_(), k_(o.k_), fd_(o.fd_), off_(o.off_), buf_(o.buf_), len_(o.len_) {
      if (o.op_.st != detail::uring_op::state::idle) panic("bcsc::host::uring: io future moved after its first poll");
      op_.reactor = o.op_.reactor;
      op_.ts = o.op_.ts;
    }
    io_future& operator=(io_future&&) = delete;
    ~io_future() {
      if (op_.st == detail::uring_op::state::submitted) op_.reactor->cancel_and_wait(op_);
    }

    poll_result<int> poll(context& cx) noexcept {
      uring_reactor& r = *op_.reactor;
      if (op_.st == detail::uring_op::state::idle) {
        if (r.init_error_ != 0) return r.init_error_;
        io_uring_sqe* sqe = r.get_sqe();
        if (sqe == nullptr) {  // ring full: try again on the next round
          cx.get_waker().wake();
          return pending;
        }
        prep(sqe);
        io_uring_sqe_set_data(sqe, &op_);
        op_.w = cx.get_waker();
        op_.st = detail::uring_op::state::submitted;
        io_uring_submit(&r.ring_);
      }
      if (op_.st == detail::uring_op::state::submitted) r.reap();
      if (op_.st == detail::uring_op::state::done) {
        if (k_ == kind::timeout && op_.res == -ETIME) return 0;
        return op_.res;
      }
      op_.w = cx.get_waker();
      return pending;
    }

   private:
    friend class uring_reactor;
    void prep(io_uring_sqe* sqe) noexcept {
      const unsigned n = static_cast<unsigned>(len_);
      switch (k_) {
        case kind::read: io_uring_prep_read(sqe, fd_, buf_, n, off_); break;
        case kind::write: io_uring_prep_write(sqe, fd_, buf_, n, off_); break;
        case kind::accept: io_uring_prep_accept(sqe, fd_, nullptr, nullptr, 0); break;
        case kind::recv: io_uring_prep_recv(sqe, fd_, buf_, len_, 0); break;
        case kind::send: io_uring_prep_send(sqe, fd_, buf_, len_, MSG_NOSIGNAL); break;
        case kind::timeout: io_uring_prep_timeout(sqe, &op_.ts, 0, 0); break;
      }
    }
    detail::uring_op op_;
    kind k_;
    int fd_;
    std::uint64_t off_;
    void* buf_;
    std::size_t len_;
  };

  explicit uring_reactor(unsigned entries = 64) noexcept {
    init_error_ = io_uring_queue_init(entries, &ring_, 0);
    if (init_error_ != 0) return;
    efd_ = eventfd(0, EFD_CLOEXEC);
    if (efd_ < 0) {
      init_error_ = -errno;
      io_uring_queue_exit(&ring_);
      return;
    }
    arm_eventfd();
    io_uring_submit(&ring_);
  }
  ~uring_reactor() {
    if (init_error_ != 0) return;
    io_uring_queue_exit(&ring_);
    ::close(efd_);
  }
  uring_reactor(const uring_reactor&) = delete;
  uring_reactor& operator=(const uring_reactor&) = delete;

  // 0, or -errno from io_uring_queue_init (e.g. -ENOSYS, -EPERM when io_uring
  // is unavailable). Every future of a failed reactor completes with it.
  int init_error() const noexcept { return init_error_; }

  io_future read(int fd, std::uint64_t offset, void* buf, std::size_t len) noexcept {
    return io_future(*this, kind::read, fd, offset, buf, len);
  }
  template <std::size_t N>
  io_future read(int fd, std::uint64_t offset, char (&buf)[N]) noexcept {
    return read(fd, offset, buf, N);
  }
  io_future write(int fd, std::uint64_t offset, const void* buf, std::size_t len) noexcept {
    return io_future(*this, kind::write, fd, offset, const_cast<void*>(buf), len);
  }
  io_future accept(int listen_fd) noexcept { return io_future(*this, kind::accept, listen_fd, 0, nullptr, 0); }
  io_future recv(int fd, void* buf, std::size_t len) noexcept { return io_future(*this, kind::recv, fd, 0, buf, len); }
  io_future send(int fd, const void* buf, std::size_t len) noexcept {
    return io_future(*this, kind::send, fd, 0, const_cast<void*>(buf), len);
  }
  io_future sleep_for(duration d) noexcept {
    io_future f(*this, kind::timeout, -1, 0, nullptr, 0);
    f.op_.ts.tv_sec = static_cast<long long>(d.us / 1000000u);
    f.op_.ts.tv_nsec = static_cast<long long>((d.us % 1000000u) * 1000u);
    return f;
  }

  // idle_hook: sleep in the ring until a completion or notify().
  void wait() noexcept override {
    if (init_error_ != 0) return;
    sleeping_.store(true, std::memory_order_seq_cst);
    if (!notified_.exchange(false, std::memory_order_seq_cst)) {
      io_uring_submit_and_wait(&ring_, 1);
    }
    sleeping_.store(false, std::memory_order_seq_cst);
    notified_.store(false, std::memory_order_relaxed);
    reap();
  }
  void notify() noexcept override {
    notified_.store(true, std::memory_order_seq_cst);
    if (sleeping_.load(std::memory_order_seq_cst) && efd_ >= 0) {
      const std::uint64_t one = 1;
      ssize_t n = ::write(efd_, &one, sizeof one);
      (void)n;
    }
  }

  // Reap every available completion (store results, wake). Returns the count.
  std::size_t reap() noexcept {
    std::size_t n = 0;
    io_uring_cqe* cqe;
    while (io_uring_peek_cqe(&ring_, &cqe) == 0) {
      void* data = io_uring_cqe_get_data(cqe);
      const int res = cqe->res;
      io_uring_cqe_seen(&ring_, cqe);
      ++n;
      if (data == &efd_tag_) {
        arm_eventfd();
        io_uring_submit(&ring_);
      } else if (data == &cancel_tag_ || data == nullptr) {
        // completion of a cancel request: nothing to do
      } else {
        auto* op = static_cast<detail::uring_op*>(data);
        op->res = res;
        op->st = detail::uring_op::state::done;
        op->w.wake();
      }
    }
    return n;
  }

 private:
  io_uring_sqe* get_sqe() noexcept {
    io_uring_sqe* sqe = io_uring_get_sqe(&ring_);
    if (sqe == nullptr) {
      io_uring_submit(&ring_);
      sqe = io_uring_get_sqe(&ring_);
    }
    return sqe;
  }
  void arm_eventfd() noexcept {
    io_uring_sqe* sqe = get_sqe();
    if (sqe == nullptr) return;
    io_uring_prep_read(sqe, efd_, &efd_buf_, sizeof efd_buf_, 0);
    io_uring_sqe_set_data(sqe, &efd_tag_);
  }
  void cancel_and_wait(detail::uring_op& op) noexcept {
    op.w = waker();  // the owner is going away: never wake it
    if (io_uring_sqe* sqe = get_sqe()) {
      io_uring_prep_cancel(sqe, &op, 0);
      io_uring_sqe_set_data(sqe, &cancel_tag_);
    }
    io_uring_submit(&ring_);
    while (op.st != detail::uring_op::state::done) {
      io_uring_cqe* cqe;
      if (io_uring_wait_cqe(&ring_, &cqe) < 0) break;
      reap();
    }
  }

  io_uring ring_{};
  int init_error_ = 0;
  int efd_ = -1;
  std::uint64_t efd_buf_ = 0;
  char efd_tag_ = 0;
  char cancel_tag_ = 0;
  std::atomic<bool> notified_{false};
  std::atomic<bool> sleeping_{false};
};

}  // namespace host
}  // namespace bcsc
