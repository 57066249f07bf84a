// The lowering IR: what the analysis stage hands to layout and codegen.
//
// An async function becomes a tree of IR statements in which every object
// that must survive a suspend point is an explicit FrameObject, constructed
// and destroyed by explicit statements, and every co_await is a Suspend
// statement. Expressions that need no restructuring stay as source text.
#pragma once

#include "clang/Basic/SourceLocation.h"
#include <memory>
#include <string>
#include <vector>

namespace clang {
class FunctionDecl;
}

namespace bcsc::ir {

enum class ObjectKind {
  Local,      // a user variable whose scope contains a suspend point
  Reference,  // a user reference variable: the slot holds a pointer
  Temporary,  // a prvalue spilled because a later co_await in the same full-expression
  Borrow,     // a glvalue spilled the same way: the slot holds a pointer
  Future,     // the operand of a co_await, alive while suspended on it
  Result,     // the value a co_await produced, alive until its full-expression ends
};

const char* toString(ObjectKind kind);

// The names a frame declares in its own class scope besides those that
// begin with `bcsc_`: the future protocol's `output_type` and `poll`, and the
// documented `frame_size` and `frame_align`. User code in poll() would see
// them before its own (analysis/hygiene.h says how that is prevented).
inline constexpr const char* frameInterfaceNames[] = {"output_type", "frame_size", "frame_align", "poll"};
// The prefix of every other generated name; reserved for bcsc.
inline constexpr const char* reservedPrefix = "bcsc_";

struct FrameObject {
  unsigned id = 0;
  ObjectKind kind = ObjectKind::Local;
  std::string name;         // unique C++ identifier of the slot in the frame
  std::string displayName;  // what reports call it: the variable name, or a description
  std::string type;         // C++ type of the object the slot holds (pointer for Reference/Borrow)
  clang::SourceLocation loc;
  unsigned line = 0;
  bool isArray = false;         // constructed through bcsc::detail::array_box
  unsigned alignHint = 0;       // alignment in bytes if known to the analysis (0: unknown)
  std::string alignSpecifier;   // the declaration's alignas for the slot ("alignas(32)", "alignas(T)"), or empty
  // Storage lifetime as positions in the IR's statement order: the layout
  // overlaps two objects only if these intervals are disjoint.
  unsigned lifetimeBegin = 0;
  unsigned lifetimeEnd = 0;
};

// One co_await: the frame's state index while suspended there.
struct SuspendPoint {
  unsigned state = 0;  // 1-based; 0 is "not started"
  unsigned future = 0;  // FrameObject id of the awaited future
  bool futureIsBorrowed = false;  // the future is a named object polled in place
  std::string futureAccess;  // expression that names the future while suspended
  int result = -1;  // FrameObject id receiving the value, or -1 for void
  std::vector<unsigned> alive;  // frame objects alive while suspended, in construction order
  clang::SourceLocation loc;
  unsigned line = 0;
  std::string text;  // the co_await as written, for reports
};

enum class StmtKind {
  Block,      // children in order; destroys `owned` in reverse at its end
  Declare,    // storage for `object` is reserved from here to the end of the owning block
  Construct,  // placement-construct `object` from `text` (an initializer)
  Destroy,    // end the lifetime of `object` early (a future after it completed)
  Code,       // a statement emitted as `text`
  Suspend,    // the co_await with state `index`
  If,         // if (text) children else elseChildren
  Loop,       // for(;;) { header; children; continue label; latch } with id `index`
  Switch,     // switch (text) { children }
  Label,      // a case or default label, as text
  Break,      // destroys `cleanup` then leaves the innermost loop or switch
  Continue,   // destroys `cleanup` then continues loop `index`
  Return,     // evaluates text (may be empty), destroys `cleanup`, completes the frame
};

struct Stmt {
  StmtKind kind = StmtKind::Code;
  std::string text;
  unsigned object = 0;
  unsigned index = 0;
  std::vector<Stmt> children;
  std::vector<Stmt> elseChildren;  // If: else branch; Loop: the condition steps
  std::vector<Stmt> latch;         // Loop: steps after the continue label (do-while condition, increment)
  std::vector<unsigned> owned;     // Block: frame objects constructed directly in it
  std::vector<unsigned> cleanup;   // Break/Continue/Return: objects to destroy, innermost first
  unsigned line = 0;               // source line, for #line
};

struct Param {
  std::string name;
  std::string type;      // as declared (may be a reference)
  std::string initText;  // how the frame constructor initialises the member
};

// __func__ and the like, as the C++20 build would print them here.
struct PredefinedName {
  std::string identifier;  // "__func__", "__FUNCTION__", "__PRETTY_FUNCTION__"
  std::string value;       // the string's contents
};

// Everything codegen and reports need to know about one async function.
struct AsyncFunction {
  const clang::FunctionDecl* decl = nullptr;
  std::string name;            // the function's name
  std::string frameName;       // the generated frame struct
  std::string outputType;      // T of bcsc::task<T>
  std::string templateHeader;  // "template <class T>" or empty
  std::string templateArgs;    // "<T>" or empty
  std::string qualifiers;      // "static ", "inline " ...
  std::string attributes;      // attributes written in front of the definition, but [[bcsc::async]]
  std::string paramList;       // the wrapper's parameter list as the user wrote it
  std::vector<Param> params;
  std::vector<FrameObject> objects;
  std::vector<SuspendPoint> suspends;
  Stmt body;                   // a Block
  // Scalars poll() declares before its dispatch (vacuously initialised, so
  // resuming may jump over nothing): condition values whose full-expression
  // temporaries must die before the branch.
  std::vector<std::string> pollLocals;
  std::vector<PredefinedName> predefinedNames;  // those the body uses, by identifier
  unsigned stateCount() const { return static_cast<unsigned>(suspends.size()) + 2; }
  // Member functions: the frame is a nested class of `classType`, defined
  // after the class, and holds `bcsc_self` (the object pointer).
  bool isMethod = false;
  bool isStaticMethod = false;
  bool isConstMethod = false;
  std::string classType;            // "Motor" or "Box<T>"
  std::string classTemplateHeader;  // "template <class T>" of an enclosing class template
  std::string scope;                // qualified name of the enclosing namespace or class, or empty
  // Separate compilation: a function declared in an included header and
  // defined in this file is exported. It returns the opaque class
  // `exportedFrame` (declared in the export header, same size and alignment
  // as the real frame); `frameName` is then the real frame, which lives in
  // the opaque class's storage.
  bool exported = false;
  std::string exportedFrame;
  std::string exportHeader;  // the export header's file name, for the static_assert message
  std::string file;            // absolute path of the source, for #line
  unsigned beginOffset = 0;    // the definition's span in the main file
  unsigned endOffset = 0;
  unsigned line = 0;
};

}  // namespace bcsc::ir
