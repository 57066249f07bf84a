// Analysis: user code keeps the meaning of its names in the frame.
//
// The lowering pastes the body of an async function into the frame's
// poll(), a member function of the frame class. There, unqualified lookup
// finds the frame's own members and poll()'s locals before the user's
// namespace, so a user name equal to one of them would silently change
// meaning (a global `frame_size` would read the frame's size). The rules:
//
// - The frame's interface names (ir::frameInterfaceNames: output_type,
//   frame_size, frame_align, poll) stay as they are, since the future
//   protocol and users rely on them. A name the body writes unqualified that
//   means something else with one of those spellings is rewritten to a
//   qualified name of the same declaration (`::frame_size`,
//   `Motor::poll`); where no qualified name means the same (a call that
//   needs argument-dependent lookup, a use inside a macro body) it is an
//   error at the use.
// - Every other internal name begins with `bcsc_`, a prefix reserved for
//   generated code: a declaration with such a name in an async function,
//   its parameters or template parameters, a use of one from the body, and
//   a macro with such a name are errors.
// - Slot names derived from user names (`x_0`) are checked against every
//   identifier of the translation unit (nameTaken) and lengthened until
//   none has their spelling.
#pragma once

#include "analysis/source_text.h"
#include "reports/diagnostics.h"

#include "clang/AST/ASTContext.h"
#include "clang/AST/Decl.h"
#include "clang/Lex/Preprocessor.h"

#include <functional>
#include <string>

namespace bcsc::analysis {

// Registers in `text` the qualifications the body needs, and reports every
// name it cannot keep. `decltype(x)` of a frame variable (`inFrame`)
// becomes x's declared type: in the frame `x` is an access to its slot,
// whose decltype would be a reference. Returns false if it reported an
// error.
bool protectNames(const clang::FunctionDecl* fn, const clang::Stmt* body, clang::ASTContext& context,
                  SourceText& text, reports::Reporter& reporter,
                  const std::function<bool(const clang::VarDecl*)>& inFrame);

// Reports every macro whose name begins with the reserved prefix `bcsc_`;
// generated code would expand it. Returns false if there was one.
bool checkReservedMacros(const clang::Preprocessor& pp, reports::Reporter& reporter);

// Whether the translation unit spells `name` anywhere (as a declaration,
// a use or a macro): a generated name must not be one of them.
bool nameTaken(const clang::ASTContext& context, llvm::StringRef name);

// `name`, lengthened with '_' until the translation unit does not spell it.
std::string freshName(const clang::ASTContext& context, std::string name);

// Whether `spelling` (a type printed by bcsc) mentions, unqualified, a name
// the frame declares in its own scope; such a spelling must be printed with
// a leading `::`.
bool mentionsFrameInterfaceName(llvm::StringRef spelling);

}  // namespace bcsc::analysis
