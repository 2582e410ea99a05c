// expeer's entry point: everything else is in the library and the command table.
#include "commands.hpp"

#include <unistd.h>

#include <iostream>

int main(int argc, char** argv, char** envp) {
    expeer::cli::Context context(expeer::Environment::from_process(envp), std::cout, std::cerr,
                                 ::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1);
    return expeer::cli::run(argc, argv, context);
}
