// A queue from one thread that produces to one that consumes, holding at most `capacity`
// items: the producer waits while it is full, so memory does not grow with the volume that
// passes through it.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>

namespace expeer {

template <typename T> class BoundedChannel {
public:
    explicit BoundedChannel(std::size_t capacity) : capacity_(capacity == 0 ? 1 : capacity) {}
    BoundedChannel(const BoundedChannel&) = delete;
    BoundedChannel& operator=(const BoundedChannel&) = delete;

    // Waits for room. False if the consumer abandoned the channel: the producer should stop.
    bool push(T item) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return items_.size() < capacity_ || abandoned_; });
        if (abandoned_) return false;
        items_.push_back(std::move(item));
        ready_.notify_one();
        return true;
    }

    // Nothing more will come. With `error`, the consumer gets it after the items queued.
    void close(std::exception_ptr error = nullptr) {
        std::lock_guard lock(mutex_);
        closed_ = true;
        error_ = std::move(error);
        ready_.notify_one();
    }

    // The next item, once there is one; nothing once the channel is closed and empty, or
    // the producer's error.
    std::optional<T> pop() {
        std::unique_lock lock(mutex_);
        ready_.wait(lock, [&] { return !items_.empty() || closed_; });
        if (items_.empty()) {
            if (error_) std::rethrow_exception(error_);
            return std::nullopt;
        }
        T item = std::move(items_.front());
        items_.pop_front();
        room_.notify_one();
        return item;
    }

    // The consumer stops: what is queued goes, and the producer's pushes fail at once.
    void abandon() {
        std::lock_guard lock(mutex_);
        abandoned_ = true;
        items_.clear();
        room_.notify_all();
    }

private:
    const std::size_t capacity_;
    std::mutex mutex_;
    std::condition_variable room_;  // the producer waits on it
    std::condition_variable ready_; // the consumer waits on it
    std::deque<T> items_;
    bool closed_ = false;
    bool abandoned_ = false;
    std::exception_ptr error_;
};

} // namespace expeer
