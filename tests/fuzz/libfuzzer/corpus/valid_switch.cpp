[[bcsc::async]] bcsc::task<int> sw(int x) {
  int r = 0;
  switch (co_await bcsc::tick(x)) {
    case 0:
      r = co_await bcsc::tick(10);
      break;
    case 1: {
      int y = co_await bcsc::tick(20);
      r = y * 2;
      [[fallthrough]];
    }
    case 2:
      r += 1;
      break;
    default:
      co_await bcsc::pause();
  }
  if (int z = co_await bcsc::tick(3); z > 2) r += z;
  co_return r;
}
