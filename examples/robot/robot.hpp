// The robot example's interface between the target-independent application
// (robot.cpp, lowered by bcsc) and the platform (main_host.cpp or
// main_cortexm.cpp).
#pragma once

namespace robot {

// Provided by the platform: write a string to the console, unbuffered.
void put(const char* s);

// The application. Spawns the tasks on an executor, runs them to
// completion, prints the memory budget and a deterministic trace.
// Returns 0 when every check passed.
int run();

}  // namespace robot
