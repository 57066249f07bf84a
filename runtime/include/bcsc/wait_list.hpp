// Intrusive wait lists: how every bcsc primitive waits.
//
// A waiting future owns a wait_node as a member of its (immovable, once
// polled) frame. poll() registers the node together with the current waker;
// a notifier pops nodes and wakes them. Destroying the future destroys the
// node, which unlinks it -- that is what makes cancellation by destruction
// safe. No allocation anywhere: the list is a pair of pointers, the links
// live in the nodes.
//
// Interrupt safety: every operation takes bcsc::critical_section, so nodes
// may be registered in task context and popped/woken from an interrupt
// handler (or another thread on a host). A node must not be destroyed from
// one context while it is being registered from another; in practice a node
// is only registered/destroyed by the task that owns it.
//
// Moving: a wait_node may be moved only while unlinked (i.e. before its
// future's first poll); moving a linked node panics. The moved-to node is a
// fresh, unlinked node.
#pragma once

#include "critical_section.hpp"
#include "future.hpp"

namespace bcsc {

class wait_list;

class wait_node {
 public:
  wait_node() noexcept = default;
  wait_node(wait_node&& other) noexcept {
    if (other.linked()) panic("bcsc: a registered wait_node was moved (future moved after its first poll)");
  }
  wait_node& operator=(wait_node&&) = delete;
  wait_node(const wait_node&) = delete;
  wait_node& operator=(const wait_node&) = delete;
  ~wait_node() { unlink(); }

  // True while the node sits in a list (not yet woken). Takes the critical
  // section, so it is consistent with a concurrent wake.
  bool linked() const noexcept {
    critical_section cs;
    return list_ != nullptr;
  }
  // Remove the node from its list if it is in one. Idempotent.
  inline void unlink() noexcept;

 private:
  friend class wait_list;
  wait_list* list_ = nullptr;
  wait_node* prev_ = nullptr;
  wait_node* next_ = nullptr;
  waker waker_;
};

class wait_list {
 public:
  constexpr wait_list() noexcept = default;
  wait_list(const wait_list&) = delete;
  wait_list& operator=(const wait_list&) = delete;
  // Waiters still registered when the list dies are woken (they will see the
  // primitive gone only if they outlive it, which is the user's bug) and
  // unlinked so their destructors do not touch freed memory.
  ~wait_list() { wake_all(); }

  // Link `n` at the back (if not already linked) and remember `w` as the
  // waker to call. Re-registering an already linked node only updates the
  // waker, so a future may call this on every poll.
  void register_waiter(wait_node& n, const waker& w) noexcept {
    critical_section cs;
    n.waker_ = w;
    if (n.list_ == nullptr) link_before_locked(n, nullptr);
  }

  // Like register_waiter, but keeps the list ordered by `less(a, b)` (stable:
  // equal keys stay in registration order). Returns true if `n` is now the
  // first node. Used by the timer queue.
  template <class Less>
  bool register_sorted(wait_node& n, const waker& w, Less less) noexcept {
    critical_section cs;
    n.waker_ = w;
    if (n.list_ == nullptr) {
      wait_node* pos = head_;
      while (pos != nullptr && !less(n, *pos)) pos = pos->next_;
      link_before_locked(n, pos);
    }
    return head_ == &n;
  }

  // Pop the first waiter and wake it. Returns false if the list was empty.
  bool wake_one() noexcept {
    critical_section cs;
    wait_node* n = head_;
    if (n == nullptr) return false;
    unlink_locked(*n);
    n->waker_.wake();
    return true;
  }

  // Pop and wake every waiter. Returns how many were woken.
  std::size_t wake_all() noexcept {
    critical_section cs;
    std::size_t count = 0;
    while (wait_node* n = head_) {
      unlink_locked(*n);
      n->waker_.wake();
      ++count;
    }
    return count;
  }

  // Pop and wake waiters from the front while pred(node) holds (the timer
  // queue wakes expired deadlines this way). Returns how many were woken.
  template <class Pred>
  std::size_t wake_while(Pred pred) noexcept {
    critical_section cs;
    std::size_t count = 0;
    while (head_ != nullptr && pred(*head_)) {
      wait_node* n = head_;
      unlink_locked(*n);
      n->waker_.wake();
      ++count;
    }
    return count;
  }

  // Calls f(front node) inside the critical section (f gets nullptr if the
  // list is empty) and returns its result.
  template <class F>
  auto with_front(F f) const noexcept {
    critical_section cs;
    return f(static_cast<const wait_node*>(head_));
  }

  // The first node; the caller must hold a critical_section.
  const wait_node* front_locked() const noexcept { return head_; }

  bool empty() const noexcept {
    critical_section cs;
    return head_ == nullptr;
  }

  // ------------------------------------------------------------ locked API --
  // For primitives that keep their own state next to the list and must
  // update both atomically: the caller holds ONE bcsc::critical_section
  // around the whole operation (critical sections never nest, so these
  // never take it themselves).

  // Link `n` at the back if unlinked, and store `w` as its waker.
  void push_back_locked(wait_node& n, const waker& w) noexcept {
    n.waker_ = w;
    if (n.list_ == nullptr) link_before_locked(n, nullptr);
  }
  // Link `n` (if unlinked) before the first node `pos` with less(n, pos);
  // store `w` as its waker.
  template <class Less>
  void insert_sorted_locked(wait_node& n, const waker& w, Less less) noexcept {
    n.waker_ = w;
    if (n.list_ != nullptr) return;
    wait_node* pos = head_;
    while (pos != nullptr && !less(n, *pos)) pos = pos->next_;
    link_before_locked(n, pos);
  }
  wait_node* front_mut_locked() noexcept { return head_; }
  bool empty_locked() const noexcept { return head_ == nullptr; }
  // Unlink `n` if it is in this list; true if it was.
  bool remove_locked(wait_node& n) noexcept {
    if (n.list_ != this) return false;
    unlink_locked(n);
    return true;
  }
  // Unlink `n` (which must be in this list) and call its waker.
  void pop_wake_locked(wait_node& n) noexcept {
    unlink_locked(n);
    n.waker_.wake();
  }
  // Unlink and wake every node; returns how many.
  std::size_t wake_all_locked() noexcept {
    std::size_t count = 0;
    while (wait_node* n = head_) {
      pop_wake_locked(*n);
      ++count;
    }
    return count;
  }
  static bool is_linked_locked(const wait_node& n) noexcept { return n.list_ != nullptr; }

 private:
  friend class wait_node;
  void link_before_locked(wait_node& n, wait_node* pos) noexcept {
    n.list_ = this;
    n.next_ = pos;
    n.prev_ = pos ? pos->prev_ : tail_;
    if (n.prev_) n.prev_->next_ = &n; else head_ = &n;
    if (pos) pos->prev_ = &n; else tail_ = &n;
  }
  void unlink_locked(wait_node& n) noexcept {
    if (n.prev_) n.prev_->next_ = n.next_; else head_ = n.next_;
    if (n.next_) n.next_->prev_ = n.prev_; else tail_ = n.prev_;
    n.prev_ = n.next_ = nullptr;
    n.list_ = nullptr;
  }

  wait_node* head_ = nullptr;
  wait_node* tail_ = nullptr;
};

inline void wait_node::unlink() noexcept {
  critical_section cs;
  if (list_ != nullptr) list_->unlink_locked(*this);
}

}  // namespace bcsc
