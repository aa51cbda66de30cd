#pragma once

// A small std::expected-shaped result: errors are values at module edges (STYLE.md §5).
// std::expected needs C++23, which clang 14 (used for fuzzing) cannot compile with libstdc++ 12.

#include <cassert>
#include <type_traits>
#include <utility>
#include <variant>

namespace cartpress::core {

template <class E>
class Unexpected {
public:
    explicit Unexpected(E error) : error_(std::move(error)) {}
    E& error() & { return error_; }
    E&& error() && { return std::move(error_); }

private:
    E error_;
};

template <class E>
Unexpected<std::decay_t<E>> fail(E&& error) {
    return Unexpected<std::decay_t<E>>(std::forward<E>(error));
}

template <class T, class E>
class [[nodiscard]] Result {
public:
    Result(T value) : state_(std::in_place_index<0>, std::move(value)) {}  // NOLINT: implicit
    template <class G>
    Result(Unexpected<G> error)  // NOLINT: implicit, like std::expected
        : state_(std::in_place_index<1>, E(std::move(error).error())) {}

    bool has_value() const { return state_.index() == 0; }
    explicit operator bool() const { return has_value(); }

    T& value() & { return std::get<0>(state_); }
    const T& value() const& { return std::get<0>(state_); }
    T&& value() && { return std::get<0>(std::move(state_)); }
    T& operator*() & { return value(); }
    const T& operator*() const& { return value(); }
    T* operator->() { return &value(); }
    const T* operator->() const { return &value(); }

    E& error() & { return std::get<1>(state_); }
    const E& error() const& { return std::get<1>(state_); }
    E&& error() && { return std::get<1>(std::move(state_)); }

private:
    std::variant<T, E> state_;
};

// Result<void, E>: success carries nothing.
template <class E>
class [[nodiscard]] Result<void, E> {
public:
    Result() = default;
    template <class G>
    Result(Unexpected<G> error)  // NOLINT: implicit, like std::expected
        : error_(E(std::move(error).error())), failed_(true) {}

    bool has_value() const { return !failed_; }
    explicit operator bool() const { return has_value(); }
    const E& error() const& { return error_; }
    E& error() & { return error_; }

private:
    E error_{};
    bool failed_ = false;
};

}  // namespace cartpress::core
