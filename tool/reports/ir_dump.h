// Reports: the lowering IR of an async function as readable text
// (`bcsc dump-ir`).
//
// Tests that check the structure the analysis built (which objects live in
// the frame, what is alive at each suspend point, which statements own and
// clean up what) read this instead of the generated C++, so that renaming a
// generated spelling does not break them. One line per object, suspend
// point and statement; nesting by indentation. Statement texts are the IR's
// own (final C++ for now), quoted.
#pragma once

#include "analysis/ir.h"
#include "layout/layout.h"

#include <string>

namespace bcsc::reports {

std::string irDump(const ir::AsyncFunction& fn, const layout::FrameLayout& layout);

}  // namespace bcsc::reports
