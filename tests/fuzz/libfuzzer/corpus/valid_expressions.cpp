int f3(int a, int b, int c) { return a + b + c; }
struct P { int x, y; };
[[bcsc::async]] bcsc::task<int> expr(int x) {
  int a = co_await bcsc::tick(1) + co_await bcsc::tick(2) * 3;
  int b = x > 0 ? co_await bcsc::tick(4) : co_await bcsc::tick(5);
  bool c = x && co_await bcsc::tick(6);
  bool d = !x || co_await bcsc::tick(7);
  int e = f3(co_await bcsc::tick(8), x, co_await bcsc::tick(9));
  P p{co_await bcsc::tick(1), 2};
  int arr[3] = {co_await bcsc::tick(1), co_await bcsc::tick(2), 3};
  a += (co_await bcsc::tick(co_await bcsc::tick(3)), 1);
  co_return a + b + c + d + e + p.x + arr[1];
}
