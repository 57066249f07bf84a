#include "layout/layout.h"

#include <algorithm>
#include <limits>

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

  // An object and whatever lives inside its lifetime.
  Node objectNode(size_t index) {
    const Interval& iv = intervals_[index];
    Node slot{Node::Slot, iv.object, "", {}};
    if (iv.nested.empty()) return slot;
    Node s{Node::Struct, 0, "", {}};
    s.children.push_back(slot);
    s.children.push_back(alternatives(iv.nested));
    return s;
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
  std::vector<Interval> intervals;
  for (const ir::FrameObject& o : fn.objects) {
    unsigned end = o.lifetimeEnd ? o.lifetimeEnd : std::numeric_limits<unsigned>::max();
    intervals.push_back({o.id, o.lifetimeBegin, std::max(end, o.lifetimeBegin), {}});
  }
  if (intervals.empty()) return layout;
  layout.empty = false;
  std::vector<size_t> roots = buildForest(intervals);
  Builder builder(intervals);
  Node top = builder.alternatives(roots);
  // The root is always an aggregate so that paths have one shape.
  if (top.kind == Node::Slot) top = Node{Node::Struct, 0, "", {top}};
  top.member = "bcsc_storage";
  unsigned counter = 0;
  nameMembers(top, fn, "bcsc_storage", layout.paths, counter);
  layout.root = std::move(top);
  return layout;
}

}  // namespace bcsc::layout
