#include "util/bounded_channel.hpp"

#include <catch2/catch.hpp>

#include <atomic>
#include <stdexcept>
#include <thread>

using namespace expeer;

TEST_CASE("a channel passes everything in order, never holding more than its capacity") {
    BoundedChannel<int> channel(3);
    std::atomic<int> pushed{0};
    std::thread producer([&] {
        for (int i = 0; i < 1000; ++i) {
            REQUIRE(channel.push(i));
            ++pushed;
        }
        channel.close();
    });
    // The consumer has taken nothing: the producer stops at the capacity.
    while (pushed < 3) std::this_thread::yield();
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    CHECK(pushed == 3);
    for (int i = 0; i < 1000; ++i) {
        const auto item = channel.pop();
        REQUIRE(item);
        CHECK(*item == i);
    }
    CHECK_FALSE(channel.pop());
    producer.join();
}

TEST_CASE("the producer's error reaches the consumer after what it queued") {
    BoundedChannel<int> channel(4);
    channel.push(1);
    channel.close(std::make_exception_ptr(std::runtime_error("feed broke")));
    CHECK(channel.pop() == 1);
    CHECK_THROWS_WITH(channel.pop(), "feed broke");
}

TEST_CASE("a consumer that gives up releases a waiting producer") {
    BoundedChannel<int> channel(1);
    channel.push(1);
    bool accepted = true;
    std::thread producer([&] { accepted = channel.push(2); }); // waits: the channel is full
    std::this_thread::sleep_for(std::chrono::milliseconds(20));
    channel.abandon();
    producer.join();
    CHECK_FALSE(accepted);
    CHECK_FALSE(channel.push(3));
}
