// The sensors library's async function, lowered by bcsc_generate; other
// files (and the consumer executable) call it through consumer/sensor.hpp.
#include "consumer/sensor.hpp"

namespace consumer {

[[bcsc::async]] bcsc::task<int> read_sensor(int channel) {
  int v = co_await countdown{channel, 1};
  co_return v;
}

}  // namespace consumer
