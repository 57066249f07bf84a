// The async API of the consumer, as seen from main.cpp.
#pragma once

#include <bcsc/bcsc.hpp>

#include <cstddef>

namespace consumer {

// Defined in tasks.cpp.
int run_scaled_sum(int n);                 // block_on(scaled_sum(n))
std::size_t scaled_sum_frame_size();       // 0 when not lowered
const char* name();

}  // namespace consumer

// scaled_sum is async and defined in tasks.cpp: main.cpp calls it too (its
// frame is the opaque class bcsc writes into tasks.bcsc.hpp).
#if BCSC_LOWERED
#include "tasks.bcsc.hpp"
#else
namespace consumer {
[[bcsc::async]] bcsc::task<int> scaled_sum(int n);
}  // namespace consumer
#endif
