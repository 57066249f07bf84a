// Codegen: assembling and writing the lowered translation unit.
#pragma once

#include "llvm/ADT/StringRef.h"
#include "llvm/Support/Error.h"

#include <algorithm>
#include <string>
#include <vector>

namespace bcsc::codegen {

// One async function definition replaced by its generated code.
struct Replacement {
  unsigned begin = 0;  // byte offsets in the original main file
  unsigned end = 0;
  unsigned resumeLine = 0;  // the source line at `end`, for #line after the replacement
  std::string text;
  bool format = true;  // run clang-format (off for one-line in-class declarations)
};

struct AssembleOptions {
  bool lineDirectives = true;
  bool format = true;  // false: generated pieces as emitted (still valid C++)
  std::string sourcePath;  // absolute path of the original file
};

// The original text with every replacement applied, each generated piece
// formatted with clang-format, and #line directives so that diagnostics
// and debuggers land in the user's file.
std::string assemble(llvm::StringRef original, std::vector<Replacement> replacements,
                     const AssembleOptions& options);

// The deepest nesting of one kind of bracket in a piece of C++, counted as
// clang's parser counts it against -fbracket-depth (each of (), [] and {}
// separately; brackets in literals and comments do not count).
struct Nesting {
  unsigned parens = 0, squares = 0, braces = 0;
  unsigned deepest() const { return std::max({parens, squares, braces}); }
};
Nesting deepestNesting(llvm::StringRef code);

// clang-format (LLVM style) over a piece of generated code.
std::string formatCode(llvm::StringRef code);

// Writes atomically (temporary file, then rename). An unchanged file is
// left untouched so build systems see no new timestamp.
llvm::Error writeIfChanged(llvm::StringRef path, llvm::StringRef content);

}  // namespace bcsc::codegen
