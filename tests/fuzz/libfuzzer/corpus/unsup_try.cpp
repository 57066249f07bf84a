[[bcsc::async]] bcsc::task<int> t() {
  try {
    int v = co_await bcsc::tick(1);
    co_return v;
  } catch (...) {
    co_return -1;
  }
}
