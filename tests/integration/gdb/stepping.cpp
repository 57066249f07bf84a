// A small async program for tests/integration/gdb_line.sh: lowered by bcsc,
// compiled with -g -O0, and debugged with gdb in batch mode. The line
// marked BREAK-HERE is where the test sets a breakpoint (in THIS file, which
// the compiled code only reaches through bcsc's #line directives).
#include <bcsc/bcsc.hpp>

#include <cstdio>

struct ready_later {
  using output_type = int;
  int value;
  int polls;
  bcsc::poll_result<int> poll(bcsc::context& cx) {
    if (polls-- > 0) {
      cx.get_waker().wake();
      return bcsc::pending;
    }
    return value;
  }
};

int observed = 0;

[[bcsc::async]] bcsc::task<int> read_twice(int channel) {
  int first = co_await ready_later{channel, 1};
  observed = first; // BREAK-HERE
  int second = co_await ready_later{channel * 2, 2};
  int total = first + second;
  co_return total;
}

int main() {
  int v = bcsc::block_on(read_twice(21));
  std::printf("read_twice(21) = %d\n", v);
  return v == 63 ? 0 : 1;
}
