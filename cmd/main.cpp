// expeer's entry point: everything else is in the library and the command table.
#include "commands.hpp"

#include <unistd.h>

#include <clocale>
#include <iostream>

int main(int argc, char** argv, char** envp) {
    // expeer reads and writes UTF-8 whatever the caller's locale; libarchive converts names
    // through LC_CTYPE, and "C" cannot hold "é".
    if (!std::setlocale(LC_CTYPE, "C.UTF-8")) std::setlocale(LC_CTYPE, "");
    expeer::cli::Context context(expeer::Environment::from_process(envp), std::cout, std::cerr,
                                 ::isatty(STDOUT_FILENO) == 1, ::isatty(STDERR_FILENO) == 1);
    return expeer::cli::run(argc, argv, context);
}
