// io_uring reactor: file read/write at offsets into caller buffers, timers,
// TCP accept/recv/send on 127.0.0.1, cancellation of pending I/O, and
// wake-ups from another thread while the loop sleeps in the ring.
// Skips (with the reason) when io_uring is unavailable in the sandbox.
#include "test_support.hpp"

#include <bcsc/host/clock.hpp>
#include <bcsc/host/uring.hpp>

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <chrono>
#include <cstdlib>
#include <cstring>
#include <string>
#include <thread>

namespace {

#define REQUIRE_URING(io)                                                                    \
  do {                                                                                       \
    if ((io).init_error() == -ENOSYS || (io).init_error() == -EPERM)                         \
      GTEST_SKIP() << "io_uring unavailable: " << std::strerror(-(io).init_error());         \
    ASSERT_EQ((io).init_error(), 0) << std::strerror(-(io).init_error());                    \
  } while (0)

struct temp_file {
  char path[64] = "/tmp/bcsc_uring_XXXXXX";
  int fd = mkstemp(path);
  ~temp_file() {
    if (fd >= 0) ::close(fd);
    ::unlink(path);
  }
};

// A listening socket on 127.0.0.1, ephemeral port.
struct listener {
  int fd = -1;
  int port = 0;
  listener() {
    fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0 || ::listen(fd, 4) != 0) return;
    socklen_t len = sizeof a;
    ::getsockname(fd, reinterpret_cast<sockaddr*>(&a), &len);
    port = ntohs(a.sin_port);
  }
  ~listener() {
    if (fd >= 0) ::close(fd);
  }
};

int connect_loopback(int port) {
  int c = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(c, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(c);
    return -1;
  }
  return c;
}

bcsc::task<std::string> file_roundtrip(bcsc::host::uring_reactor& io, int fd) {
  const char hello[] = "hello, ";
  const char world[] = "uring!";
  EXPECT_EQ(co_await io.write(fd, 0, hello, 7), 7);
  EXPECT_EQ(co_await io.write(fd, 7, world, 6), 6);
  char buf[32] = {};
  int n = co_await io.read(fd, 3, buf, sizeof buf);  // from offset 3 into our buffer
  co_return std::string(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
}

bcsc::task<std::string> echo_server(bcsc::host::uring_reactor& io, int listen_fd) {
  int c = co_await io.accept(listen_fd);
  if (c < 0) co_return "accept failed";
  char buf[64];
  int n = co_await io.recv(c, buf, sizeof buf);
  std::string got(buf, n > 0 ? static_cast<std::size_t>(n) : 0);
  std::string reply = "echo:" + got;
  int sent = co_await io.send(c, reply.data(), reply.size());
  ::close(c);
  co_return sent == static_cast<int>(reply.size()) ? got : "send failed";
}

}  // namespace

TEST(Uring, FileWriteAndReadAtOffsets) {
  bcsc::host::uring_reactor io;
  REQUIRE_URING(io);
  temp_file f;
  ASSERT_GE(f.fd, 0);
  EXPECT_EQ(bcsc::block_on(file_roundtrip(io, f.fd), io), "lo, uring!");
}

TEST(Uring, PlainFutureReadWithBlockOn) {
  // C++17 style: the io future itself, no coroutine.
  bcsc::host::uring_reactor io;
  REQUIRE_URING(io);
  temp_file f;
  ASSERT_EQ(::pwrite(f.fd, "0123456789", 10, 0), 10);
  char buf[4] = {};
  EXPECT_EQ(bcsc::block_on(io.read(f.fd, 6, buf), io), 4);
  EXPECT_EQ(std::string(buf, 4), "6789");
  EXPECT_EQ(bcsc::block_on(io.read(-1, 0, buf), io), -EBADF);
}

TEST(Uring, TimerSleeps) {
  bcsc::host::uring_reactor io;
  REQUIRE_URING(io);
  const auto t0 = std::chrono::steady_clock::now();
  EXPECT_EQ(bcsc::block_on(io.sleep_for(bcsc::milliseconds(5)), io), 0);
  EXPECT_GE(std::chrono::steady_clock::now() - t0, std::chrono::milliseconds(5));
}

TEST(Uring, TcpAcceptRecvSendOnLoopback) {
  bcsc::host::uring_reactor io;
  REQUIRE_URING(io);
  listener l;
  ASSERT_GT(l.port, 0);
  std::string reply;
  std::thread client([&] {
    int c = connect_loopback(l.port);
    if (c < 0) return;
    ASSERT_EQ(::send(c, "ping", 4, 0), 4);
    char buf[64];
    ssize_t n = ::recv(c, buf, sizeof buf, MSG_WAITALL);
    if (n > 0) reply.assign(buf, static_cast<std::size_t>(n));
    ::close(c);
  });
  bcsc::executor<2, 64> exec(io);
  std::string got;
  auto wrap = [](bcsc::host::uring_reactor& io, int fd, std::string* out) -> bcsc::task<void> {
    *out = co_await echo_server(io, fd);
  };
  ASSERT_TRUE(exec.spawn(wrap(io, l.fd, &got)));
  exec.run();
  client.join();
  EXPECT_EQ(got, "ping");
  EXPECT_EQ(reply, "echo:ping");
}

TEST(Uring, PendingRecvIsCancelledByARaceAndItsBufferIsLeftAlone) {
  bcsc::host::uring_reactor io;
  REQUIRE_URING(io);
  int sv[2];
  ASSERT_EQ(::socketpair(AF_UNIX, SOCK_STREAM | SOCK_CLOEXEC, 0, sv), 0);
  char buf[8] = "xxxxxxx";
  // Nothing is ever sent: the timer wins, the recv is cancelled (destroyed).
  int r = bcsc::block_on(bcsc::race(io.recv(sv[0], buf, sizeof buf), io.sleep_for(bcsc::milliseconds(5))), io);
  EXPECT_EQ(r, 0);
  // Data sent afterwards must not land in the old buffer.
  ASSERT_EQ(::send(sv[1], "late", 4, 0), 4);
  std::this_thread::sleep_for(std::chrono::milliseconds(5));
  io.reap();
  EXPECT_STREQ(buf, "xxxxxxx");
  char again[8] = {};
  EXPECT_EQ(bcsc::block_on(io.recv(sv[0], again, sizeof again), io), 4);
  ::close(sv[0]);
  ::close(sv[1]);
}

TEST(Uring, WakeFromAnotherThreadEndsTheRingWait) {
  bcsc::host::uring_reactor io;
  REQUIRE_URING(io);
  bcsc::signal sig;
  std::thread other([&] {
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
    sig.raise();  // wakes the task; notify() writes the eventfd
  });
  const auto t0 = std::chrono::steady_clock::now();
  bcsc::block_on(sig.wait(), io);
  other.join();
  EXPECT_LT(std::chrono::steady_clock::now() - t0, std::chrono::seconds(3));
}

TEST(Uring, BcscTimersAndUringTimersTogether) {
  bcsc::host::uring_reactor io;
  REQUIRE_URING(io);
  bcsc::host::steady_clock_driver clock;
  bcsc::clock_driver* previous = bcsc::set_clock_driver(&clock);
  auto body = [](bcsc::host::uring_reactor& io) -> bcsc::task<int> {
    co_await bcsc::sleep_for(bcsc::milliseconds(3));      // bcsc clock driver thread wakes us
    co_return co_await io.sleep_for(bcsc::milliseconds(3));  // io_uring timeout
  };
  EXPECT_EQ(bcsc::block_on(body(io), io), 0);
  bcsc::set_clock_driver(previous);
}
