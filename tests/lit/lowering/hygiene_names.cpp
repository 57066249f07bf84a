// RUN: %bcsc lower %s -o %t.cpp -- %flags
// RUN: %differential %s %t.cpp | FileCheck %s --check-prefix=OUT
// Rule: user code sees exactly the names it saw in the source. In the
// lowered code the body is the frame's poll(), where unqualified lookup
// finds the frame's members (output_type, frame_size, frame_align, poll)
// and poll()'s locals (the slots) first; a user name spelled like one of
// them still means the user's declaration. (Before, `output_type` became
// the frame's int, a global `frame_size` read the frame's size, and names
// like `poll` or `x_0` made the output fail to compile.)
#include "harness.hpp"

namespace alias {
using output_type = long long;
[[bcsc::async]] bcsc::task<output_type> widen(int shift) {
  output_type across = output_type(1) << shift;  // lives across the await
  co_await pause(1);
  output_type local = across >> 32;  // does not
  std::printf("alias: %lld %lld\n", across >> 32, local);
  co_return across;
}
}  // namespace alias

int frame_size = 8;
int frame_align = 3;
[[bcsc::async]] bcsc::task<int> globals() {
  co_await pause(1);
  std::printf("globals: %d %d\n", frame_size, frame_align);
  co_return frame_size + frame_align;
}

// A function named poll, and globals spelled like the slots the frame
// would give `x` and the co_await (x_0, future_1).
int poll(int x) { return x + 100; }
int x_0 = 5;
int future_1 = 6;
[[bcsc::async]] bcsc::task<int> slots() {
  int x = 1;
  co_await pause(1);
  std::printf("slots: %d %d %d %d\n", poll(x), x_0, future_1, x);
  co_return x;
}

namespace frame_align_ns {
enum Unit { frame_size = 40 };  // an unscoped enumerator
}
namespace output_type_holder = frame_align_ns;
namespace inner {
using frame_align_ns::Unit;
using frame_align_ns::frame_size;  // a using-declaration
[[bcsc::async]] bcsc::task<int> qualifiers() {
  co_await pause(1);
  Unit u = frame_size;
  std::printf("qualifiers: %d %d\n", (int)u, (int)output_type_holder::frame_size);
  co_return 0;
}
}  // namespace inner

// Members of the async member function's class, used unqualified.
struct Sensor {
  using output_type = short;
  static constexpr int frame_size = 12;
  static int poll() { return 7; }
  [[bcsc::async]] bcsc::task<int> read() {
    output_type v = static_cast<output_type>(frame_size + poll());
    co_await pause(1);
    std::printf("member: %d %d\n", (int)v, (int)sizeof(output_type));
    co_return v;
  }
};

// In a class template the slot's type is spelled through the class
// (typename Box::output_type); the frame's own output_type is T.
template <class T>
struct Box {
  using output_type = long long;
  static constexpr int frame_size = 3;
  [[bcsc::async]] bcsc::task<T> twice(T v) {
    output_type w = v + v;
    co_await pause(1);
    std::printf("box: %d %d %d\n", (int)w, frame_size, (int)sizeof(w));
    co_return static_cast<T>(w);
  }
};

// In a template a dependent call finds `poll` by argument-dependent lookup;
// a block-scope using-declaration keeps that lookup in the lowered code.
namespace dev {
struct Port { int id; };
int poll(Port p) { return p.id * 2; }
}  // namespace dev
template <class P>
[[bcsc::async]] bcsc::task<int> query(P port) {
  co_await pause(1);
  using ::poll;
  co_return poll(port);
}

int main() {
  // OUT: alias: 4 4
  // OUT-NEXT: widen = 17179869184
  std::printf("widen = %lld\n", bcsc::block_on(alias::widen(34)));
  // OUT-NEXT: globals: 8 3
  // OUT-NEXT: 11
  std::printf("%d\n", bcsc::block_on(globals()));
  // OUT-NEXT: slots: 101 5 6 1
  bcsc::block_on(slots());
  // OUT-NEXT: qualifiers: 40 40
  bcsc::block_on(inner::qualifiers());
  // OUT-NEXT: member: 19 2
  Sensor s;
  bcsc::block_on(s.read());
  // OUT-NEXT: box: 8 3 8
  Box<int> b;
  bcsc::block_on(b.twice(4));
  // OUT-NEXT: query = 10
  std::printf("query = %d\n", bcsc::block_on(query(dev::Port{5})));
}
