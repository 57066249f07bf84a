// Umbrella header: the freestanding bcsc runtime.
//
//   #include <bcsc/bcsc.hpp>
//
// Everything here builds without a hosted C library, heap, exceptions or
// RTTI (C++17). bcsc::task<T> (the C++20 coroutine fallback) is included
// only when the compiler implements coroutines. Host-only helpers
// (steady_clock driver, condition-variable idle hook, printing panic
// handler) are in <bcsc/host/host.hpp>.
#pragma once

#include "future.hpp"
#include "config.hpp"
#include "critical_section.hpp"
#include "wait_list.hpp"
#include "idle.hpp"
#include "executor.hpp"
#include "block_on.hpp"
#include "join.hpp"
#include "race.hpp"
#include "yield.hpp"
#include "time.hpp"
#include "event.hpp"
#include "option.hpp"
#include "semaphore.hpp"
#include "mutex.hpp"
#include "channel.hpp"
#include "watch.hpp"
#include "scope.hpp"
#include "task.hpp"
