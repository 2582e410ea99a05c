// expeer demo seed
#include "commands.hpp"

#include "demo/seed.hpp"

#include <fmt/format.h>

namespace expeer::cli {

void add_demo_commands(CLI::App& group, Context& context, Action& action) {
    auto* seed = group.add_subcommand("seed", "Fill an empty database with a fictional network shaped like the 2023-2024 report");
    seed->callback([&] {
        action = [&] {
            const auto s = seed_demo_network(context.database(), context.clock(), context.config().get("actor"));
            context.say(fmt::format("expeer: seeded {} fictional members, {} spaces, {} news, {} comments and {} "
                                    "activities", s.members, s.spaces, s.news, s.comments, s.activities));
        };
    });
}

} // namespace expeer::cli
