[[bcsc::async]] bcsc::task<int> gen() {
  co_yield 1;
  co_return 2;
}
