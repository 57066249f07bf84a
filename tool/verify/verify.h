// Verify: `bcsc lower --verify` re-parses the lowered translation unit and
// checks it against the source, so that a wrong lowering is an error, never
// a file that silently means something else.
//
// Two checks:
// - the lowered code compiles (with the flags it will be built with);
// - every name the user's code writes unqualified in an async function
//   means, in the lowered code, a declaration it meant in the source. The
//   lowered code carries #line back to the source, so a use is identified
//   by its line and the name it refers to; a declaration by where it is
//   declared (through #line for the main file), its parameters and
//   template parameters by their name, and async functions by their
//   qualified name (the lowering replaces their declarations). Uses the
//   source does not have at that line (generated code) are not compared.
//   A name captured by the frame (a frame member, a slot, a poll() local)
//   is a declaration the source does not have, so it is reported.
#pragma once

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"

#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

namespace bcsc::verify {

// What the names in the source's async functions refer to.
struct NameUses {
  std::string file;  // the source file, absolute
  std::vector<std::pair<unsigned, unsigned>> lines;  // the lines of each lowered function
  std::map<std::pair<unsigned, std::string>, std::set<std::string>> uses;  // (line, name) -> declarations
};

// Records the uses in the bodies of `functions` (their definitions, in the
// main file of `context`).
void collectNameUses(const clang::ASTContext& context, const std::vector<const clang::FunctionDecl*>& functions,
                     NameUses& uses);

struct Problem {
  unsigned line = 0;  // in the source file; 0 if unknown
  std::string message;
  bool compileError = false;  // `message` is the compiler's error (else: a name that means something else)
};

// Parses `lowered` as the file `fileName` with the clang arguments `args`
// and returns every problem: errors of the lowered code, and names that
// mean another declaration than in the source.
// `mappedFiles` (path, contents) are seen instead of the files on disk (a
// generated export header).
std::vector<Problem> verifyLowered(const std::string& lowered, const std::string& fileName,
                                   const std::vector<std::string>& args, const NameUses& uses,
                                   const std::vector<std::pair<std::string, std::string>>& mappedFiles = {});

}  // namespace bcsc::verify
