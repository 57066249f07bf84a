// clang-tidy's --export-fixes YAML (MainSourceFile, Diagnostics with
// DiagnosticName, DiagnosticMessage{Message, FilePath, FileOffset,
// Replacements}, Notes, Level), written with clang's own YAML traits so
// clang-apply-replacements reads it.
#pragma once

#include "reports/export.h"

#include "llvm/Support/raw_ostream.h"

namespace bcsc::reports {

void writeFixesYaml(llvm::raw_ostream& out, const std::string& mainSourceFile,
                    const std::vector<ExportDiagnostic>& diagnostics);

}  // namespace bcsc::reports
