template <class T>
struct box { T v; };
template <class T>
[[bcsc::async]] bcsc::task<T> twice(T v) {
  T a = co_await bcsc::ready(v);
  box<T> b{a};
  co_return a + b.v;
}
[[bcsc::async]] bcsc::task<long> user() {
  long x = co_await twice<long>(2);
  int y = co_await twice(3);
  co_return x + y;
}
