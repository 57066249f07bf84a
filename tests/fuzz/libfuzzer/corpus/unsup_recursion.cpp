[[bcsc::async]] bcsc::task<int> fib(int n) {
  if (n < 2) co_return n;
  co_return co_await fib(n - 1) + co_await fib(n - 2);
}
[[bcsc::async]] bcsc::task<int> ping(int n);
[[bcsc::async]] bcsc::task<int> pong(int n) { co_return co_await ping(n - 1); }
[[bcsc::async]] bcsc::task<int> ping(int n) { co_return n ? co_await pong(n) : 0; }
