#include "layout/layout.h"

#include <algorithm>
#include <limits>
#include <set>

namespace bcsc::layout {

namespace {

struct Interval {
  unsigned object;
  unsigned begin;
  unsigned end;
  std::vector<size_t> nested;  // indices of intervals directly inside this one
};

// Builds the containment forest. Intervals that overlap without nesting
// (not produced by scoped code, but possible in principle) are made to
// nest by extending the outer one, which only removes sharing.
std::vector<size_t> buildForest(std::vector<Interval>& intervals) {
  std::sort(intervals.begin(), intervals.end(), [](const Interval& a, const Interval& b) {
    if (a.begin != b.begin) return a.begin < b.begin;
    return a.end > b.end;
  });
  std::vector<size_t> roots;
  std::vector<size_t> stack;
  for (size_t i = 0; i < intervals.size(); ++i) {
    while (!stack.empty() && intervals[stack.back()].end < intervals[i].begin) stack.pop_back();
    if (stack.empty()) {
      roots.push_back(i);
    } else {
      for (size_t s : stack) intervals[s].end = std::max(intervals[s].end, intervals[i].end);
      intervals[stack.back()].nested.push_back(i);
    }
    stack.push_back(i);
  }
  return roots;
}

class Builder {
 public:
  explicit Builder(std::vector<Interval>& intervals) : intervals_(intervals) {}

  // An object and whatever lives inside its lifetime. A struct inside a
  // struct is flattened: each nesting level would round its size up to its
  // alignment and waste the tail padding.
  Node objectNode(size_t index) {
    const Interval& iv = intervals_[index];
    Node slot{Node::Slot, iv.object, "", {}};
    if (iv.nested.empty()) return slot;
    Node s{Node::Struct, 0, "", {}};
    s.children.push_back(slot);
    appendFlattened(s, alternatives(iv.nested));
    return s;
  }

  // Members of a struct in order of decreasing alignment, so that no
  // padding is needed between them (unknown alignments go first).
  static unsigned alignment(const Node& node, const std::vector<unsigned>& hints) {
    if (node.kind == Node::Slot) return hints[node.object] ? hints[node.object] : 64;
    unsigned most = 1;
    for (const Node& child : node.children) most = std::max(most, alignment(child, hints));
    return most;
  }
  static void sortByAlignment(Node& node, const std::vector<unsigned>& hints) {
    for (Node& child : node.children) sortByAlignment(child, hints);
    if (node.kind != Node::Struct) return;
    std::stable_sort(node.children.begin(), node.children.end(), [&](const Node& a, const Node& b) {
      return alignment(a, hints) > alignment(b, hints);
    });
  }

  static void appendFlattened(Node& parent, Node child) {
    if (child.kind != Node::Struct) {
      parent.children.push_back(std::move(child));
      return;
    }
    for (Node& grandchild : child.children) parent.children.push_back(std::move(grandchild));
  }

  // Disjoint lifetimes share storage.
  Node alternatives(const std::vector<size_t>& indices) {
    if (indices.size() == 1) return objectNode(indices[0]);
    Node u{Node::Union, 0, "", {}};
    for (size_t i : indices) u.children.push_back(objectNode(i));
    return u;
  }

 private:
  std::vector<Interval>& intervals_;
};

void nameMembers(Node& node, const ir::AsyncFunction& fn, const std::string& path,
                 std::map<unsigned, std::string>& paths, unsigned& counter) {
  for (Node& child : node.children) {
    if (child.kind == Node::Slot) {
      child.member = fn.objects[child.object].name;
      paths[child.object] = path + "." + child.member;
      continue;
    }
    child.member = (child.kind == Node::Struct ? "s" : "u") + std::to_string(counter++);
    nameMembers(child, fn, path + "." + child.member, paths, counter);
  }
}

}  // namespace

FrameLayout computeLayout(const ir::AsyncFunction& fn) {
  FrameLayout layout;
  std::set<unsigned> aliveAtSomeSuspend;
  for (const ir::SuspendPoint& p : fn.suspends) aliveAtSomeSuspend.insert(p.alive.begin(), p.alive.end());
  std::vector<Interval> intervals;
  for (const ir::FrameObject& o : fn.objects) {
    if (o.kind == ir::ObjectKind::Result && !aliveAtSomeSuspend.count(o.id)) {
      layout.pollLocal.push_back(o.id);
      layout.paths[o.id] = "bcsc_results." + o.name;
      continue;
    }
    unsigned end = o.lifetimeEnd ? o.lifetimeEnd : std::numeric_limits<unsigned>::max();
    intervals.push_back({o.id, o.lifetimeBegin, std::max(end, o.lifetimeBegin), {}});
  }
  layout.root = Node{Node::Struct, 0, "bcsc_storage", {}};
  if (intervals.empty()) return layout;
  layout.empty = false;
  std::vector<size_t> roots = buildForest(intervals);
  Builder builder(intervals);
  Node alternatives = builder.alternatives(roots);
  // The root is always a struct: codegen appends the state index to it, so
  // the state can sit in the tail padding of the storage.
  Node top{Node::Struct, 0, "", {}};
  Builder::appendFlattened(top, std::move(alternatives));
  std::vector<unsigned> hints;
  for (const ir::FrameObject& o : fn.objects) hints.push_back(o.alignHint);
  Builder::sortByAlignment(top, hints);
  top.member = "bcsc_storage";
  unsigned counter = 0;
  nameMembers(top, fn, "bcsc_storage", layout.paths, counter);
  layout.root = std::move(top);
  return layout;
}

}  // namespace bcsc::layout
