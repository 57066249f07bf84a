// Layout: which frame objects share storage.
//
// Two frame objects may overlap if their storage lifetimes (intervals over
// the IR's statement order) are disjoint. Scoped C++ lifetimes nest, so the
// intervals form a tree: an object and everything nested in its lifetime
// are laid out as a struct; siblings with disjoint lifetimes share storage
// as a union. The C++ compiler then computes offsets and sizes, so the
// frame's size is a compile-time constant of the generated code. This is
// rustc's variant layout generalised from "per suspend point" to "per
// lifetime", which also overlaps objects that are live at different
// suspend points of the same scope.
#pragma once

#include "analysis/ir.h"

#include <map>
#include <string>
#include <vector>

namespace bcsc::layout {

struct Node {
  enum Kind { Struct, Union, Slot } kind = Struct;
  unsigned object = 0;    // Slot: the frame object
  std::string member;     // the member name of this node in its parent
  std::vector<Node> children;
};

struct FrameLayout {
  bool empty = true;
  Node root;                                // a Struct or Union named `bcsc_storage`
  std::map<unsigned, std::string> paths;    // object id -> member access path
  // Objects never alive at a suspend point (a co_await's value used before
  // the next one) need no frame storage: they live in one union local to
  // poll(), `bcsc_results`. Their lifetimes are pairwise disjoint.
  std::vector<unsigned> pollLocal;
};

FrameLayout computeLayout(const ir::AsyncFunction& fn);

}  // namespace bcsc::layout
