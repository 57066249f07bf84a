// Command-line options of the borrow checks (global llvm::cl options, shown
// in `bcsc --help` under "bcsc diagnostics").
#pragma once

#include "llvm/ADT/StringRef.h"

#include <string>
#include <vector>

namespace bcsc::checks {

enum class Category { Dangling, TemporaryArgument, HostileRaii, Lambda, Structured, ThisEscape };
enum class Severity { Off, Warning, Error };

// "bcsc-dangling", ...: the name printed after each message, used as the
// SARIF rule id and the clang-tidy DiagnosticName.
const char* categoryName(Category c);
const char* categoryDescription(Category c);
Severity severityOf(Category c);

const std::vector<std::string>& userViewTypes();
const std::vector<std::string>& userHostileTypes();

enum class Format { Text, Sarif };
Format diagnosticsFormat();
const std::string& sarifOutput();   // "" or "-": stdout
const std::string& exportFixesPath();  // "": none

}  // namespace bcsc::checks
