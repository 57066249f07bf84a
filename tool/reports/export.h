// A diagnostic as the exporters (SARIF, clang-tidy YAML) see it: plain
// strings and numbers, computed while the SourceManager was alive.
#pragma once

#include <string>
#include <vector>

namespace bcsc::reports {

struct ExportLocation {
  std::string file;          // as presumed (honours #line)
  unsigned line = 0, column = 0;
  std::string realFile;      // the file on disk, for byte offsets
  unsigned offset = 0;
  bool valid = false;
};

struct ExportReplacement {
  std::string realFile;
  unsigned offset = 0, length = 0;
  std::string text;
  ExportLocation begin, end;  // presumed, end exclusive
};

struct ExportNote {
  std::string message;
  ExportLocation location;
};

struct ExportDiagnostic {
  std::string rule;           // bcsc-dangling, ...
  std::string level;          // "error" or "warning"
  std::string message;
  ExportLocation location;
  std::vector<ExportNote> notes;
  std::vector<ExportReplacement> fixes;
  std::string mainFile;       // the translation unit's main file
};

struct ExportRule {
  std::string id, description;
};

}  // namespace bcsc::reports
