// Included by main.cpp only: editing it must not lower tasks.cpp again.
#pragma once

namespace consumer {
inline constexpr const char* banner = "consumer of the bcsc package";
}
