// Reports: the state graph of an async function as Graphviz DOT.
//
// Nodes are the start, each suspend point (a state of the frame, with its
// source line) and completion; an edge means poll() can run from one to
// the other without suspending in between. Computed from the IR's
// structured control flow.
#pragma once

#include "analysis/ir.h"

#include <set>
#include <string>
#include <utility>
#include <vector>

namespace bcsc::reports {

// Edges between states: 0 is the start, k a suspend point's state, and
// stateCount()-1 completion.
std::set<std::pair<unsigned, unsigned>> stateTransitions(const ir::AsyncFunction& fn);

// One digraph with a cluster per function.
std::string stateGraphDot(const std::vector<const ir::AsyncFunction*>& functions);

}  // namespace bcsc::reports
