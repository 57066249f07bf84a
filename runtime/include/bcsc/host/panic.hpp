// Host panic handler that prints the message to stderr before bcsc::panic
// traps.
//
//   bcsc::set_panic_handler(&bcsc::host::print_panic);   // or install()
#pragma once

#include <cstdio>

#include "../future.hpp"

namespace bcsc {
namespace host {

inline void print_panic(const char* what) noexcept {
  std::fputs("bcsc panic: ", stderr);
  std::fputs(what ? what : "(null)", stderr);
  std::fputc('\n', stderr);
  std::fflush(stderr);
}

}  // namespace host
}  // namespace bcsc
