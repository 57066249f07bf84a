// SARIF 2.1.0 writer for bcsc's diagnostics (llvm::json). Locations are the
// presumed ones, so #line directives are honoured.
#pragma once

#include "reports/export.h"

#include "llvm/Support/raw_ostream.h"

namespace bcsc::reports {

void writeSarif(llvm::raw_ostream& out, const std::vector<ExportRule>& rules,
                const std::vector<ExportDiagnostic>& diagnostics);

}  // namespace bcsc::reports
