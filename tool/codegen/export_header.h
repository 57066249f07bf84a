// Codegen: the export header of a translation unit (separate compilation).
//
// An async function declared in an included header and defined in the
// lowered file is "exported": other translation units call it and embed its
// frame. They cannot see the real frame (its type is built from the
// function's body), so the export header declares an opaque class with the
// real frame's size and alignment and the function returning it. The
// lowered file defines the opaque class's members by forwarding to the real
// frame in its storage, and checks the figures with a static_assert.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace bcsc::codegen {

struct ExportedFrame {
  std::string function;                // qualified name, for comments
  std::string name;                    // unqualified name, for the declaration
  std::vector<std::string> namespaces;  // enclosing namespaces, outermost first: "namespace a", "inline namespace v1"
  std::string frameName;               // the opaque class
  std::string outputType;              // T of bcsc::task<T>, fully qualified
  std::string parameters;              // the parameter list of the header's declaration, as written
  std::string realFrame;               // the real frame's name (for measuring)
  std::uint64_t size = 1;              // measured from the lowered translation unit
  std::uint64_t align = 1;
};

// The header's text. `sourcePath` is the file it was generated from. With
// no frames it is still a valid header (build systems can always declare
// it as an output).
std::string exportHeader(const std::string& sourcePath, const std::vector<ExportedFrame>& frames);

}  // namespace bcsc::codegen
