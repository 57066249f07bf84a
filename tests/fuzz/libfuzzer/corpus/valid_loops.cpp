[[bcsc::async]] bcsc::task<int> loops(int n) {
  int sum = 0;
  for (int i = 0; i < n; ++i) {
    if (i % 3 == 0) continue;
    sum += co_await bcsc::tick(i);
    if (sum > 100) break;
  }
  while (sum < 200) sum += co_await bcsc::tick(7);
  do {
    co_await bcsc::pause();
    --sum;
  } while (sum > 190);
  for (int k = co_await bcsc::tick(2); k < co_await bcsc::tick(5); k += co_await bcsc::tick(1)) sum += k;
  co_return sum;
}
