// Reports: `bcsc layout` — each frame's storage, per object and per state,
// like clang's -fdump-record-layouts: offset, size, type and name of every
// stored object, the state index, the padding, and what is alive in each
// state. Also as JSON (`--json`).
#pragma once

#include "analysis/ir.h"
#include "layout/layout.h"
#include "reports/frame_measure.h"

#include "llvm/Support/JSON.h"

#include <string>

namespace bcsc::reports {

std::string layoutText(const ir::AsyncFunction& fn, const layout::FrameLayout& layout, const MeasuredFrame& frame);
llvm::json::Object layoutJson(const ir::AsyncFunction& fn, const layout::FrameLayout& layout,
                              const MeasuredFrame& frame);

}  // namespace bcsc::reports
