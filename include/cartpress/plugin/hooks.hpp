#pragma once

#include <algorithm>
#include <cstddef>
#include <functional>
#include <utility>
#include <vector>

namespace cartpress::plugin {

// WordPress's hook rules (wp-includes/class-wp-hook.php) without string names or untyped
// values: lower priority runs first, ties in the order added. Callbacks are added from main
// before serving; afterwards the hook is only read, so concurrent apply()/run() are safe.
template <class T, class... Args>
class Filter {
public:
    using Callback = std::function<T(T, Args...)>;

    void add(int priority, Callback fn) {
        entries_.push_back({priority, next_seq_++, std::move(fn)});
        std::stable_sort(entries_.begin(), entries_.end(),
                         [](const Entry& a, const Entry& b) { return a.priority < b.priority; });
    }
    // Passes the value through every callback in order.
    T apply(T value, Args... args) const {
        for (const auto& e : entries_) value = e.fn(std::move(value), args...);
        return value;
    }
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        int priority;
        std::size_t seq;
        Callback fn;
    };
    std::vector<Entry> entries_;
    std::size_t next_seq_ = 0;
};

template <class... Args>
class Action {
public:
    using Callback = std::function<void(Args...)>;

    void add(int priority, Callback fn) {
        entries_.push_back({priority, std::move(fn)});
        std::stable_sort(entries_.begin(), entries_.end(),
                         [](const Entry& a, const Entry& b) { return a.priority < b.priority; });
    }
    void run(Args... args) const {
        for (const auto& e : entries_) e.fn(args...);
    }
    std::size_t size() const { return entries_.size(); }

private:
    struct Entry {
        int priority;
        Callback fn;
    };
    std::vector<Entry> entries_;
};

}  // namespace cartpress::plugin
