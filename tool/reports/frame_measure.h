// Reports: the real offsets and sizes of frames, read back from the
// compiler. The layout stage decides which objects share storage; the C++
// compiler places them. To report exact figures for the target, the
// lowered translation unit is parsed again as C++17 with the same flags and
// each frame's record layout is read from clang's ASTContext.
#pragma once

#include "analysis/ir.h"

#include <cstdint>
#include <string>
#include <vector>

namespace bcsc::reports {

struct MeasuredSlot {
  unsigned object = 0;
  std::uint64_t offset = 0;
  std::uint64_t size = 0;
};

struct MeasuredFrame {
  bool measured = false;  // false for templates: the size depends on the arguments
  std::uint64_t size = 0;
  std::uint64_t align = 0;
  std::uint64_t stateOffset = 0;
  std::uint64_t stateSize = 0;
  std::vector<MeasuredSlot> slots;       // frame objects, by offset
  std::vector<MeasuredSlot> parameters;  // `object` indexes AsyncFunction::params; bcsc_self is params.size()
};

// How the lowered code is parsed for measuring.
struct MeasureOptions {
  // The lowered code's file name: the source's path gives its quoted
  // includes the source's directory, as when the tool parsed it.
  std::string fileName = "bcsc-lowered.cpp";
  // Files seen instead of the disk's (path, content): the export header
  // being generated.
  std::vector<std::pair<std::string, std::string>> mappedFiles;
  // Receives every file the parse read (absolute paths; not fileName).
  std::vector<std::string>* filesRead = nullptr;
};

// Measures every function's frame; `clangArgs` are the flags to compile
// the lowered code with (no file name). Returns false with `error` set if
// the lowered code does not compile.
bool measureFrames(const std::string& loweredCode, const std::vector<const ir::AsyncFunction*>& functions,
                   const std::vector<std::string>& clangArgs, std::vector<MeasuredFrame>& frames,
                   std::string& error, const MeasureOptions& options = {});

}  // namespace bcsc::reports
