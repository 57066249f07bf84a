// Included by the async source tasks.cpp: editing this header must lower
// tasks.cpp again (bcsc's depfile).
#pragma once

namespace consumer {
inline constexpr int rounds = 4;
}
