// Shared by the diagnostics tests: standard types the checks know about and
// plain (non-async) helpers. Async functions must be in each test's main file.
#pragma once

#include "harness.hpp"

#include <array>
#include <mutex>
#include <shared_mutex>
#include <span>
#include <string>
#include <string_view>
#include <vector>

inline std::string make_string() { return "temporary"; }
inline std::vector<int> make_vector() { return {1, 2, 3}; }
inline int use(std::string_view s) { return static_cast<int>(s.size()); }
inline int use_span(std::span<const int> s) { return static_cast<int>(s.size()); }

inline std::mutex mu;
inline std::shared_mutex shared_mu;
inline std::vector<int> global_items{1, 2, 3};

struct sample {
  int value;
  const int& get() const { return value; }
  int copy() const { return value; }
};
