[[bcsc::async]] bcsc::task<int> lam(int x) {
  auto sq = [](int v) { return v * v; };
  auto add = [x](int v) { return v + x; };
  int y = co_await bcsc::tick(sq(x));
  co_return add(y);
}
