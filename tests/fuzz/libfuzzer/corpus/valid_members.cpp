struct Counter {
  int n = 0;
  [[bcsc::async]] bcsc::task<int> bump(int by) {
    n += co_await bcsc::tick(by);
    co_return n;
  }
  [[bcsc::async]] bcsc::task<void> reset();
};
[[bcsc::async]] bcsc::task<void> Counter::reset() {
  co_await bcsc::pause();
  n = 0;
}
template <class T>
struct Holder {
  T t;
  [[bcsc::async]] bcsc::task<T> get() { co_return co_await bcsc::ready(t); }
};
