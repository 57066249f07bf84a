[[bcsc::async]] bcsc::task<undefined_t> f(missing m) {
  auto v = co_await not_declared();
  co_return v.field;
}
