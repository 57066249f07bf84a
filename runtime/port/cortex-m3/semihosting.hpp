// Allocation-free console output and exit through ARM semihosting.
//
// Why not printf: newlib's stdio allocates its FILE buffers with malloc on
// first use, and this port promises a heap-free image (tests/cortexm/run.sh
// checks the ELF with nm). These helpers go straight to the debugger / QEMU
// with a BKPT 0xAB trap, one call per string, no buffering.
#pragma once

#include <cstddef>
#include <cstdint>

namespace bcsc::port::semihost {

// Operation numbers from the ARM semihosting specification.
enum : std::uint32_t {
  sys_open = 0x01,           // open a host file; ":tt" is the console
  sys_write = 0x05,          // write a buffer to an open handle
  sys_exit = 0x18,           // stop; on AArch32 the status is only "ok / not ok"
  sys_exit_extended = 0x20,  // stop with a full exit status
};
inline constexpr std::uint32_t adp_stopped_application_exit = 0x20026;

// One semihosting trap: operation in r0, argument in r1, result in r0.
inline std::uint32_t call(std::uint32_t op, const void* arg) noexcept {
  register std::uint32_t r0 asm("r0") = op;
  register const void* r1 asm("r1") = arg;
  asm volatile("bkpt 0xab" : "+r"(r0) : "r"(r1) : "memory");
  return r0;
}

// The console handle. Opening ":tt" for writing gives the host's stdout
// (SYS_WRITE0 would be simpler, but QEMU sends it to stderr, where it mixes
// with QEMU's own diagnostics).
inline std::uint32_t console_handle() noexcept {
  static std::uint32_t handle = 0xffffffffu;
  if (handle == 0xffffffffu) {
    static const char name[] = ":tt";
    constexpr std::uint32_t mode_w = 4;  // fopen "w"
    const std::uint32_t block[3] = {reinterpret_cast<std::uint32_t>(name), mode_w,
                                    sizeof name - 1};
    handle = call(sys_open, block);
  }
  return handle;
}

inline void write(const char* s, std::size_t n) noexcept {
  const std::uint32_t block[3] = {console_handle(), reinterpret_cast<std::uint32_t>(s),
                                  static_cast<std::uint32_t>(n)};
  call(sys_write, block);
}

inline void put(const char* s) noexcept {
  std::size_t n = 0;
  while (s[n] != '\0') ++n;
  write(s, n);
}

// Decimal formatting into a stack buffer: all the test trace needs.
inline void put_uint(std::uint32_t v) noexcept {
  char buf[11];
  char* p = buf + sizeof buf;
  *--p = '\0';
  do {
    *--p = static_cast<char>('0' + v % 10);
    v /= 10;
  } while (v != 0);
  put(p);
}

inline void put_int(std::int32_t v) noexcept {
  if (v < 0) {
    put("-");
    put_uint(0u - static_cast<std::uint32_t>(v));
  } else {
    put_uint(static_cast<std::uint32_t>(v));
  }
}

// Ends the program (QEMU exits with `status`). SYS_EXIT_EXTENDED carries the
// status; QEMU supports it on every target.
[[noreturn]] inline void exit(int status) noexcept {
  const std::uint32_t block[2] = {adp_stopped_application_exit,
                                  static_cast<std::uint32_t>(status)};
  call(sys_exit_extended, block);
  for (;;) {  // only reached without a debugger / semihosting host
  }
}

}  // namespace bcsc::port::semihost
